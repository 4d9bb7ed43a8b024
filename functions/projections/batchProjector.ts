import { TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { RecordedEvent } from '../../domain/envelope.ts';
import { batchGetItems } from '../dynamo/batchGet.ts';
import { contributionDelta, type Contributions } from '../../domain/scorecard/contributions.ts';
import { projectionFor } from '../../domain/scorecard/streamProjections.ts';
import type { DealProjectorDeps, ProjectionOutcome } from './dealProjector.ts';
import { projectionsTable as T } from './projectionsTable.ts';
import { streamViewKey } from './projectionKeys.ts';
import { counterUpdates, documentPuts, MAX_TRANSACTION_ITEMS, parseView, viewPut, type StoredView } from './projectionWrites.ts';

/** A transaction may carry 4 MB; the estimate below is rough, so stay far from it. */
const MAX_GROUP_BYTES = 2_000_000;
const CATCH_UP_READS_IN_PARALLEL = 8;

export type BatchProjectionResult = { outcome: ProjectionOutcome } | { error: unknown };

/** Projects a list of events, each result at its event's index. */
export type BatchProjector = (events: readonly RecordedEvent[]) => Promise<BatchProjectionResult[]>;

interface StreamPlan {
  streamId: string;
  /** Positions of this stream's events in the batch, in arrival order. */
  indexes: number[];
  outcomes: Map<number, ProjectionOutcome>;
  writes: TransactWriteItem[];
  delta: Contributions;
  bytes: number;
}

const runLimited = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

const sumInto = (into: Contributions, delta: Contributions): void => {
  for (const [key, counters] of Object.entries(delta)) {
    const sum = (into[key] ??= {});
    for (const [name, amount] of Object.entries(counters)) sum[name] = (sum[name] ?? 0) + amount;
  }
};

/** Deals moving in opposite directions can cancel out on an item: an ADD of 0 would only create an empty item. */
const withoutZeros = (delta: Contributions): Contributions => {
  const kept: Contributions = {};
  for (const [key, counters] of Object.entries(delta)) {
    const nonZero = Object.fromEntries(Object.entries(counters).filter(([, amount]) => amount !== 0));
    if (Object.keys(nonZero).length) kept[key] = nonZero;
  }
  return kept;
};

/**
 * Projects a whole stream batch with a few transactions instead of one per event: the views are read
 * together, each stream folds all its new events at once, and many streams share a transaction whose
 * counter updates are summed per item, so a month's org bucket is written once per group rather than
 * once per event (the hot item that made concurrent shards collide). The outcome per item is the same
 * as projecting event by event, because each view write stays conditional on the version it was read
 * at; when a group's transaction is cancelled, its streams go through `projectOne`, the per-event
 * projector that retries races, so a lost race costs speed, never correctness.
 */
export const createBatchProjector = (deps: DealProjectorDeps, projectOne: (event: RecordedEvent) => Promise<ProjectionOutcome>): BatchProjector => {
  const pause = deps.pause ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));

  const readViews = async (generation: number, streamIds: readonly string[]): Promise<Map<string, StoredView>> => {
    const streamOfPartition = new Map(streamIds.map((streamId) => [streamViewKey(generation, streamId)[T.partitionKey]!.S!, streamId]));
    const items = await batchGetItems(deps.client, deps.tableName, streamIds.map((streamId) => streamViewKey(generation, streamId)), pause);
    return new Map(items.map((item) => [streamOfPartition.get(item[T.partitionKey]!.S!)!, parseView(item)]));
  };

  return async (events) => {
    const results: BatchProjectionResult[] = new Array(events.length);
    const streams = new Map<string, number[]>();
    events.forEach((event, index) => {
      const indexes = streams.get(event.streamId);
      if (indexes) indexes.push(index);
      else streams.set(event.streamId, [index]);
    });
    const generation = await deps.generation();
    const views = await readViews(generation, [...streams.keys()]);

    const plans: StreamPlan[] = [];
    const fallback = new Set<string>();
    const plan = async ([streamId, indexes]: [string, number[]]): Promise<void> => {
      const projection = projectionFor(streamId);
      const view = views.get(streamId) ?? null;
      const lastVersion = view?.lastVersion ?? 0;
      const outcomes = new Map<number, ProjectionOutcome>(indexes.map((index) => [index, 'already-applied']));
      const pending = new Map<number, number>();
      for (const index of indexes) {
        const { version } = events[index]!;
        if (version > lastVersion && !pending.has(version)) pending.set(version, index);
      }
      if (pending.size === 0) {
        for (const index of indexes) results[index] = { outcome: 'already-applied' };
        return;
      }
      const versions = [...pending.keys()].sort((a, b) => a - b);
      let state: unknown;
      let version: number;
      if (versions.every((candidate, position) => candidate === lastVersion + 1 + position)) {
        state = versions.reduce((folded, v) => projection.evolve(folded, events[pending.get(v)!]!), view?.state ?? projection.initialState());
        version = versions.at(-1)!;
        for (const index of pending.values()) outcomes.set(index, 'applied');
      } else {
        // An event is missing between the view and this batch: only the event store has it.
        const stream = await deps.eventStore.readStream(streamId);
        state = stream.events.map((stored) => stored.event).reduce(projection.evolve, projection.initialState());
        version = stream.version;
        for (const index of pending.values()) outcomes.set(index, 'caught-up');
      }
      const contributions = projection.contributions(state, deps.timeZone);
      const writes = [
        viewPut(deps.tableName, generation, streamId, view, { version, state, contributions }),
        ...documentPuts(deps.tableName, generation, projection.documents(state, deps.timeZone)),
      ];
      const delta = contributionDelta(view?.contributions ?? {}, contributions);
      const bytes = JSON.stringify(writes).length + 200 * Object.keys(delta).length;
      if (writes.length + Object.keys(delta).length > MAX_TRANSACTION_ITEMS || bytes > MAX_GROUP_BYTES) {
        // Too big for any transaction: the per-event projector reports it as it always has.
        fallback.add(streamId);
        return;
      }
      plans.push({ streamId, indexes, outcomes, writes, delta, bytes });
    };
    await runLimited([...streams], CATCH_UP_READS_IN_PARALLEL, async (entry) => {
      try {
        await plan(entry);
      } catch {
        // The per-event projector meets the same problem record by record, and reports it per record.
        fallback.add(entry[0]);
      }
    });
    // Catch-up reads finish in any order; write in arrival order so runs are repeatable.
    plans.sort((a, b) => a.indexes[0]! - b.indexes[0]!);

    const write = async (group: StreamPlan[], merged: Contributions): Promise<void> => {
      const transactItems = [...group.flatMap((member) => member.writes), ...counterUpdates(deps.tableName, generation, withoutZeros(merged))];
      try {
        await deps.client.send(new TransactWriteItemsCommand({ TransactItems: transactItems }));
        for (const member of group) for (const [index, outcome] of member.outcomes) results[index] = { outcome };
      } catch {
        // A view moved underneath (another projector, or a redelivery) or another transaction held a
        // shared counter: the per-event projector sorts each stream out on its own.
        for (const member of group) fallback.add(member.streamId);
      }
    };

    let group: StreamPlan[] = [];
    let merged: Contributions = {};
    let items = 0;
    let bytes = 0;
    for (const member of plans) {
      const newCounterItems = Object.keys(member.delta).filter((key) => !(key in merged)).length;
      if (group.length && (items + member.writes.length + newCounterItems > MAX_TRANSACTION_ITEMS || bytes + member.bytes > MAX_GROUP_BYTES)) {
        await write(group, merged);
        group = [];
        merged = {};
        items = 0;
        bytes = 0;
      }
      items += member.writes.length + Object.keys(member.delta).filter((key) => !(key in merged)).length;
      bytes += member.bytes;
      sumInto(merged, member.delta);
      group.push(member);
    }
    if (group.length) await write(group, merged);

    const fallbackStreams = [...fallback].sort((a, b) => streams.get(a)![0]! - streams.get(b)![0]!);
    for (const streamId of fallbackStreams) {
      const indexes = streams.get(streamId)!;
      for (const index of indexes) {
        try {
          results[index] = { outcome: await projectOne(events[index]!) };
        } catch (error) {
          for (const failed of indexes) results[failed] = { error };
          break;
        }
      }
    }
    return results;
  };
};
