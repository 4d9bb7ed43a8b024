import * as z from './zod.ts';
import type { DomainEvent } from './events.ts';
import { Instant } from './instant.ts';
import { Actor } from './roles.ts';
import { streamKindOf, streamKinds, upcastStoredEvent, type StreamEventOf, type StreamKindName } from './streams.ts';

const streamIdOfKinds = (names: readonly string[]) => z.string().check(z.regex(new RegExp(`^(${names.join('|')})#.+`)));

/** Where and when an event was stored, and who said so: the same for every kind of stream. */
export const EventEnvelope = z.object({
  eventId: z.uuid(),
  schemaVersion: z.int().check(z.positive()),
  streamId: streamIdOfKinds(Object.keys(streamKinds)),
  version: z.int().check(z.positive()),
  recordedAt: Instant,
  actor: Actor,
  tenantId: z.string().check(z.minLength(1)),
  causationId: z.optional(z.string()),
  correlationId: z.optional(z.string()),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** A recorded event of one kind of stream: one of its events, plus the envelope. */
export type RecordedEventOf<K extends StreamKindName> = EventEnvelope & StreamEventOf<K>;
/** A recorded event: the domain event plus where and when it was stored, and who said so. */
export type RecordedEvent = EventEnvelope & DomainEvent;
/** A recorded event of a deal's life (or of an NPS answer kept on its own). */
export type RecordedDealEvent = RecordedEventOf<'deal'>;

const recordedEventOfKind = (name: StreamKindName) => {
  const envelope = { ...EventEnvelope.shape, streamId: streamIdOfKinds([name]) };
  const options = streamKinds[name].events.def.options.map((event: z.ZodMiniObject) => z.extend(event, envelope));
  return z.discriminatedUnion('type', options as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]]);
};

const builtKinds: Partial<Record<StreamKindName, z.ZodMiniType>> = {};

/**
 * Each kind's recorded events: only that kind's stream ids and that kind's events. Each is built the
 * first time it is read: a function reads one or two kinds, and building every kind's at load costs
 * each cold start about 9 ms.
 */
export const recordedEventOf = Object.defineProperties(
  {},
  Object.fromEntries(
    (Object.keys(streamKinds) as StreamKindName[]).map((name) => [
      name,
      { enumerable: true, get: () => (builtKinds[name] ??= recordedEventOfKind(name)) },
    ]),
  ),
) as unknown as { readonly [K in StreamKindName]: z.ZodMiniType<RecordedEventOf<K>> };

/** Any recorded event, of whichever kind of stream its id names. */
export const RecordedEvent = z.lazy(() =>
  z.union(Object.values(recordedEventOf) as unknown as [z.ZodMiniType, ...z.ZodMiniType[]]),
) as unknown as z.ZodMiniType<RecordedEvent>;

/**
 * Reads a stored event of a stream as its kind reads it now: upcast by that kind's upcasters,
 * validated against that kind's events and stream ids. Throws when the id names no kind of stream.
 */
export const parseStoredEvent = (streamId: string, stored: Record<string, unknown>) => {
  const kind = streamKindOf(streamId);
  return (recordedEventOf[kind.name] as z.ZodMiniType<RecordedEvent>).safeParse(upcastStoredEvent(streamId, stored));
};
