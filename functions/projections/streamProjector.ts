import { TransactionCanceledException, TransactWriteItemsCommand, type DynamoDBClient, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { RecordedEvent } from '../../domain/envelope.ts';
import { projectionFor } from '../../domain/scorecard/streamProjections.ts';
import { backOff, sleep, type Pause } from '../dynamo/backoff.ts';
import { batchGetItems } from '../dynamo/batchGet.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { streamViewKey } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';
import {
  counterUpdates,
  documentDeletes,
  documentKeysOf,
  changedDocuments,
  documentPuts,
  MAX_TRANSACTION_ITEMS,
  parseView,
  viewPut,
  type StoredView,
} from './projectionWrites.ts';
import { counterDelta, itemCountersOf, sumInto, withoutZeros, type ItemCounters } from './scorecardCounters.ts';
import { foldStream } from './streamFold.ts';

export type ProjectionOutcome = 'applied' | 'already-applied' | 'caught-up';

export type ProjectionResult = { outcome: ProjectionOutcome } | { error: unknown };

/** Projects events as a stream delivers them, each result at its event's index. */
export type StreamProjector = (events: readonly RecordedEvent[]) => Promise<ProjectionResult[]>;

export interface StreamProjectorDeps {
  client: DynamoDBClient;
  tableName: string;
  eventStore: Pick<DynamoEventStore, 'readStream'>;
  timeZone: string;
  generation: () => Promise<number>;
  /** Tries per stream before its events are reported failed (default 8). */
  maxAttempts?: number;
  /** Waits between attempts after a transaction lost to another one. */
  pause?: Pause;
}

/** A transaction may carry 4 MB; the size estimate below is rough, so stay far from it. */
const MAX_GROUP_BYTES = 2_000_000;
const CATCH_UP_READS_IN_PARALLEL = 8;

/** One stream's change, ready to be written. */
export interface StreamChange {
  streamId: string;
  /** Positions of this stream's events in the batch, in arrival order. */
  indexes: number[];
  outcomes: Map<number, ProjectionOutcome>;
  /** The view and the documents: the counters are added per group, summed across its streams. */
  writes: TransactWriteItem[];
  delta: ItemCounters;
  bytes: number;
}

const runLimited = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

/**
 * Packs changes into as few transactions as their items and bytes allow, keeping together changes that
 * move the same scorecard items: a counter item is one summed update, billed once, in every transaction
 * that touches it, so the fewer transactions it is spread over, the fewer write units. Greedy: each
 * transaction starts with the change left that moves the most counter items (the costliest to split),
 * then takes, while one fits, whichever change adds the fewest counter items it does not hold yet for
 * the items it brings (the earliest on a tie). A change too big for sharing goes alone.
 */
export const packed = (changes: readonly StreamChange[]): StreamChange[][] => {
  const left = changes
    .map((change) => ({ change, counterIds: Object.keys(change.delta) }))
    .sort((a, b) => b.counterIds.length - a.counterIds.length);
  const groups: StreamChange[][] = [];
  while (left.length) {
    const first = left.shift()!;
    const group = [first.change];
    const counterItems = new Set(first.counterIds);
    let items = first.change.writes.length + counterItems.size;
    let bytes = first.change.bytes;
    for (;;) {
      let best = -1;
      let bestNew = 0;
      let bestShare = Infinity;
      left.forEach(({ change, counterIds }, index) => {
        const newCounterItems = counterIds.filter((id) => !counterItems.has(id)).length;
        const share = newCounterItems / (change.writes.length + newCounterItems);
        if (share < bestShare && items + change.writes.length + newCounterItems <= MAX_TRANSACTION_ITEMS && bytes + change.bytes <= MAX_GROUP_BYTES) {
          best = index;
          bestNew = newCounterItems;
          bestShare = share;
        }
      });
      if (best < 0) break;
      const [{ change, counterIds }] = left.splice(best, 1) as [(typeof left)[number]];
      for (const id of counterIds) counterItems.add(id);
      items += change.writes.length + bestNew;
      bytes += change.bytes;
      group.push(change);
    }
    groups.push(group);
  }
  return groups;
};

/**
 * Projects stream events, of every kind of stream, into their streams' views, the scorecards and the
 * listed documents, exactly once whatever the delivery. A view remembers the last version applied,
 * what its stream counted for and the documents it listed (so one no longer listed is deleted), and changes in one transaction with the counters, conditional on the
 * version it was read at: an event already applied changes nothing, and an event that arrives ahead
 * of one still missing is caught up from the event store (streamFold.ts).
 *
 * A batch costs a few calls, not a few per event: the views are read together, each stream folds all
 * its new events at once, and on the first attempt many streams share a transaction whose counter
 * updates are summed per item, so a month's org bucket is written once per transaction rather than
 * once per event (the hot item that made concurrent shards collide). When a shared transaction is
 * cancelled (a view moved under it, or another transaction held a counter), its streams are read
 * again and retried each in a transaction of its own after a random, growing pause: a lost race costs
 * speed, never correctness. A stream that cannot be projected fails its own events only.
 */
export const createStreamProjector = (deps: StreamProjectorDeps): StreamProjector => {
  const maxAttempts = deps.maxAttempts ?? 8;
  const pause = deps.pause ?? sleep;

  const readViews = async (generation: number, streamIds: readonly string[]): Promise<Map<string, StoredView>> => {
    const keys = streamIds.map((streamId) => streamViewKey(generation, streamId));
    const streamOfPartition = new Map(keys.map((key, index) => [key[T.partitionKey]!.S!, streamIds[index]!]));
    const items = await batchGetItems(deps.client, deps.tableName, keys, pause);
    return new Map(items.map((item) => [streamOfPartition.get(item[T.partitionKey]!.S!)!, parseView(generation, item)]));
  };

  /** What the stream's new events change, or null when the view already holds them all. */
  const changeOf = async (
    events: readonly RecordedEvent[],
    generation: number,
    streamId: string,
    indexes: number[],
    view: StoredView | null,
  ): Promise<StreamChange | null> => {
    const projection = projectionFor(streamId);
    const from = view && { state: view.state, version: view.lastVersion };
    const folded = await foldStream(projection, from, indexes.map((index) => events[index]!), () => deps.eventStore.readStream(streamId));
    if (!folded) return null;
    const { fold, caughtUp } = folded;
    const outcomes = new Map<number, ProjectionOutcome>();
    const seen = new Set<number>();
    for (const index of indexes) {
      const { version } = events[index]!;
      const isNew = version > (from?.version ?? 0) && !seen.has(version);
      seen.add(version);
      outcomes.set(index, isNew ? (caughtUp ? 'caught-up' : 'applied') : 'already-applied');
    }
    const contributions = itemCountersOf(projection.contributions(fold.state, deps.timeZone));
    const documents = projection.documents(fold.state, deps.timeZone);
    const documentKeys = documentKeysOf(generation, documents);
    const writes = [
      viewPut(deps.tableName, generation, streamId, view, { lastVersion: fold.version, state: fold.state, contributions, documentKeys }),
      ...documentPuts(deps.tableName, generation, changedDocuments(generation, view, documents, (state) => projection.documents(state, deps.timeZone))),
      ...documentDeletes(deps.tableName, view?.documentKeys ?? [], documentKeys),
    ];
    const delta = counterDelta(view?.contributions ?? {}, contributions);
    const items = writes.length + Object.keys(delta).length;
    if (items > MAX_TRANSACTION_ITEMS) {
      throw new Error(`${streamId} v${fold.version} touches ${items - 1} projection items, more than one transaction holds`);
    }
    return { streamId, indexes, outcomes, writes, delta, bytes: JSON.stringify(writes).length + 200 * Object.keys(delta).length };
  };

  return async (events) => {
    const results: ProjectionResult[] = new Array(events.length);
    const streams = new Map<string, number[]>();
    events.forEach((event, index) => {
      const indexes = streams.get(event.streamId);
      if (indexes) indexes.push(index);
      else streams.set(event.streamId, [index]);
    });
    const fail = (streamId: string, error: unknown) => {
      for (const index of streams.get(streamId)!) results[index] = { error };
    };

    let pending = [...streams.keys()];
    for (let attempt = 1; pending.length && attempt <= maxAttempts; attempt++) {
      await backOff(attempt, pause);
      const generation = await deps.generation();
      const views = await readViews(generation, pending);
      const changes: StreamChange[] = [];
      await runLimited(pending, CATCH_UP_READS_IN_PARALLEL, async (streamId) => {
        try {
          const change = await changeOf(events, generation, streamId, streams.get(streamId)!, views.get(streamId) ?? null);
          if (change) changes.push(change);
          else for (const index of streams.get(streamId)!) results[index] = { outcome: 'already-applied' };
        } catch (error) {
          fail(streamId, error);
        }
      });
      // Catch-up reads finish in any order; pack from arrival order so runs are repeatable.
      changes.sort((a, b) => a.indexes[0]! - b.indexes[0]!);

      const retry: string[] = [];
      // A retry writes each stream alone, so one stream's conflict cannot hold back another's.
      for (const group of attempt === 1 ? packed(changes) : changes.map((change) => [change])) {
        const counters: ItemCounters = {};
        for (const change of group) sumInto(counters, change.delta);
        try {
          const transactItems = [...group.flatMap((change) => change.writes), ...counterUpdates(deps.tableName, generation, withoutZeros(counters))];
          await deps.client.send(new TransactWriteItemsCommand({ TransactItems: transactItems }));
          for (const change of group) for (const [index, outcome] of change.outcomes) results[index] = { outcome };
        } catch (error) {
          // Anything may sink a shared transaction (one stream's oversized item, too): each stream gets a try of its own.
          if (group.length > 1 || error instanceof TransactionCanceledException) retry.push(...group.map((change) => change.streamId));
          else fail(group[0]!.streamId, error);
        }
      }
      pending = retry;
    }
    for (const streamId of pending) fail(streamId, new Error(`${streamId}: the projection kept changing under ${maxAttempts} attempts`));
    return results;
  };
};
