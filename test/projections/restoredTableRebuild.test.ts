import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteItemCommand,
  PutItemCommand,
  waitUntilTableExists,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { readStoredItem } from '../../functions/eventStore/dynamoEventStore.ts';
import { eventsTable } from '../../functions/eventStore/eventsTable.ts';
import { ScorecardRepository } from '../../functions/projections/scorecardRepository.ts';
import { freshProjectionsTable } from '../support/dynamo.ts';
import { call, startTestApi, tokenFor, type TestApi } from '../support/localApi.ts';
import { generationItems, projectAllStoredEvents, projectorFor, rebuildInto, storedEventItems } from '../support/projection.ts';
import { closeDealBody, deliveryBody, handoffBody } from '../support/sampleDeals.ts';

/**
 * The README's restore procedure, as far as DynamoDB Local goes: it has no point-in-time recovery,
 * so the restore is played by copying every item recorded up to the restore point into a new table
 * shaped as RestoreTableToPointInTime leaves it (same keys, no stream). Everything after that is
 * the real code: the rebuild reads the restored table, and the copy back is conditional.
 */

let api: TestApi;
let restoredTable: string;
const BEFORE = ['PR-1', 'PR-2', 'PR-3', 'PR-4'];
const AFTER = ['PR-5', 'PR-6'];
/** The events the incident deleted from the live table: every event of these deals. */
const LOST = ['PR-1', 'PR-2'];

const admin = () => tokenFor('A-1', 'admin');
const recordDeal = async (dealId: string, deliver: boolean) => {
  const token = await admin();
  const closed = await call(api, 'POST', '/v1/deals', { token, body: closeDealBody(dealId, { closedAt: '2026-10-05T12:00:00Z' }) });
  expect(closed.status).toBe(201);
  if (!deliver) return;
  await call(api, 'POST', `/v1/deals/${dealId}/handoff`, { token, body: handoffBody({ at: '2026-10-06T09:00:00Z' }) });
  await call(api, 'POST', `/v1/deals/${dealId}/delivery`, { token, body: deliveryBody({ at: '2026-10-20T10:00:00Z' }) });
};

/**
 * What RestoreTableToPointInTime produces from the table's history (`history`, every item it ever
 * held): the items as of `pointInTime`, in a new table without a stream.
 */
const restoreAsOf = async (history: Record<string, AttributeValue>[], pointInTime: string, tableName: string) => {
  await api.client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: eventsTable.partitionKey, AttributeType: 'S' },
        { AttributeName: eventsTable.sortKey, AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: eventsTable.partitionKey, KeyType: 'HASH' },
        { AttributeName: eventsTable.sortKey, KeyType: 'RANGE' },
      ],
    }),
  );
  await waitUntilTableExists({ client: api.client, maxWaitTime: 30 }, { TableName: tableName });
  for (const item of history) {
    if (readStoredItem(item).event.recordedAt <= pointInTime) await api.client.send(new PutItemCommand({ TableName: tableName, Item: item }));
  }
};

/** The README's copy-back step: put back only what the live table lacks, never overwriting an event. */
const copyMissingBack = async (from: string, to: string) => {
  let copied = 0;
  for (const item of await storedEventItems(api.client, from)) {
    try {
      await api.client.send(
        new PutItemCommand({ TableName: to, Item: item, ConditionExpression: 'attribute_not_exists(#v)', ExpressionAttributeNames: { '#v': eventsTable.sortKey } }),
      );
      copied += 1;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  return copied;
};

const rebuildFrom = (eventsTableName: string) =>
  rebuildInto({ client: api.client, eventsTable: eventsTableName, projectionsTable: api.projectionsTableName });

/** Deals closed in October as the organisation's scorecard reads them from `generation`. */
const closedInOctober = async (generation: number) => {
  const repository = new ScorecardRepository(api.client, api.projectionsTableName, async () => generation);
  return (await repository.month('org', '2026-10')).months.get('2026-10')!.closed;
};

/** The generation reads use now, asked afresh (the API's processes remember it for a while). */
const currentGeneration = () =>
  projectorFor({ client: api.client, eventsTable: api.tableName, projectionsTable: api.projectionsTableName }).generations.current();

beforeAll(async () => {
  api = await startTestApi();
  for (const [i, dealId] of BEFORE.entries()) await recordDeal(dealId, i % 2 === 0);
  const pointInTime = new Date().toISOString();
  await new Promise((wait) => setTimeout(wait, 5));
  for (const dealId of AFTER) await recordDeal(dealId, true);
  await projectAllStoredEvents({ client: api.client, eventsTable: api.tableName, projectionsTable: api.projectionsTableName });

  // Point-in-time recovery keeps what the table held before the incident.
  const history = await storedEventItems(api.client, api.tableName);
  // The incident: a bug deletes two deals' events from the live table.
  for (const item of history) {
    if (LOST.some((dealId) => item[eventsTable.partitionKey]!.S === `deal#${dealId}`)) {
      await api.client.send(
        new DeleteItemCommand({
          TableName: api.tableName,
          Key: { [eventsTable.partitionKey]: item[eventsTable.partitionKey]!, [eventsTable.sortKey]: item[eventsTable.sortKey]! },
        }),
      );
    }
  }

  restoredTable = `${api.tableName}-restored`;
  await restoreAsOf(history, pointInTime, restoredTable);
});

describe('restoring the events table and rebuilding the projections from it', () => {
  it('given a table restored to before the incident, when the projections are rebuilt from it, then they are exactly what its events project to', async () => {
    const reference = await freshProjectionsTable(api.client);
    await projectAllStoredEvents({ client: api.client, eventsTable: restoredTable, projectionsTable: reference.tableName });

    const result = await rebuildFrom(restoredTable);

    expect(result.deals).toBe(BEFORE.length);
    expect(result.events).toBe((await storedEventItems(api.client, restoredTable)).length);
    const rebuilt = await generationItems(api.client, api.projectionsTableName, result.generation);
    const expected = await generationItems(api.client, reference.tableName, 1);
    expect(expected.size).toBeGreaterThan(BEFORE.length);
    expect([...rebuilt.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, item] of expected) expect(rebuilt.get(key), key).toEqual(item);
    // Reads switched to the restored history: the lost deals are back, the later ones not yet.
    expect(await currentGeneration()).toBe(result.generation);
    expect(await closedInOctober(result.generation)).toBe(BEFORE.length);
  });

  it('given the lost events copied back into the live table, when rebuilt from it, then every deal counts and nothing recorded since was overwritten', async () => {
    const liveBefore = await storedEventItems(api.client, api.tableName);

    const copied = await copyMissingBack(restoredTable, api.tableName);
    const result = await rebuildFrom(api.tableName);

    const lostEvents = (await storedEventItems(api.client, restoredTable)).filter((item) =>
      LOST.some((dealId) => item[eventsTable.partitionKey]!.S === `deal#${dealId}`),
    );
    expect(copied).toBe(lostEvents.length);
    const liveAfter = await storedEventItems(api.client, api.tableName);
    expect(liveAfter).toHaveLength(liveBefore.length + copied);
    for (const item of liveBefore) expect(liveAfter).toContainEqual(item);
    expect(result.deals).toBe(BEFORE.length + AFTER.length);
    expect(await currentGeneration()).toBe(result.generation);
    expect(await closedInOctober(result.generation)).toBe(BEFORE.length + AFTER.length);
  });
});
