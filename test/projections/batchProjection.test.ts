import { inflateRawSync } from 'node:zlib';
import { PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventStore, readStoredItem } from '../../functions/eventStore/dynamoEventStore.ts';
import { eventsTable } from '../../functions/eventStore/eventsTable.ts';
import { createProjectorHandler } from '../../functions/handlers/projector.ts';
import { ActiveGeneration } from '../../functions/projections/generations.ts';
import { projectionsTable } from '../../functions/projections/projectionsTable.ts';
import { createStreamProjector } from '../../functions/projections/streamProjector.ts';
import { freshProjectionsTable, testDynamoClient } from '../support/dynamo.ts';
import { call, startTestApi, tokenFor, type TestApi } from '../support/localApi.ts';
import { storedEventItems, streamEventOf, streamRecordOf } from '../support/projection.ts';
import { cancellationBody, closeDealBody, deliveryBody, handoffBody } from '../support/sampleDeals.ts';
import { scanItems } from '../support/storedItems.ts';
import { parseView } from '../../functions/projections/projectionWrites.ts';

/**
 * A whole stream batch projected at once (views read together, streams' counter changes summed into a
 * few transactions) leaves exactly the items a record-at-a-time pass leaves, also when a transaction
 * is cancelled under it and when a record of the batch is poison.
 *
 * The history: 30 deals closed in October 2026 by three sellers of two teams; two in three handed off,
 * one in three of those delivered in October, every seventh cancelled.
 */

const P = projectionsTable.partitionKey;
const K = projectionsTable.sortKey;
const DEALS = 30;

let api: TestApi;
let items: Record<string, AttributeValue>[];
let reference: Record<string, unknown>;
let referenceTransactions: number;

/** A client of its own, counting the transactions it sends and those cancelled. */
const countingClient = (beforeTransaction?: (items: number) => Promise<void>) => {
  const client = testDynamoClient();
  const counts = { transactions: 0, cancelled: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'TransactWriteItemsCommand') return next(args);
      counts.transactions += 1;
      await beforeTransaction?.((args.input as { TransactItems: unknown[] }).TransactItems.length);
      try {
        return await next(args);
      } catch (error) {
        counts.cancelled += 1;
        throw error;
      }
    },
    { step: 'initialize', name: 'transactionCounter' },
  );
  return { client, counts };
};

const projectorInto = (client: DynamoDBClient, tableName: string) => {
  const generations = new ActiveGeneration(client, tableName, 0);
  return createStreamProjector({
    client,
    tableName,
    eventStore: new DynamoEventStore(client, api.tableName),
    timeZone: 'UTC',
    generation: () => generations.current(),
  });
};

/** A view's last version, folded state and contributions, however it is stored. */
const viewOf = (item: Record<string, AttributeValue>) => {
  const view = parseView(0, item);
  return { lv: view.lastVersion, st: view.state, c: view.contributions };
};

/** Every item of a projections table; counters at zero dropped, as absent and 0 read the same. */
const normalized = async (tableName: string): Promise<Record<string, unknown>> => {
  const result: Record<string, unknown> = {};
  for (const item of await scanItems({ client: api.client, tableName })) {
    const key = `${item[P]!.S}|${item[K]!.S}`;
    if (item[K]!.S === 'view') result[key] = viewOf(item);
    else if (item.d?.S !== undefined) result[key] = { document: JSON.parse(item.d.S) };
    else {
      const counters = Object.fromEntries(
        Object.entries(item).filter(([name, value]) => name !== P && name !== K && Number(value.N) !== 0).map(([name, value]) => [name, Number(value.N)]),
      );
      if (Object.keys(counters).length) result[key] = counters;
    }
  }
  return result;
};

/** Stream order: every deal's first event, then every deal's second, ... as deals progress side by side. */
const arrivalOrder = (all: Record<string, AttributeValue>[]) =>
  [...all].sort((a, b) => Number(a[eventsTable.sortKey]!.N) - Number(b[eventsTable.sortKey]!.N) || (a.s!.S! < b.s!.S! ? -1 : 1));

