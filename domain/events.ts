import { z } from 'zod';
import { DealEvent, dealEventData } from './deal/events.ts';
import { IncentiveEvent } from './incentives/events.ts';

/** Everything the event store holds: a deal's life, and the incentive pool's plans and closes. */
export const DomainEvent = z.discriminatedUnion('type', [...DealEvent.options, ...IncentiveEvent.options]);
export type DomainEvent = DealEvent | IncentiveEvent;

export const isDealEvent = <E extends DomainEvent>(event: E): event is Extract<E, DealEvent> => Object.hasOwn(dealEventData, event.type);

export const isIncentiveEvent = <E extends DomainEvent>(event: E): event is Extract<E, IncentiveEvent> => !isDealEvent(event);
