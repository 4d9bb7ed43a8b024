import { z } from 'zod';
import { Instant } from './instant.ts';
import { Actor } from './roles.ts';
import type { DealEvent } from './deal/events.ts';
import { DomainEvent } from './events.ts';

/** The current schema version of every stored event; older stored versions are upcast on read. */
export const CURRENT_SCHEMA_VERSION = 1;

export const EventEnvelope = z.object({
  eventId: z.uuid(),
  schemaVersion: z.int().positive(),
  streamId: z.string().regex(/^(deal|nps|plans|closes)#.+/),
  version: z.int().positive(),
  recordedAt: Instant,
  actor: Actor,
  tenantId: z.string().min(1),
  causationId: z.string().optional(),
  correlationId: z.string().optional(),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** A recorded event: the domain event plus where and when it was stored, and who said so. */
export type RecordedEvent = EventEnvelope & DomainEvent;
export const RecordedEvent = z.discriminatedUnion(
  'type',
  DomainEvent.options.map((event) => event.extend(EventEnvelope.shape)) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<RecordedEvent>;

/** A recorded event of a deal's life (or of an NPS answer kept on its own). */
export type RecordedDealEvent = EventEnvelope & DealEvent;

export const dealStreamId = (dealId: string): string => `deal#${dealId}`;