const recordAtATime = async (records: DynamoDBRecord[]) => {
  const table = await freshProjectionsTable(api.client);
  const { client, counts } = countingClient();
  const project = projectorInto(client, table.tableName);
  // One record per invocation: each event is projected in a transaction of its own.
  const handler = createProjectorHandler(project);
  for (const record of records) expect(await handler(streamEventOf([record]))).toEqual({ batchItemFailures: [] });
  client.destroy();
  return { items: await normalized(table.tableName), transactions: counts.transactions };
};

beforeAll(async () => {
  api = await startTestApi();
  const admin = await tokenFor('A-1', 'admin');
  const post = async (path: string, body: unknown) => {
    const response = await call(api, 'POST', path, { token: admin, body });
    expect(response.status, `${path}: ${response.text}`).toBe(201);
  };
  for (let i = 1; i <= DEALS; i++) {
    const dealId = `B-${i}`;
    const day = String((i % 20) + 1).padStart(2, '0');
    await post('/v1/deals', closeDealBody(dealId, {
      closedAt: `2026-10-${day}T09:00:00Z`,
      seller: { id: `S-${i % 3}` },
      salesTeam: `T-${i % 2}`,
      value: { amount: 1_000 * i, currency: 'USD' },
    }));
    if (i % 3 !== 0) {
      await post(`/v1/deals/${dealId}/handoff`, handoffBody({ at: `2026-10-${day}T12:00:00Z`, opsOwner: { id: `O-${i % 2}` } }));
      if (i % 3 === 1) await post(`/v1/deals/${dealId}/delivery`, deliveryBody({ at: `2026-10-${day}T18:00:00Z` }));
    }
    if (i % 7 === 0) await post(`/v1/deals/${dealId}/cancellation`, cancellationBody({ at: `2026-10-${day}T20:00:00Z` }));
  }
  items = arrivalOrder(await storedEventItems(api.client, api.tableName));
  ({ items: reference, transactions: referenceTransactions } = await recordAtATime(items.map(streamRecordOf)));
}, 60_000);
afterAll(() => api.close());

