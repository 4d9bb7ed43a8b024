import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { createProjectorHandler } from '../../functions/handlers/projector.ts';
import { ensureEventsTable, ensureProjectionsTable } from '../../functions/local/tables.ts';
import { ActiveGeneration } from '../../functions/projections/generations.ts';
import { createStreamProjector } from '../../functions/projections/streamProjector.ts';
import { streamEventOf, streamRecordOf } from '../support/projection.ts';
import { countConsumedCapacity, type CapacityTally } from './consumedCapacity.ts';
import { dynamoItemBytes } from './dynamoItemSize.ts';
import type { History } from './history.ts';

/** Issue 13's on-demand prices, dollars per million. */
export const PRICES = { writeUnit: 0.625, readUnit: 0.125, lambdaRequest: 0.2, httpApiRequest: 1, eventBridgeEvent: 1 } as const;
/** As deployed (infra/constructs/deadLetterQueue.ts): both stream consumers take batches of up to 100 records. */
export const STREAM_BATCH_SIZE = 100;

export interface PartCost {
  part: string;
  /** Per event. */
  writeUnits: number;
  readUnits: number;
  lambdaRequests: number;
  httpApiRequests: number;
  eventBridgeEvents: number;
  /** Dollars per million events. */
  dollarsPerMillion: number;
  calls: Record<string, number>;
  /** Transaction write units per event as DynamoDB Local reported them (it undercounts large transactions). */
  transactionUnitsReported?: number;
  /** Per event: transaction items by kind and their write units. */
  transactionItems?: Record<string, { items: number; writeUnits: number }>;
}

export interface CostBenchResult {
  events: number;
  meanItemBytes: number;
  parts: PartCost[];
  totalPerMillion: number;
}

const costOf = (p: Omit<PartCost, 'dollarsPerMillion'>): PartCost => ({
  ...p,
  dollarsPerMillion:
    p.writeUnits * PRICES.writeUnit +
    p.readUnits * PRICES.readUnit +
    p.lambdaRequests * PRICES.lambdaRequest +
    p.httpApiRequests * PRICES.httpApiRequest +
    p.eventBridgeEvents * PRICES.eventBridgeEvent,
});

/**
 * What 1M events cost on AWS on demand, from units the database itself reports (ReturnConsumedCapacity)
 * for each part's calls on DynamoDB Local, and requests counted from the deployed batch sizes:
 * - commands: each event appended as the store appends it (one conditional PutItem per one-event
 *   command), one HTTP API request and one Lambda request per command;
 * - projector: every event as stream records through the projector handler, in the deployed batches;
 * - publisher: no DynamoDB calls (it reads the stream image), one EventBridge event per domain event,
 *   one Lambda request per batch. Stream reads by Lambda triggers are not billed.
 */
export const runCostBench = async (
  client: DynamoDBClient,
  newClient: () => DynamoDBClient,
  history: History,
  options: { timeZone: string; batchSize: number },
): Promise<CostBenchResult> => {
  const eventsTable = 'cost-events';
  const projectionsTable = 'cost-projections';
  await ensureEventsTable(client, eventsTable);
  await ensureProjectionsTable(client, projectionsTable);
  const events = history.items.length;

  const commandsClient = newClient();
  const commands = countConsumedCapacity(commandsClient);
  for (const item of history.items) {
    await commandsClient.send(
      new PutItemCommand({ TableName: eventsTable, Item: item, ConditionExpression: 'attribute_not_exists(#v)', ExpressionAttributeNames: { '#v': 'v' } }),
    );
  }
  commandsClient.destroy();

  const projectorClient = newClient();
  const projector = countConsumedCapacity(projectorClient);
  const generations = new ActiveGeneration(projectorClient, projectionsTable, 0);
  const handler = createProjectorHandler(
    createStreamProjector({
      client: projectorClient,
      tableName: projectionsTable,
      eventStore: new DynamoEventStore(projectorClient, eventsTable),
      timeZone: options.timeZone,
      generation: () => generations.current(),
    }),
  );
  // One shard, in recording order: every batch is full, as under steady load.
  const records: DynamoDBRecord[] = history.items.map(streamRecordOf);
  let invocations = 0;
  for (let at = 0; at < records.length; at += options.batchSize) {
    const response = await handler(streamEventOf(records.slice(at, at + options.batchSize)));
    invocations += 1;
    if (response.batchItemFailures.length) throw new Error(`the projector reported ${response.batchItemFailures.length} failed records`);
  }
  projectorClient.destroy();

  const perEvent = (tally: CapacityTally) => ({
    writeUnits: tally.writeUnits / events,
    readUnits: tally.readUnits / events,
    calls: tally.calls,
    transactionUnitsReported: tally.transactionUnitsReported / events,
    transactionItems: Object.fromEntries(
      Object.entries(tally.transactionItems).map(([kind, { items, writeUnits }]) => [kind, { items: items / events, writeUnits: writeUnits / events }]),
    ),
  });
  const parts = [
    costOf({ part: 'commands', ...perEvent(commands), lambdaRequests: 1, httpApiRequests: 1, eventBridgeEvents: 0 }),
    costOf({ part: 'projector', ...perEvent(projector), lambdaRequests: invocations / events, httpApiRequests: 0, eventBridgeEvents: 0 }),
    costOf({
      part: 'publisher',
      writeUnits: 0,
      readUnits: 0,
      calls: {},
      lambdaRequests: Math.ceil(events / options.batchSize) / events,
      httpApiRequests: 0,
      eventBridgeEvents: 1,
    }),
  ];
  return {
    events,
    meanItemBytes: history.items.reduce((sum, item) => sum + dynamoItemBytes(item), 0) / events,
    parts,
    totalPerMillion: parts.reduce((sum, part) => sum + part.dollarsPerMillion, 0),
  };
};
