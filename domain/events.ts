import { dealEventData, type DealEvent } from './deal/events.ts';
import type { StreamEvent } from './streams.ts';

/** Everything the event store holds: the events of every kind of stream (domain/streams.ts). */
export type DomainEvent = StreamEvent;

const dealEventTypes: ReadonlySet<string> = new Set(Object.keys(dealEventData));

export const isDealEvent = <E extends DomainEvent>(event: E): event is Extract<E, DealEvent> => dealEventTypes.has(event.type);
