import {
  DescribeTableCommand,
  ScanCommand,
  type AttributeValue,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { RecordedEvent } from '../../domain/envelope.ts';
import { streamKindOf } from '../../domain/streams.ts';
import { projectionFor } from '../../domain/scorecard/streamProjections.ts';
import { batchWrites } from '../dynamo/batchWrites.ts';
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

const progressMeter = (phase: RebuildProgress['phase'], total: number | (() => number), report?: (progress: RebuildProgress) => void) => {
  const started = Date.now();
  let done = 0;
  let lastReport = 0;
  return (count: number, force = false) => {
    done += count;
    const now = Date.now();
    if (report && (force || now - lastReport > 200)) {
      lastReport = now;
      report({ phase, done, total: Math.max(typeof total === 'number' ? total : total(), done), perSecond: done / Math.max(0.001, (now - started) / 1000) });
    }
  };
};

/**
 * Scans the whole table in parallel segments, page by page, in order within a segment. Each segment
 * asks for its next page before handing the current one on, so the database reads while the pages
 * are folded (one page ahead at most).
 */
const scanSegments = async (
  client: DynamoDBClient,
  tableName: string,
  segments: number,
  projection: string | undefined,
  onPage: (items: Record<string, AttributeValue>[], segment: number) => void | Promise<void>,
) => {
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      const read = (startKey: Record<string, AttributeValue> | undefined) =>
        client.send(
          new ScanCommand({
            TableName: tableName,
            Segment: segment,
            TotalSegments: segments,
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
            ...(projection ? { ProjectionExpression: projection, ExpressionAttributeNames: { '#s': E.partitionKey, '#v': E.sortKey } } : {}),
          }),
        );
      let next: ReturnType<typeof read> | undefined = read(undefined);
      while (next) {
        const page: Awaited<ReturnType<typeof read>> = await next;
        next = page.LastEvaluatedKey ? read(page.LastEvaluatedKey) : undefined;
        try {
          await onPage(page.Items ?? [], segment);
        } catch (error) {
          // The page read ahead is not wanted any more, nor its failure.
          next?.catch(() => {});
          throw error;
        }
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
  const contributionsOf = new Map<string, ItemCounters>();
  const eventStore = new DynamoEventStore(client, options.eventsTable);
  let itemsWritten = 0;
  // Writes start while the scan goes on; their progress is told once reading is done, one phase after the other.
  let readingDone = false;
  const writeMeter = progressMeter('writing projections', () => itemsWritten, (progress) => readingDone && options.onProgress?.(progress));
  const writes = batchWrites(client, options.projectionsTable, { onWritten: writeMeter });
  // A stream's view and documents are written as soon as the scan has passed it, while the scan goes on.
  const writeStream = async (streamId: string) => {
    const fold = folds.get(streamId)!;
    const projection = projectionFor(streamId);
    const contributions = itemCountersOf(projection.contributions(fold.state, options.timeZone));
    contributionsOf.set(streamId, contributions);
    const documents = projection.documents(fold.state, options.timeZone);
    const documentKeys = documentKeysOf(generation, documents);
    const requests: WriteRequest[] = [
      { PutRequest: { Item: viewItem(generation, streamId, { lastVersion: fold.version, state: fold.state, contributions, documentKeys }) } },
      ...documents.map((document) => ({ PutRequest: { Item: documentItem(generation, document) } })),
    ];
    itemsWritten += requests.length;
    await writes.add(requests);
  };
  // Per segment, the stream its last page ended on: it may go on in the next page.
  const unfinished = new Map<number, string>();
  let events = 0;
  await scanSegments(client, options.eventsTable, segments, undefined, async (items, segment) => {
    const byStream = new Map<string, RecordedEvent[]>();
    for (const item of items) {
      const { event } = readStoredItem(item);
      const stream = byStream.get(event.streamId);
      if (stream) stream.push(event);
      else byStream.set(event.streamId, [event]);
    }
    // A scan reads each stream whole and in version order, so a stream's events follow on from what was read
    // before, and a stream the page moved past is complete.
    for (const [streamId, streamEvents] of byStream) {
      const folded = await foldStream(projectionFor(streamId), folds.get(streamId) ?? null, streamEvents, () => eventStore.readStream(streamId));
      if (folded) folds.set(streamId, folded.fold);
      const previous = unfinished.get(segment);
      if (previous !== undefined && previous !== streamId && folds.has(previous)) await writeStream(previous);
      unfinished.set(segment, streamId);
    }
    events += items.length;
    readMeter(items.length);
  });
  readMeter(0, true);
  readingDone = true;
  for (const streamId of unfinished.values()) if (folds.has(streamId)) await writeStream(streamId);

  const totals: ItemCounters = {};
  for (const contributions of contributionsOf.values()) sumInto(totals, contributions);
  const counterItems: WriteRequest[] = Object.entries(totals).map(([id, counters]) => ({ PutRequest: { Item: scorecardItem(generation, id, counters) } }));
  itemsWritten += counterItems.length;
  await writes.add(counterItems);
  await writes.finish();
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
    items: itemsWritten,
    caughtUp: behind.length,
    seconds: (Date.now() - started) / 1000,
  };
};
