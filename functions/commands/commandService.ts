import { commandVersionOf } from '../../domain/commandVersion.ts';
import type { Decider } from '../../domain/decider.ts';
import type { RecordedEvent } from '../../domain/envelope.ts';
import type { DomainEvent } from '../../domain/events.ts';
import type { Actor } from '../../domain/roles.ts';
import { streamKindOf } from '../../domain/streams.ts';
import type { DynamoEventStore, StreamRead } from '../eventStore/dynamoEventStore.ts';
import { VersionConflict } from '../eventStore/errors.ts';
import { StreamCache } from './streamCache.ts';
import { backOff, sleep } from '../dynamo/backoff.ts';

/** A retry of a request we already answered, with other content: the key was reused. */
export class IdempotencyKeyReused extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used for a different request`);
    this.name = 'IdempotencyKeyReused';
  }
}

/** If-Match named a version the stream's commands are no longer (or not yet) at. */
export class VersionMismatch extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`If-Match expected version ${expected} but it is at version ${actual}`);
    this.name = 'VersionMismatch';
  }
}

/** Writers kept racing us for the same stream; the client may try again. */
export class ConcurrencyExhausted extends Error {
  constructor(readonly streamId: string) {
    super(`${streamId} kept changing while this command was decided; try again`);
    this.name = 'ConcurrencyExhausted';
  }
}

export interface CommandRequest<Command> {
  streamId: string;
  command: Command;
  actor: Actor;
  /** The client's Idempotency-Key, if any. */
  idempotencyKey?: string;
  /** A hash of the request; the same key with another fingerprint is a reused key. */
  fingerprint: string;
  /** The If-Match version, if any. */
  expectedVersion?: number;
  correlationId?: string;
}

export interface CommandResult {
  /** The stream's command version (what clients see and hold in If-Match), not its position in the store. */
  version: number;
  /** True when this answers a retry with the first response and nothing new was recorded. */
  replayed: boolean;
}

export interface CommandServiceDeps {
  store: DynamoEventStore;
  tenantId: string;
  now: () => Date;
  newEventId: () => string;
  /** Waits between attempts after a lost race. */
  pause?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  /** Streams remembered between commands in this process; 0 turns the cache off. */
  cachedStreams?: number;
}

/** The version clients see of a stream read from the store: its command version. */
const commandVersionOfStream = ({ streamId, events }: Pick<StreamRead, 'streamId' | 'events'>): number =>
  commandVersionOf(streamId, events.map((stored) => stored.event));

/** The command version the stream was at once its first `count` stored events were recorded. */
const commandVersionAt = (stream: StreamRead, count: number): number =>
  commandVersionOfStream({ streamId: stream.streamId, events: stream.events.slice(0, count) });

/** The first response to a request already recorded on this stream, if it was. */
const priorResponse = <C>(
  decider: Decider<unknown, C, never>,
  stream: StreamRead,
  request: CommandRequest<C>,
): CommandResult | null => {
  const { idempotencyKey, fingerprint, command } = request;
  if (idempotencyKey) {
    const matching = stream.events.filter((stored) => stored.idempotencyKey === idempotencyKey);
    if (matching.length > 0) {
      if (matching.some((stored) => stored.fingerprint !== fingerprint)) throw new IdempotencyKeyReused(idempotencyKey);
      return { version: commandVersionAt(stream, stream.events.lastIndexOf(matching.at(-1)!) + 1), replayed: true };
    }
  }
  // Starting the same stream again with an identical request (closing deal D-1 twice) is a retry.
  if (decider.startsStream(command) && stream.events[0]?.fingerprint === fingerprint) {
    return { version: commandVersionAt(stream, 1), replayed: true };
  }
  return null;
};

/** The stored event that beat us to a version slot is this very request, recorded by an earlier try. */
const isOwnEarlierTry = <C>(decider: Decider<unknown, C, never>, conflict: VersionConflict, request: CommandRequest<C>): boolean => {
  const winner = conflict.stored;
  if (!winner) return false;
  if (request.idempotencyKey && winner.idempotencyKey === request.idempotencyKey) {
    if (winner.fingerprint !== request.fingerprint) throw new IdempotencyKeyReused(request.idempotencyKey);
    return true;
  }
  return decider.startsStream(request.command) && conflict.attemptedVersion === 1 && winner.fingerprint === request.fingerprint;
};

const emptyStream = (streamId: string): StreamRead => ({ streamId, version: 0, events: [] });

/**
 * Decides and appends with the version it decided on, as cheaply as the database allows: a command
 * that starts a stream assumes it is new, and a stream this process wrote last is decided on what it
 * remembers, so the common command is one conditional PutItem. Whenever memory could be stale (a lost
 * race, a refusal, an If-Match that does not match) the stream is read fresh and decided again, a few
 * times at most.
 * If-Match is checked against the command version, while the append stays conditional on the stream's
 * position in the store: an event that arrived beside the commands (a survey answer) between the read
 * and the write costs one reread and a second try, never a 412.
 * A retried request is answered with its first response.
 */
export const createCommandService = <State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
  options: CommandServiceDeps,
) => {
  const deps = { pause: sleep, ...options };
  const maxAttempts = deps.maxAttempts ?? 6;
  const cache = new StreamCache(deps.cachedStreams ?? 10_000);

  const anyDecider = decider as unknown as Decider<unknown, Command, never>;
  return async (request: CommandRequest<Command>): Promise<CommandResult> => {
    const { streamId } = request;
    // New events are written in the current schema of the kind of stream they land on.
    const { schemaVersion } = streamKindOf(streamId);
    const remembered = cache.get(streamId) ?? (decider.startsStream(request.command) ? emptyStream(streamId) : undefined);
    let stream = remembered ?? (await deps.store.readStream(streamId));
    let fresh = remembered === undefined;
    const readFresh = async () => {
      stream = await deps.store.readStream(streamId);
      fresh = true;
      cache.set(stream);
    };

    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const prior = priorResponse(anyDecider, stream, request);
      if (prior) return prior;
      if (request.expectedVersion !== undefined && request.expectedVersion !== commandVersionOfStream(stream)) {
        if (fresh) throw new VersionMismatch(request.expectedVersion, commandVersionOfStream(stream));
        await readFresh();
        continue;
      }
      let decided: Event[];
      try {
        decided = decider.decide(
          request.command,
          stream.events.map((stored) => stored.event as Event).reduce(decider.evolve, decider.initialState()),
        );
      } catch (error) {
        // A refusal based on remembered state may be stale: only a fresh read can refuse.
        if (fresh) throw error;
        await readFresh();
        continue;
      }
      // Nothing new to record (a repeated answer): the stream stays as it is.
      if (decided.length === 0) return { version: commandVersionOfStream(stream), replayed: true };
      const recordedAt = deps.now().toISOString();
      const events = decided.map((event, index): RecordedEvent => {
        const recorded = {
          ...event,
          eventId: deps.newEventId(),
          schemaVersion,
          streamId,
          version: stream.version + index + 1,
          recordedAt,
          actor: request.actor,
          tenantId: deps.tenantId,
        } as RecordedEvent;
        // Set, not spread in: a conditional spread copies through a slow generic path on every command.
        if (request.correlationId) recorded.correlationId = request.correlationId;
        return recorded;
      });
      const { idempotencyKey, fingerprint } = request;
      try {
        const { version } = await deps.store.append({ streamId, expectedVersion: stream.version, events, idempotencyKey, fingerprint });
        const appended = { streamId, version, events: [...stream.events, ...events.map((event) => ({ event, idempotencyKey, fingerprint }))] };
        cache.set(appended);
        return { version: commandVersionOfStream(appended), replayed: false };
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        // The winner may be this very request, retried while the first try was in flight: its stored
        // event carries our key, so a one-event command is answered without reading the stream again.
        if (events.length === 1 && isOwnEarlierTry(anyDecider, error, request)) {
          const withOurs = [...stream.events.map((stored) => stored.event), ...events];
          return { version: commandVersionOf(streamId, withOurs), replayed: true };
        }
        // Racing writers back off by a random, growing pause so they stop colliding in lockstep.
        await backOff(attempt, deps.pause);
        await readFresh();
      }
    }
    throw new ConcurrencyExhausted(streamId);
  };
};
