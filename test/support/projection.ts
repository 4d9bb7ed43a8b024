import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { DynamoEventStore, readStoredItem } from '../../functions/eventStore/dynamoEventStore.ts';
import { createProjectorHandler } from '../../functions/handlers/projector.ts';
import { allItemsOf } from '../../functions/dynamo/pages.ts';
import { ActiveGeneration } from '../../functions/projections/generations.ts';
import { rebuildProjections, type RebuildProgress } from '../../functions/projections/rebuild.ts';
import { createStreamProjector } from '../../functions/projections/streamProjector.ts';

/** Every stored event item of a table, in stream and version order. */
export const storedEventItems = async (client: DynamoDBClient, tableName: string) => {
  const items = await allItemsOf((startKey) => client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey })));
  return items.sort((a, b) => (a.s!.S! === b.s!.S! ? Number(a.v!.N) - Number(b.v!.N) : a.s!.S! < b.s!.S! ? -1 : 1));
};

/**
 * One generation's items of a projections table, keyed without the generation prefix. A counter back
 * to zero reads exactly like one never set, so zeros (and items left with nothing) are dropped.
 */
export const generationItems = async (client: DynamoDBClient, tableName: string, generation: number) => {
  const items = new Map<string, Record<string, AttributeValue>>();
  const prefix = `g${generation}#`;
  const scanned = await allItemsOf((startKey) => client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey })));
  for (const item of scanned) {
    const partition = item.p!.S!;
    if (!partition.startsWith(prefix)) continue;
    const rest = Object.fromEntries(Object.entries(item).filter(([name, value]) => name !== 'p' && value.N !== '0'));
    if (Object.keys(rest).length > 1) items.set(`${partition.slice(prefix.length)}|${item.k!.S}`, rest);
  }
  return items;
};

let sequence = 0;
/** A stream record exactly as Lambda hands one to a DynamoDB Streams consumer. */
export const streamRecordOf = (item: Record<string, AttributeValue>): DynamoDBRecord => {
  sequence += 1;
  return {
    eventID: `record-${sequence}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    eventSourceARN: 'arn:aws:dynamodb:us-east-1:000000000000:table/events/stream/2026-10-01T00:00:00.000',
    dynamodb: {
      ApproximateCreationDateTime: 1_790_000_000,
      Keys: { s: item.s!, v: item.v! } as never,
      NewImage: item as never,
      SequenceNumber: String(100_000_000 + sequence).padStart(21, '0'),
      SizeBytes: JSON.stringify(item).length,
      StreamViewType: 'NEW_IMAGE',
    },
  };
};

export const streamEventOf = (records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

/** The projector handler wired to real tables, as the Lambda and the local stack wire it. */
export const projectorFor = (options: { client: DynamoDBClient; eventsTable: string; projectionsTable: string; timeZone?: string }) => {
  const generations = new ActiveGeneration(options.client, options.projectionsTable, 0);
  const project = createStreamProjector({
    client: options.client,
    tableName: options.projectionsTable,
    eventStore: new DynamoEventStore(options.client, options.eventsTable),
    timeZone: options.timeZone ?? 'UTC',
    generation: () => generations.current(),
  });
  return { project, handler: createProjectorHandler(project), generations };
};

/** Feeds every stored event through the projector handler in batches, as the stream would. */
export const projectAllStoredEvents = async (options: {
  client: DynamoDBClient;
  eventsTable: string;
  projectionsTable: string;
  timeZone?: string;
  batchSize?: number;
}) => {
  const { handler } = projectorFor(options);
  const items = await storedEventItems(options.client, options.eventsTable);
  const records = items.map(streamRecordOf);
  const size = options.batchSize ?? 100;
  for (let start = 0; start < records.length; start += size) {
    const response = await handler(streamEventOf(records.slice(start, start + size)));
    if (response.batchItemFailures.length) throw new Error(`projection failed: ${JSON.stringify(response.batchItemFailures)}`);
  }
  return items.map((item) => readStoredItem(item).event);
};

/**
 * Rebuilds the projections from the events table into a new generation, as the operator's rebuild does,
 * switching at once (no grace) and catching up with the projector of the new generation.
 */
export const rebuildInto = (options: {
  client: DynamoDBClient;
  eventsTable: string;
  projectionsTable: string;
  timeZone?: string;
  onProgress?: (progress: RebuildProgress) => void;
}) => {
  const { client, eventsTable, projectionsTable, onProgress } = options;
  const timeZone = options.timeZone ?? 'UTC';
  const { generations } = projectorFor(options);
  return rebuildProjections({
    client,
    eventsTable,
    projectionsTable,
    timeZone,
    generations,
    switchGraceMs: 0,
    onProgress,
    catchUpProjector: (generation) =>
      createStreamProjector({ client, tableName: projectionsTable, eventStore: new DynamoEventStore(client, eventsTable), timeZone, generation: async () => generation }),
  });
};
