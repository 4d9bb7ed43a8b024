import { DeleteTableCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { batchWrites } from '../../functions/dynamo/batchWrites.ts';
import { allItemsOf, pagesOf } from '../../functions/dynamo/pages.ts';
import { ensureProjectionsTable } from '../../functions/local/tables.ts';
import { generationPrefix } from '../../functions/projections/projectionKeys.ts';
import { projectionsTable as T } from '../../functions/projections/projectionsTable.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { ActiveGeneration } from '../../functions/projections/generations.ts';
import { rebuildProjections, type RebuildProgress } from '../../functions/projections/rebuild.ts';
import { createStreamProjector } from '../../functions/projections/streamProjector.ts';
import { quantile, secondsSince } from './stats.ts';


export interface RebuildBenchOptions {
  eventsTable: string;
  projectionsTable: string;
  timeZone: string;
  newClient: () => DynamoDBClient;
  /** The rebuild's parallel scan segments. */
  rebuildSegments: number;
  /** The plain Scan's TotalSegments values; each is scanned once a round. */
  scanSegments: number[];
  rounds: number;
  onProgress?: (line: string) => void;
}

export interface RebuildBenchResult {
  events: number;
  /** events/s of each rebuild round. */
  rebuild: number[];
  /** events/s of each round, by TotalSegments. */
  scan: Map<number, number[]>;
  /** Per round, the rebuild's rate / the Scan's at the rebuild's parallelism (side by side). */
  ratio: number[];
  /** Seconds of the last rebuild in each phase. */
  phases: Record<RebuildProgress['phase'], number>;
  items: number;
  /**
   * The other half of the floor: the last rebuild's items written again, alone, into an empty table with
   * the projections table's keys, with the rebuild's own writer (BatchWriteItem, 25 a request, 8 in flight).
   * No rebuild can be faster than the slower of reading every event and writing every item.
   */
  writeFloor: { items: number; seconds: number; itemsPerSecond: number };
}

/** A plain parallel Scan of the whole table: every item read, nothing done with it. Answers the items read. */
const plainScan = async (client: DynamoDBClient, tableName: string, segments: number): Promise<number> => {
  const counts = await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let count = 0;
      const pages = pagesOf((startKey) =>
        client.send(new ScanCommand({ TableName: tableName, Segment: segment, TotalSegments: segments, ConsistentRead: true, ExclusiveStartKey: startKey })),
      );
      for await (const page of pages) count += page.length;
      return count;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
};

/** Every item of one generation of the projections table, as stored. */
const itemsOfGeneration = async (client: DynamoDBClient, tableName: string, generation: number) => {
  const prefix = generationPrefix(generation);
  const items = await allItemsOf((startKey) => client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey })));
  return items.filter((item) => item[T.partitionKey]!.S!.startsWith(prefix));
};

/** Writes the items into a fresh table as the rebuild writes, timed; the table is dropped afterwards. */
const timedWrites = async (client: DynamoDBClient, items: Record<string, AttributeValue>[]) => {
  const tableName = `rebuild-write-floor-${Date.now()}`;
  await ensureProjectionsTable(client, tableName);
  try {
    const started = process.hrtime.bigint();
    const writes = batchWrites(client, tableName);
    await writes.add(items.map((Item) => ({ PutRequest: { Item } })));
    await writes.finish();
    const elapsed = secondsSince(started);
    return { items: items.length, seconds: elapsed, itemsPerSecond: items.length / elapsed };
  } finally {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  }
};

/**
 * The rebuild (issue 13, point 5) beside the floor of what it must do at least once: read every event.
 * A plain consistent parallel Scan of the same events table at a few TotalSegments values and the rebuild
 * (no switch grace) run in interleaved rounds on the same server, each with a fresh client.
 */
export const runRebuildBench = async (options: RebuildBenchOptions): Promise<RebuildBenchResult> => {
  const progress = options.onProgress ?? (() => {});
  const scan = new Map([...new Set([...options.scanSegments, options.rebuildSegments])].map((segments) => [segments, [] as number[]]));
  const rebuild: number[] = [];
  const ratio: number[] = [];
  let events = 0;
  let items = 0;
  let phases = { 'reading events': 0, 'writing projections': 0, 'catching up': 0 };
  let lastGeneration = 0;

  const scanOnce = async (segments: number) => {
    const client = options.newClient();
    try {
      const started = process.hrtime.bigint();
      const read = await plainScan(client, options.eventsTable, segments);
      const rate = read / secondsSince(started);
      scan.get(segments)!.push(rate);
      progress(`rebuild bench: Scan with ${segments} segments, ${read} items, ${rate.toFixed(0)}/s`);
      return rate;
    } finally {
      client.destroy();
    }
  };
  const rebuildOnce = async () => {
    const client = options.newClient();
    try {
      const generations = new ActiveGeneration(client, options.projectionsTable, 0);
      // The last progress report of each phase: the meters report once more when their phase ends.
      const phaseEnded = new Map<string, bigint>();
      const started = process.hrtime.bigint();
      const result = await rebuildProjections({
        client,
        eventsTable: options.eventsTable,
        projectionsTable: options.projectionsTable,
        timeZone: options.timeZone,
        generations,
        segments: options.rebuildSegments,
        catchUpProjector: (generation) =>
          createStreamProjector({
            client,
            tableName: options.projectionsTable,
            eventStore: new DynamoEventStore(client, options.eventsTable),
            timeZone: options.timeZone,
            generation: async () => generation,
          }),
        switchGraceMs: 0,
        onProgress: (report) => phaseEnded.set(report.phase, process.hrtime.bigint()),
      });
      const total = secondsSince(started);
      const end = (phase: RebuildProgress['phase']) => phaseEnded.get(phase) ?? started;
      phases = {
        'reading events': Number(end('reading events') - started) / 1e9,
        'writing projections': Number(end('writing projections') - end('reading events')) / 1e9,
        'catching up': secondsSince(end('writing projections')),
      };
      events = result.events;
      items = result.items;
      lastGeneration = result.generation;
      const rate = result.events / total;
      rebuild.push(rate);
      progress(`rebuild bench: rebuild into generation ${result.generation}, ${result.events} events, ${rate.toFixed(0)}/s`);
      return rate;
    } finally {
      client.destroy();
    }
  };

  for (let round = 0; round < options.rounds; round++) {
    // The Scan at the rebuild's parallelism goes right before or right after the rebuild, in turn.
    const others = [...scan.keys()].filter((segments) => segments !== options.rebuildSegments);
    for (const segments of others) await scanOnce(segments);
    let reference: number;
    let rate: number;
    if (round % 2 === 0) {
      reference = await scanOnce(options.rebuildSegments);
      rate = await rebuildOnce();
    } else {
      rate = await rebuildOnce();
      reference = await scanOnce(options.rebuildSegments);
    }
    ratio.push(rate / reference);
  }
  const client = options.newClient();
  try {
    const generationItems = await itemsOfGeneration(client, options.projectionsTable, lastGeneration);
    const writeFloor = await timedWrites(client, generationItems);
    progress(`rebuild bench: write floor, ${writeFloor.items} items in ${writeFloor.seconds.toFixed(1)} s, ${writeFloor.itemsPerSecond.toFixed(0)}/s`);
    return { events, rebuild, scan, ratio, phases, items, writeFloor };
  } finally {
    client.destroy();
  }
};