describe('projecting a whole stream batch at once', () => {
  it('given records of 30 deals of one month in one batch, when projected, then every item equals the record-at-a-time pass, with far fewer transactions', async () => {
    const table = await freshProjectionsTable(api.client);
    const { client, counts } = countingClient();
    const handler = createProjectorHandler(projectorInto(client, table.tableName));

    expect(await handler(streamEventOf(items.map(streamRecordOf)))).toEqual({ batchItemFailures: [] });

    expect(await normalized(table.tableName)).toEqual(reference);
    expect(Object.keys(reference).filter((key) => key.endsWith('|view'))).toHaveLength(DEALS);
    expect(referenceTransactions).toBe(items.length);
    expect(counts.transactions).toBeLessThanOrEqual(3);
    expect(counts.cancelled).toBe(0);
    client.destroy();
  });

  it('given the same batch delivered again, when projected, then nothing is written and nothing changes', async () => {
    const table = await freshProjectionsTable(api.client);
    const { client, counts } = countingClient();
    const handler = createProjectorHandler(projectorInto(client, table.tableName));
    await handler(streamEventOf(items.map(streamRecordOf)));
    const first = counts.transactions;

    expect(await handler(streamEventOf(items.map(streamRecordOf)))).toEqual({ batchItemFailures: [] });

    expect(counts.transactions).toBe(first);
    expect(await normalized(table.tableName)).toEqual(reference);
    client.destroy();
  });

  it('given batches of 10 records, when projected in turn, then every item equals the record-at-a-time pass', async () => {
    const table = await freshProjectionsTable(api.client);
    const handler = createProjectorHandler(projectorInto(api.client, table.tableName));
    const records = items.map(streamRecordOf);

    for (let start = 0; start < records.length; start += 10) {
      expect(await handler(streamEventOf(records.slice(start, start + 10)))).toEqual({ batchItemFailures: [] });
    }

    expect(await normalized(table.tableName)).toEqual(reference);
  });

  it('given a concurrent projector that moves a view just before the batch transaction, when it is cancelled, then the fallback converges to the same items', async () => {
    const table = await freshProjectionsTable(api.client);
    const interloper = projectorInto(api.client, table.tableName);
    const firstOfB5 = items.find((item) => item.s!.S === 'deal#B-5' && item[eventsTable.sortKey]!.N === '1')!;
    let interfered = false;
    const { client, counts } = countingClient(async (transactionItems) => {
      // Only the batch's own group transaction (the fallback's are single-deal, far smaller) is raced.
      if (interfered || transactionItems < 20) return;
      interfered = true;
      await interloper([readStoredItem(firstOfB5).event]);
    });
    const handler = createProjectorHandler(projectorInto(client, table.tableName));

    expect(await handler(streamEventOf(items.map(streamRecordOf)))).toEqual({ batchItemFailures: [] });

    expect(interfered).toBe(true);
    expect(counts.cancelled).toBeGreaterThanOrEqual(1);
    expect(await normalized(table.tableName)).toEqual(reference);
    client.destroy();
  });

  it('given views stored before views were packed (state, contributions and documents as JSON attributes), when the rest of the events are projected, then every item equals the record-at-a-time pass', async () => {
    const table = await freshProjectionsTable(api.client);
    const handler = createProjectorHandler(projectorInto(api.client, table.tableName));
    const records = items.map(streamRecordOf);
    // Arrival order puts every deal's close first: after it, every deal has a view, and most have events still to come.
    expect(await handler(streamEventOf(records.slice(0, DEALS)))).toEqual({ batchItemFailures: [] });
    const views = (await scanItems({ client: api.client, tableName: table.tableName })).filter((item) => item[K]!.S === 'view');
    expect(views).toHaveLength(DEALS);
    for (const { z, ...view } of views) {
      const parts = JSON.parse(inflateRawSync(z!.B!).toString('utf8')) as { st: unknown; c: unknown; dk: unknown };
      const unpacked = { ...view, st: { S: JSON.stringify(parts.st) }, c: { S: JSON.stringify(parts.c) }, dk: { S: JSON.stringify(parts.dk) } };
      await api.client.send(new PutItemCommand({ TableName: table.tableName, Item: unpacked }));
    }

    expect(await handler(streamEventOf(records.slice(DEALS)))).toEqual({ batchItemFailures: [] });

    expect(await normalized(table.tableName)).toEqual(reference);
    const after = (await scanItems({ client: api.client, tableName: table.tableName })).filter((item) => item[K]!.S === 'view');
    const moved = new Set(items.slice(DEALS).map((item) => item.s!.S!));
    // A view its stream moved on is packed again; one left as it was still reads the old way.
    for (const view of after) expect(view.z !== undefined, view[P]!.S).toBe(moved.has(view[P]!.S!.replace(/^g\d+#/, '')));
  });

  it('given a poison record among the 30 deals, when the batch is projected, then it alone fails and every other record is applied', async () => {
    const last = items.findLast((item) => item.s!.S === 'deal#B-7')!;
    expect(Number(last[eventsTable.sortKey]!.N)).toBeGreaterThan(1);
    const records = items.map((item) => streamRecordOf(item === last ? { ...item, [eventsTable.body]: { S: 'not json at all' } } : item));
    const poison = records[items.indexOf(last)]!;
    const withoutPoison = await recordAtATime(items.filter((item) => item !== last).map(streamRecordOf));
    const table = await freshProjectionsTable(api.client);
    const handler = createProjectorHandler(projectorInto(api.client, table.tableName));

    const response = await handler(streamEventOf(records));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: poison.dynamodb!.SequenceNumber }] });
    expect(await normalized(table.tableName)).toEqual(withoutPoison.items);
    expect(withoutPoison.items['g1#deal#B-7|view']).toMatchObject({ lv: Number(last[eventsTable.sortKey]!.N) - 1 });
  });
});
