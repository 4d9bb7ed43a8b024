import { isDealEvent } from '../../domain/events.ts';
import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { RecordedDealEvent } from '../../domain/envelope.ts';
import { foldDeal, isRecorded } from '../../domain/deal/state.ts';
import { contributionsOf, type Contributions } from '../../domain/scorecard/contributions.ts';
import { projectionFor } from '../../domain/scorecard/streamProjections.ts';
import { DynamoEventStore, readStoredItem } from '../../functions/eventStore/dynamoEventStore.ts';
import { createProjectorHandler } from '../../functions/handlers/projector.ts';
import { ActiveGeneration } from '../../functions/projections/generations.ts';
import { generationPrefix, scorecardItemKey } from '../../functions/projections/projectionKeys.ts';
import { projectionsTable as P } from '../../functions/projections/projectionsTable.ts';
import { rebuildProjections } from '../../functions/projections/rebuild.ts';
import { countersOf, itemCountersOf, sumInto, type Counters, type ItemCounters } from '../../functions/projections/scorecardCounters.ts';
import { createStreamProjector, type ProjectionOutcome } from '../../functions/projections/streamProjector.ts';
import { streamEventOf, streamRecordOf } from '../support/projection.ts';
import type { History } from './history.ts';
import { median, secondsSince } from './stats.ts';

/** The event source mapping's retryAttempts (infra/constructs/deadLetterQueue.ts). */
const MAX_RETRY_ATTEMPTS = 5;


/** What one stream's events, in version order, contribute to the scorecards. */
export const contributionsOfStream = (streamId: string, events: readonly RecordedDealEvent[], timeZone: string): Contributions => {
  if (streamId.startsWith('deal#')) {
    const deal = foldDeal(events);
    if (!isRecorded(deal)) throw new Error(`${streamId} has no DealClosed`);
    return contributionsOf(deal, timeZone);
  }
  const projection = projectionFor(streamId);
  return projection.contributions(events.reduce(projection.evolve, projection.initialState()), timeZone);
};

/** DynamoDB Streams keeps one partition's records in order in one shard; a stable hash stands in for its partitioning. */
export const shardOf = (streamId: string, shards: number): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < streamId.length; i++) hash = Math.imul(hash ^ streamId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
};

/** Counts the DynamoDB calls a client makes, and which of them failed, by command name. */
const countCalls = (client: DynamoDBClient) => {
  const calls: Record<string, number> = {};
  const failures: Record<string, number> = {};
  let transactionItems = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context.commandName ?? 'unknown').replace(/Command$/, '');
      calls[name] = (calls[name] ?? 0) + 1;
      const input = args.input as { TransactItems?: unknown[] };
      if (name === 'TransactWriteItems') transactionItems += input.TransactItems?.length ?? 0;
      try {
        return await next(args);
      } catch (error) {
        // A cancelled transaction says why, item by item: a conflict with another transaction, or a failed condition.
        const reasons = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [])
          .map((reason) => reason.Code)
          .filter((code) => code && code !== 'None');
        const why = reasons.length ? `${name}: ${[...new Set(reasons)].sort().join('+')}` : `${name}: ${(error as Error).name}`;
        failures[why] = (failures[why] ?? 0) + 1;
        throw error;
      }
    },
    { step: 'initialize', name: 'benchCallCounter' },
  );
  return { calls, failures, transactionItems: () => transactionItems };
};

const addCounts = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [name, count] of Object.entries(from)) into[name] = (into[name] ?? 0) + count;
};

/**
 * What the whole history contributes to every scorecard item: the in-memory reference. Grouped by
 * stream, each folded (foldDeal for a deal, its own fold for an unattributed NPS answer), its
 * contributions taken, the counters summed.
 */
export const foldTotals = (events: readonly RecordedDealEvent[], timeZone: string): Map<string, Counters> => {
  const streams = new Map<string, RecordedDealEvent[]>();
  for (const event of events) {
    const stream = streams.get(event.streamId);
    if (stream) stream.push(event);
    else streams.set(event.streamId, [event]);
  }
  const totals: ItemCounters = {};
  for (const [streamId, stream] of streams) sumInto(totals, itemCountersOf(contributionsOfStream(streamId, stream, timeZone)));
  return new Map(Object.entries(totals));
};

