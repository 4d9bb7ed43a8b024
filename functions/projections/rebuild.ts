import {
  BatchWriteItemCommand,
  DescribeTableCommand,
  ScanCommand,
  type AttributeValue,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { Contributions, Counters } from '../../domain/scorecard/contributions.ts';
import { projectionFor } from '../../domain/scorecard/streamProjections.ts';
import { DynamoEventStore, readStoredItem } from '../eventStore/dynamoEventStore.ts';
import { eventsTable as E } from '../eventStore/eventsTable.ts';
import type { DealProjector } from './dealProjector.ts';
import type { ActiveGeneration } from './generations.ts';
import { contributionItemKey, documentItemKey, streamViewKey } from './projectionKeys.ts';

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
  catchUpProjector: (generation: number) => DealProjector;
  segments?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** How long live readers and projectors may keep using the old generation after the switch. */
  switchGraceMs?: number;
}

export interface RebuildResult {
  generation: number;
  previousGeneration: number;
  deals: number;
  events: number;
  items: number;
  caughtUp: number;
  seconds: number;
}

interface StreamFold {
  state: unknown;
  version: number;
  /** Events read ahead of a version still missing, by version. */
  pending: Map<number, ReturnType<typeof readStoredItem>['event']>;
}

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

/** Scans the whole table in parallel segments, page by page. */
const scanSegments = async (
  client: DynamoDBClient,
  tableName: string,
  segments: number,
  projection: string | undefined,
  onPage: (items: Record<string, AttributeValue>[]) => void,
) => {
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: tableName,
            Segment: segment,
            TotalSegments: segments,
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
            ...(projection ? { ProjectionExpression: projection, ExpressionAttributeNames: { '#s': E.partitionKey, '#v': E.sortKey } } : {}),
          }),
        );
        onPage(page.Items ?? []);
        startKey = page.LastEvaluatedKey;
      } while (startKey);
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
        for (let attempt = 0; batch.length; attempt++) {
          if (attempt > 0) await new Promise((wait) => setTimeout(wait, Math.min(1000, 2 ** attempt * 20)));
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
  let events = 0;
  await scanSegments(client, options.eventsTable, segments, undefined, (items) => {
    for (const item of items) {
      const { event } = readStoredItem(item);
      let fold = folds.get(event.streamId);
      const projection = projectionFor(event.streamId);
      if (!fold) folds.set(event.streamId, (fold = { state: projection.initialState(), version: 0, pending: new Map() }));
      fold.pending.set(event.version, event);
      // A scan reads a stream in version order; the buffer only matters if a page ever does not.
      for (let ready = fold.pending.get(fold.version + 1); ready; ready = fold.pending.get(fold.version + 1)) {
        fold.pending.delete(ready.version);
        fold.state = projection.evolve(fold.state, ready);
        fold.version = ready.version;
      }
    }
    events += items.length;
    readMeter(items.length);
  });
  readMeter(0, true);

  const totals = new Map<string, Counters>();
  const views: WriteRequest[] = [];
  for (const [streamId, fold] of folds) {
    if (fold.pending.size) throw new Error(`${streamId} is missing version ${fold.version + 1} of ${fold.version + fold.pending.size + 1}`);
    const projection = projectionFor(streamId);
    const contributions: Contributions = projection.contributions(fold.state, options.timeZone);
    for (const [key, counters] of Object.entries(contributions)) {
      const total = totals.get(key) ?? {};
      for (const [name, amount] of Object.entries(counters)) total[name] = (total[name] ?? 0) + amount;
      totals.set(key, total);
    }
    views.push({
      PutRequest: {
        Item: {
          ...streamViewKey(generation, streamId),
          lv: { N: String(fold.version) },
          st: { S: JSON.stringify(fold.state) },
          c: { S: JSON.stringify(contributions) },
        },
      },
    });
    for (const document of projection.documents(fold.state, options.timeZone)) {
      views.push({ PutRequest: { Item: { ...documentItemKey(generation, document.key), d: { S: JSON.stringify(document.body) } } } });
    }
  }
  const counterItems: WriteRequest[] = [...totals].map(([key, counters]) => ({
    PutRequest: {
      Item: {
        ...contributionItemKey(generation, key),
        ...Object.fromEntries(
          Object.entries(counters)
            .filter(([, amount]) => amount !== 0)
            .map(([name, amount]) => [name, { N: String(amount) }]),
        ),
      },
    },
  }));
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
  const eventStore = new DynamoEventStore(client, options.eventsTable);
  for (const [streamId] of behind) {
    const stream = await eventStore.readStream(streamId);
    const last = stream.events.at(-1);
    if (last) await project(last.event);
    catchUpMeter(1);
  }
  catchUpMeter(0, true);

  return {
    generation,
    previousGeneration,
    deals: folds.size,
    events,
    items: requests.length,
    caughtUp: behind.length,
    seconds: (Date.now() - started) / 1000,
  };
};
