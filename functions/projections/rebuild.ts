import {
  BatchWriteItemCommand,
  DescribeTableCommand,
  ScanCommand,
  type AttributeValue,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { RecordedEvent } from '../../domain/envelope.ts';
import { streamKindOf } from '../../domain/streams.ts';
import { projectionFor } from '../../domain/scorecard/streamProjections.ts';
import { backOff, sleep } from '../dynamo/backoff.ts';
import { pagesOf } from '../dynamo/pages.ts';
import { DynamoEventStore, readStoredItem } from '../eventStore/dynamoEventStore.ts';
import { eventsTable as E } from '../eventStore/eventsTable.ts';
import type { ActiveGeneration } from './generations.ts';
import { documentItem, documentKeysOf, scorecardItem, viewItem } from './projectionWrites.ts';
import { itemCountersOf, sumInto, type ItemCounters } from './scorecardCounters.ts';
import { foldStream, type StreamFold } from './streamFold.ts';
import type { StreamProjector } from './streamProjector.ts';

export interface RebuildProgress {
  phase: 'reading events' | 'writing projections' | 'catching up';
  done: number;
  total: number;
  perSecond: number;
}

export interface RebuildOptions {
  client: DynamoDBClient;
  eventsTable: string;
  projectionsTable: string;
  timeZone: string;
  generations: ActiveGeneration;
  /** Projects into the new generation the events that landed while the rebuild ran. */
  catchUpProjector: (generation: number) => StreamProjector;
  segments?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** How long live readers and projectors may keep using the old generation after the switch. */
  switchGraceMs?: number;
}

export interface RebuildResult {
  generation: number;
  previousGeneration: number;
  deals: number;
  /** The streams folded, counted by kind (`deal`, `nps`, ...): `deals` counts every one of them. */
  streams: Record<string, number>;
  events: number;
  items: number;
  caughtUp: number;
  seconds: number;
}

const countByKind = (streamIds: Iterable<string>): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const streamId of streamIds) {
    const kind = streamKindOf(streamId).name;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
};

/** Events the rebuild hands the catch-up projector at once, as a stream batch would. */
const CATCH_UP_BATCH = 100;
/** 2^6 x 20 ms: the longest pause between writes of throttled items. */
const MAX_BACKOFF_STEP = 6;

const progressMeter = (phase: RebuildProgress['phase'], total: number, report?: (progress: RebuildProgress) => void) => {
  const started = Date.now();
  let done = 0;
  let lastReport = 0;
  return (count: number, force = false) => {
    done += count;
    const now = Date.now();
    if (report && (force || now - lastReport > 200)) {
      lastReport = now;
      report({ phase, done, total: Math.max(total, done), perSecond: done / Math.max(0.001, (now - started) / 1000) });
    }
  };
};

/** Scans the whole table in parallel segments, page by page; a segment's next page is read once its last is taken in. */
const scanSegments = async (
  client: DynamoDBClient,
  tableName: string,
  segments: number,
  projection: string | undefined,
  onPage: (items: Record<string, AttributeValue>[]) => void | Promise<void>,
) => {
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      const pages = pagesOf((startKey) =>
        client.send(
          new ScanCommand({
            TableName: tableName,
            Segment: segment,
            TotalSegments: segments,
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
            ...(projection ? { ProjectionExpression: projection, ExpressionAttributeNames: { '#s': E.partitionKey, '#v': E.sortKey } } : {}),
          }),
        ),
      );
      for await (const page of pages) await onPage(page);
    }),
  );
};

const writeAll = async (client: DynamoDBClient, tableName: string, requests: WriteRequest[], onWritten: (count: number) => void) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < requests.length) {
        let batch: WriteRequest[] = requests.slice(next, next + 25);
        next += 25;
        const size = batch.length;
        for (let attempt = 1; batch.length; attempt++) {
          // Unprocessed items are throttled ones: wait longer each time, up to about a second, until all are written.
          await backOff(Math.min(attempt, MAX_BACKOFF_STEP), sleep, 20);
          const answer = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: batch } }));
          batch = answer.UnprocessedItems?.[tableName] ?? [];
        }
        onWritten(size);
      }
    }),
  );
};

