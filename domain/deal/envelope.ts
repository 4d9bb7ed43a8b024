import { z } from 'zod';
import { Instant } from '../instant.ts';
import { Actor } from '../roles.ts';
import { DealEvent } from './events.ts';

/** The current schema version of every deal event; older stored versions are upcast on read. */
export const CURRENT_SCHEMA_VERSION = 1;

export const EventEnvelope = z.object({
  eventId: z.uuid(),
  schemaVersion: z.int().positive(),
  streamId: z.string().regex(/^(deal|nps)#.+/),
  version: z.int().positive(),
  recordedAt: Instant,
  actor: Actor,
  tenantId: z.string().min(1),
  causationId: z.string().optional(),
  correlationId: z.string().optional(),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** A recorded deal event: the domain event plus where and when it was stored, and who said so. */
export type RecordedDealEvent = EventEnvelope & DealEvent;
export const RecordedDealEvent = z.discriminatedUnion(
  'type',
  DealEvent.options.map((event) => event.extend(EventEnvelope.shape)) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
) as unknown as z.ZodType<RecordedDealEvent>;

export const dealStreamId = (dealId: string): string => `deal#${dealId}`;