/** Counters without the zeros a projector leaves behind when a contribution moves away. */
const nonZero = (counters: Counters): Counters =>
  Object.fromEntries(Object.entries(counters).filter(([, amount]) => amount !== 0).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Every scorecard item of one generation, by `<partition without the generation>|<sort key>`. */
const storedScorecards = async (client: DynamoDBClient, tableName: string, generation: number): Promise<Map<string, Counters>> => {
  const prefix = generationPrefix(generation);
  const items = new Map<string, Counters>();
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'begins_with(#p, :prefix)',
        ExpressionAttributeNames: { '#p': P.partitionKey },
        ExpressionAttributeValues: { ':prefix': { S: `${prefix}scorecard#` } },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const counters = nonZero(countersOf(item));
      if (Object.keys(counters).length) items.set(`${item[P.partitionKey]!.S!.slice(prefix.length)}|${item[P.sortKey]!.S!}`, counters);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

const referenceScorecards = (totals: Map<string, Counters>): Map<string, Counters> => {
  const prefix = generationPrefix(0);
  const items = new Map<string, Counters>();
  for (const [key, counters] of totals) {
    const itemKey = scorecardItemKey(0, key);
    const kept = nonZero(counters);
    if (Object.keys(kept).length) items.set(`${itemKey[P.partitionKey]!.S!.slice(prefix.length)}|${itemKey[P.sortKey]!.S!}`, kept);
  }
  return items;
};

/** The keys where two sets of scorecard items differ, with both sides, at most `limit`. */
const differences = (a: Map<string, Counters>, b: Map<string, Counters>, limit = 5): string[] => {
  const found: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const left = JSON.stringify(a.get(key) ?? null);
    const right = JSON.stringify(b.get(key) ?? null);
    if (left !== right) found.push(`${key}: ${left} vs ${right}`);
    if (found.length >= limit) break;
  }
  return found;
};

export interface ProjectionBenchOptions {
  history: History;
  eventsTable: string;
  projectionsTable: string;
  /** A new client, as each Lambda container (each shard's consumer) has its own. */
  newClient: () => DynamoDBClient;
  timeZone: string;
  shards: number;
  batchSize: number;
  foldRounds: number;
  rebuildSegments: number;
  /** Feed the projector only the events of the first n deals; all deals by default. */
  projectorDeals?: number;
  onProgress?: (line: string) => void;
}

export interface ProjectionBenchResult {
  events: number;
  deals: number;
  projector: {
    deals: number;
    events: number;
    seconds: number;
    eventsPerSecond: number;
    /** Handler invocations, those that reported failures (retried from the first failed record), records given up on. */
    invocations: number;
    retriedInvocations: number;
    deadLettered: number;
    transactionItems: number;
    outcomes: Record<ProjectionOutcome, number>;
    calls: Record<string, number>;
    callFailures: Record<string, number>;
    generation: number;
  };
  rebuild: {
    seconds: number;
    eventsPerSecond: number;
    generation: number;
    items: number;
    /** Seconds: scan, parse and fold; write the new generation; switch and look for events to catch up. */
    phases: { readAndFold: number; write: number; switchAndCatchUp: number };
  };
  inMemory: { eventsPerSecond: number; rounds: number[] };
  inMemoryWithParse: { eventsPerSecond: number; rounds: number[] };
  /** Scorecard items compared: the projector's against the fold of what it was fed, the rebuild's against the fold of all. */
  sanity: { items: number; projectorItems: number; mismatches: string[] };
}

/**
 * The live path and the rebuild against the limit: the stored history fed as stream records through
 * the real projector handler, then rebuilt into a new generation, then folded in memory. The
 * generations and the in-memory totals must agree on every scorecard item.
 */
export const runProjectionBench = async (client: DynamoDBClient, options: ProjectionBenchOptions): Promise<ProjectionBenchResult> => {
  const { history, shards, batchSize, timeZone } = options;
  const progress = options.onProgress ?? (() => {});

  // The live path is fed every event of the first n deals (by default all streams), in recording order. Whole deals,
  // because a projector that sees a gap reads the deal's whole stream from the events table.
  const fedDeals = Math.min(options.projectorDeals ?? history.deals, history.deals);
  const isFed = (streamId: string) =>
    fedDeals === history.deals || (streamId.startsWith('deal#') && Number(streamId.slice('deal#D-'.length)) <= fedDeals);
  const fedEvents = fedDeals === history.deals ? history.events : history.events.filter((event) => isFed(event.streamId));
  const fed = fedEvents.length;
  // Stream records built ahead, outside the timing; each shard keeps its deals' records in recording order.
  const shardRecords: DynamoDBRecord[][] = Array.from({ length: shards }, () => []);
  for (const item of history.items) if (isFed(item.s!.S!)) shardRecords[shardOf(item.s!.S!, shards)]!.push(streamRecordOf(item));

  const outcomes: Record<ProjectionOutcome, number> = { applied: 0, 'already-applied': 0, 'caught-up': 0 };
  const calls: Record<string, number> = {};
  const callFailures: Record<string, number> = {};
  let transactionItems = 0;
  let projected = 0;
  let invocations = 0;
  let retriedInvocations = 0;
  let deadLettered = 0;
  let lastReport = process.hrtime.bigint();
  const projectorStarted = process.hrtime.bigint();
  const consumers = shardRecords.map((records) => {
    const shardClient = options.newClient();
    const counted = countCalls(shardClient);
    // As projector.ts wires it: one container, one client, the generation pointer remembered for 5 s.
    const generations = new ActiveGeneration(shardClient, options.projectionsTable);
    const project = createStreamProjector({
      client: shardClient,
      tableName: options.projectionsTable,
      eventStore: new DynamoEventStore(shardClient, options.eventsTable),
      timeZone,
      generation: () => generations.current(),
    });
    const handler = createProjectorHandler(project, { onOutcome: (outcome) => (outcomes[outcome] += 1) });
    return { records, handler, counted, shardClient };
  });
  await Promise.all(
    consumers.map(async ({ records, handler }) => {
      // One batch at a time per shard, in order, as the event source mapping does (parallelization factor 1, one
      // container per shard: the handler's batch processor is not to be shared by concurrent invocations). On
      // reported failures the shard checkpoints before the first failed record and starts the next batch there,
      // after 100 ms, 200 ms, ...; a record still failing after 5 retries would go to the dead-letter queue.
      let position = 0;
      let failuresOfHead = 0;
      while (position < records.length) {
        const batch = records.slice(position, position + batchSize);
        const response = await handler(streamEventOf(batch));
        invocations += 1;
        const failed = response.batchItemFailures.map((failure) => batch.findIndex((record) => record.dynamodb?.SequenceNumber === failure.itemIdentifier));
        const firstFailed = failed.length ? Math.min(...failed.map((index) => (index < 0 ? 0 : index))) : batch.length;
        if (firstFailed > 0) failuresOfHead = 0;
        position += firstFailed;
        projected += firstFailed;
        if (firstFailed < batch.length) {
          retriedInvocations += 1;
          failuresOfHead += 1;
          if (failuresOfHead > MAX_RETRY_ATTEMPTS) {
            deadLettered += 1;
            position += 1;
            failuresOfHead = 0;
          } else {
            await new Promise((wait) => setTimeout(wait, 100 * 2 ** (failuresOfHead - 1)));
          }
        }
        if (secondsSince(lastReport) > 15) {
          lastReport = process.hrtime.bigint();
          const elapsed = secondsSince(projectorStarted);
          progress(`projector: ${projected}/${fed} events in ${elapsed.toFixed(0)} s, ${(projected / elapsed).toFixed(0)} events/s, ${retriedInvocations} retried batches`);
        }
      }
    }),
  );
  const projectorSeconds = secondsSince(projectorStarted);
  for (const { counted, shardClient } of consumers) {
    addCounts(calls, counted.calls);
    addCounts(callFailures, counted.failures);
    transactionItems += counted.transactionItems();
    shardClient.destroy();
  }
  const generations = new ActiveGeneration(client, options.projectionsTable, 0);
  const projectorGeneration = await generations.current();

  // The rebuild replays the events table into a new generation of the same projections table.
  const phaseStarts = new Map<string, bigint>();
  let lastRebuildReport = process.hrtime.bigint();
  const rebuildClient = options.newClient();
  const rebuildStarted = process.hrtime.bigint();
  const rebuilt = await rebuildProjections({
    client: rebuildClient,
    eventsTable: options.eventsTable,
    projectionsTable: options.projectionsTable,
    timeZone,
    generations,
    catchUpProjector: (generation) =>
      createStreamProjector({
        client: rebuildClient,
        tableName: options.projectionsTable,
        eventStore: new DynamoEventStore(rebuildClient, options.eventsTable),
        timeZone,
        generation: async () => generation,
      }),
    segments: options.rebuildSegments,
    switchGraceMs: 0,
    onProgress: (report) => {
      if (!phaseStarts.has(report.phase)) phaseStarts.set(report.phase, process.hrtime.bigint());
      phaseStarts.set(`${report.phase} end`, process.hrtime.bigint());
      if (secondsSince(lastRebuildReport) > 15) {
        lastRebuildReport = process.hrtime.bigint();
        progress(`rebuild: ${report.phase} ${report.done}/${report.total}, ${report.perSecond.toFixed(0)}/s`);
      }
    },
  });
  const rebuildEnded = process.hrtime.bigint();
  const rebuildSeconds = Number(rebuildEnded - rebuildStarted) / 1e9;
  rebuildClient.destroy();
  const between = (from: bigint | undefined, to: bigint | undefined) => (from === undefined || to === undefined ? 0 : Number(to - from) / 1e9);

  // The in-memory reference: warmed on a slice, then timed in a few rounds (median).
  foldTotals(history.events.slice(0, Math.ceil(history.events.length / 10)), timeZone);
  const foldRounds: number[] = [];
  const parseRounds: number[] = [];
  let totals = new Map<string, Counters>();
  for (let round = 0; round < options.foldRounds; round++) {
    // The same fold, once from events already in memory and once from the stored items (parse and validate first).
    const order = round % 2 === 0 ? (['fold', 'parse'] as const) : (['parse', 'fold'] as const);
    for (const which of order) {
      const started = process.hrtime.bigint();
      if (which === 'fold') {
        totals = foldTotals(history.events, timeZone);
        foldRounds.push(history.events.length / secondsSince(started));
      } else {
        foldTotals(history.items.map((item) => readStoredItem(item).event).filter(isDealEvent), timeZone);
        parseRounds.push(history.events.length / secondsSince(started));
      }
    }
  }

  // Sanity: every scorecard item the projector wrote = the rebuilt one = the in-memory total (of what each was fed).
  const reference = referenceScorecards(totals);
  const fedReference = fed === history.events.length ? reference : referenceScorecards(foldTotals(fedEvents, timeZone));
  const live = await storedScorecards(client, options.projectionsTable, projectorGeneration);
  const rebuiltItems = await storedScorecards(client, options.projectionsTable, rebuilt.generation);
  const mismatches = [
    ...differences(live, fedReference).map((line) => `projector generation vs in memory: ${line}`),
    ...differences(rebuiltItems, reference).map((line) => `rebuilt generation vs in memory: ${line}`),
  ];
  if (deadLettered) mismatches.push(`${deadLettered} stream records kept failing in the projector (dead-lettered)`);

  return {
    events: history.events.length,
    deals: history.deals,
    projector: {
      deals: fedDeals,
      events: fed,
      seconds: projectorSeconds,
      eventsPerSecond: fed / projectorSeconds,
      invocations,
      retriedInvocations,
      deadLettered,
      transactionItems,
      outcomes,
      calls,
      callFailures,
      generation: projectorGeneration,
    },
    rebuild: {
      seconds: rebuildSeconds,
      eventsPerSecond: rebuilt.events / rebuildSeconds,
      generation: rebuilt.generation,
      items: rebuilt.items,
      phases: {
        readAndFold: between(rebuildStarted, phaseStarts.get('writing projections')),
        write: between(phaseStarts.get('writing projections'), phaseStarts.get('writing projections end')),
        switchAndCatchUp: between(phaseStarts.get('writing projections end'), rebuildEnded),
      },
    },
    inMemory: { eventsPerSecond: median(foldRounds), rounds: foldRounds },
    inMemoryWithParse: { eventsPerSecond: median(parseRounds), rounds: parseRounds },
    sanity: { items: reference.size, projectorItems: fedReference.size, mismatches },
  };
};