/**
 * Replays every event from the events table (the stream keeps only 24 hours) into a fresh generation
 * of the projections, switches reads to it, then projects whatever landed meanwhile. The live
 * generation serves reads untouched until the switch.
 */
export const rebuildProjections = async (options: RebuildOptions): Promise<RebuildResult> => {
  const started = Date.now();
  const { client, generations } = options;
  const segments = options.segments ?? 4;
  const previousGeneration = await generations.current();
  const generation = await generations.claimNext();

  const table = await client.send(new DescribeTableCommand({ TableName: options.eventsTable }));
  const readMeter = progressMeter('reading events', table.Table?.ItemCount ?? 0, options.onProgress);
  const folds = new Map<string, StreamFold>();
  const eventStore = new DynamoEventStore(client, options.eventsTable);
  let events = 0;
  await scanSegments(client, options.eventsTable, segments, undefined, async (items) => {
    const byStream = new Map<string, RecordedEvent[]>();
    for (const item of items) {
      const { event } = readStoredItem(item);
      const stream = byStream.get(event.streamId);
      if (stream) stream.push(event);
      else byStream.set(event.streamId, [event]);
    }
    // A scan reads a stream in version order, so a stream's events follow on from what was read before.
    for (const [streamId, streamEvents] of byStream) {
      const folded = await foldStream(projectionFor(streamId), folds.get(streamId) ?? null, streamEvents, () => eventStore.readStream(streamId));
      if (folded) folds.set(streamId, folded.fold);
    }
    events += items.length;
    readMeter(items.length);
  });
  readMeter(0, true);

  const totals: ItemCounters = {};
  const views: WriteRequest[] = [];
  for (const [streamId, fold] of folds) {
    const projection = projectionFor(streamId);
    const contributions = itemCountersOf(projection.contributions(fold.state, options.timeZone));
    sumInto(totals, contributions);
    const documents = projection.documents(fold.state, options.timeZone);
    const documentKeys = documentKeysOf(generation, documents);
    views.push({ PutRequest: { Item: viewItem(generation, streamId, { lastVersion: fold.version, state: fold.state, contributions, documentKeys }) } });
    for (const document of documents) views.push({ PutRequest: { Item: documentItem(generation, document) } });
  }
  const counterItems: WriteRequest[] = Object.entries(totals).map(([id, counters]) => ({ PutRequest: { Item: scorecardItem(generation, id, counters) } }));
  const requests = [...counterItems, ...views];
  const writeMeter = progressMeter('writing projections', requests.length, options.onProgress);
  await writeAll(client, options.projectionsTable, requests, writeMeter);
  writeMeter(0, true);

  await generations.switchTo(generation);
  // Live projectors may write to the old generation until their remembered pointer expires.
  await new Promise((wait) => setTimeout(wait, options.switchGraceMs ?? generations.ttlMs));

  const latest = new Map<string, number>();
  await scanSegments(client, options.eventsTable, segments, '#s, #v', (items) => {
    for (const item of items) {
      const streamId = item[E.partitionKey]!.S!;
      latest.set(streamId, Math.max(latest.get(streamId) ?? 0, Number(item[E.sortKey]!.N)));
    }
  });
  const behind = [...latest].filter(([streamId, version]) => version > (folds.get(streamId)?.version ?? 0));
  const catchUpMeter = progressMeter('catching up', behind.length, options.onProgress);
  const project = options.catchUpProjector(generation);
  // The newest stored event of each stream behind: the projector folds it on, or catches the stream up from the store.
  for (let start = 0; start < behind.length; start += CATCH_UP_BATCH) {
    const newest = await Promise.all(
      behind.slice(start, start + CATCH_UP_BATCH).map(async ([streamId]) => (await eventStore.readStream(streamId)).events.at(-1)?.event),
    );
    const results = await project(newest.filter((event): event is RecordedEvent => event !== undefined));
    const failed = results.find((result) => 'error' in result);
    if (failed) throw failed.error;
    catchUpMeter(newest.length);
  }
  catchUpMeter(0, true);

  return {
    generation,
    previousGeneration,
    deals: folds.size,
    streams: countByKind(folds.keys()),
    events,
    items: requests.length,
    caughtUp: behind.length,
    seconds: (Date.now() - started) / 1000,
  };
};
