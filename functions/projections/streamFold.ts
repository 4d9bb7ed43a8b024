import type { RecordedEvent } from '../../domain/envelope.ts';
import type { StreamProjection } from '../../domain/scorecard/streamProjections.ts';

/** A stream folded up to a version: what a view holds, or what a rebuild has read so far. */
export interface StreamFold {
  state: unknown;
  version: number;
}

/** A stream's whole history as the event store reads it. */
export type StreamReader = () => Promise<{ version: number; events: readonly { event: RecordedEvent }[] }>;

export interface FoldedStream {
  fold: StreamFold;
  /** Folded on from where it was, or read again from the start because an event was missing. */
  caughtUp: boolean;
}

/**
 * The one rule by which events reach a projection, for the live projector and the rebuild alike:
 * events the fold already holds change nothing; events that follow on from it without a gap evolve
 * it, in version order; an event ahead of one still missing means only the event store has the
 * whole stream, so it is read and folded from the start. Null when nothing was new.
 */
export const foldStream = async (
  projection: StreamProjection<unknown>,
  from: StreamFold | null,
  events: readonly RecordedEvent[],
  readStream: StreamReader,
): Promise<FoldedStream | null> => {
  const version = from?.version ?? 0;
  const fresh = new Map<number, RecordedEvent>();
  for (const event of events) if (event.version > version && !fresh.has(event.version)) fresh.set(event.version, event);
  if (fresh.size === 0) return null;
  const versions = [...fresh.keys()].sort((a, b) => a - b);
  if (versions.every((candidate, position) => candidate === version + 1 + position)) {
    const state = versions.reduce((folded, next) => projection.evolve(folded, fresh.get(next)!), from?.state ?? projection.initialState());
    return { fold: { state, version: versions.at(-1)! }, caughtUp: false };
  }
  const stream = await readStream();
  const state = stream.events.reduce((folded, stored) => projection.evolve(folded, stored.event), projection.initialState());
  return { fold: { state, version: stream.version }, caughtUp: true };
};
