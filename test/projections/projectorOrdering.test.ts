import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDealCommandService } from '../../functions/commands/dealCommandService.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { eventsTable } from '../../functions/eventStore/eventsTable.ts';
import { projectionsTable } from '../../functions/projections/projectionsTable.ts';
import type { ItemCounters } from '../../functions/projections/scorecardCounters.ts';
import { freshProjectionsTable } from '../support/dynamo.ts';
import { call, startTestApi, tokenFor, type TestApi } from '../support/localApi.ts';
import { projectorFor, storedEventItems, streamEventOf, streamRecordOf } from '../support/projection.ts';
import { cancellationBody, closeDealBody, deliveryBody, handoffBody, handoffReturnBody, promiseRevisionBody, scopeChangeBody } from '../support/sampleDeals.ts';
import { scanItems } from '../support/storedItems.ts';
import { parseView } from '../../functions/projections/projectionWrites.ts';

/**
 * The projection gives the same read models however the stream delivers the events: in order, every
 * record twice, backwards, interleaved across deals, shuffled, or in concurrent batches retried from the
 * failed record as Lambda retries a stream. Each delivery fills its own fresh projections table, and
 * every item of every table must equal the clean in-order pass.
 *
 * The history (UTC; recorded over HTTP, NPS through the command service as no NPS route is served yet):
 *   R1  P-SA/T-A -> P-OA/T-A  500 000  closed 10-01; handoff 10-02; customer revises to 11-05; customer scope 10 -> 12;
 *                                      ops revises to 11-08 (not in force); delivered 11-03 (12); NPS 9 on 11-10; refunded 11-20  (8 events)
 *   R2  P-SB/T-B -> P-OB/T-B  300 000  closed 10-03; handoff 10-04 (3/4); delivered 10-20, 9 of 10                             (3 events)
 *   R3  P-SA/T-A              200 000  closed 10-10; cancelled 10-12                                                          (2 events)
 *   R4  P-SB/T-B -> P-OA/T-A  400 000  closed 10-15, due 11-10; handoff 10-16; still open                                      (2 events)
 *   R5  P-SA/T-A -> P-OA/T-A  600 000  closed 11-02, due 11-20; handoff 11-03; delivered late 11-25 by P-OB                   (3 events)
 *   R6  P-SB/T-B              700 000  closed 10-30; cancelled 11-02; NPS R6-a 4 on 11-05, answered again 8 on 11-06          (4 events)
 *   R7  P-SA/T-A -> P-OB/T-B  100 000  closed 10-20; handoff 10-21; returned by P-OB 11-02; handed off again 11-03 to P-OA/T-A;
 *                                      delivered 11-10                                                                           (5 events)
 *
 *   forecast#P-SA: November called 300 000 on 10-20, then 350 000 on 10-25                                                   (2 events)
 *
 * By hand, org, October: closed R1 R2 R3 R4 R6 R7 = 6, revenue 2 200 000; cancelled R3 = 1; handoffs R1 R2 R4 R7 = 4, of which
 * R7's was returned (in November); delivered R2 = 1. November: handoffs R5 R7 = 2, none returned; R7's return is recorded.
 * Org ledger: open at October's end R1 R4 R6 R7 (+4, 1 700 000); November resolves R1 (delivered), R6 (cancelled) and R7 (delivered):
 * -3, -1 300 000.
 */

const TIME_ZONE = 'UTC';
const P = projectionsTable.partitionKey;
const K = projectionsTable.sortKey;

let api: TestApi;
let items: Record<string, AttributeValue>[];

const post = async (path: string, token: string, body: unknown) => {
  const response = await call(api, 'POST', path, { token, body });
  expect(response.status, `${path}: ${response.text}`).toBe(201);
};

const line = (quantity: number) => [{ sku: 'S', quantity }];

const recordHistory = async () => {
  const sa = await tokenFor('P-SA', 'sales');
  const sb = await tokenFor('P-SB', 'sales');
  const oa = await tokenFor('P-OA', 'ops');
  const ob = await tokenFor('P-OB', 'ops');
  const close = (dealId: string, token: string, seller: string, team: string, amount: number, closedAt: string, deliverBy: string) =>
    post('/v1/deals', token, closeDealBody(dealId, {
      closedAt,
      seller: { id: seller },
      salesTeam: team,
      value: { amount, currency: 'USD' },
      scope: line(10),
      promise: { deliverBy },
    }));
  const handOff = (dealId: string, token: string, at: string, owner: string, team: string, specialTerms = true) =>
    post(`/v1/deals/${dealId}/handoff`, token, handoffBody({
      at,
      opsOwner: { id: owner },
      opsTeam: team,
      checklist: { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms },
    }));

  await close('R1', sa, 'P-SA', 'T-A', 500_000, '2026-10-01T10:00:00Z', '2026-10-20T17:00:00Z');
  await handOff('R1', sa, '2026-10-02T10:00:00Z', 'P-OA', 'T-A');
  await post('/v1/deals/R1/promise-revisions', sa, promiseRevisionBody({ at: '2026-10-05T10:00:00Z', deliverBy: '2026-11-05T17:00:00Z', initiatedBy: 'customer' }));
  await post('/v1/deals/R1/scope-changes', sa, scopeChangeBody({ at: '2026-10-06T10:00:00Z', scope: line(12), initiatedBy: 'customer' }));
  await post('/v1/deals/R1/promise-revisions', sa, promiseRevisionBody({ at: '2026-10-07T10:00:00Z', deliverBy: '2026-11-08T17:00:00Z', initiatedBy: 'ops' }));
  await post('/v1/deals/R1/delivery', oa, deliveryBody({ at: '2026-11-03T10:00:00Z', deliveredBy: { id: 'P-OA' }, scope: line(12) }));

  await close('R2', sb, 'P-SB', 'T-B', 300_000, '2026-10-03T10:00:00Z', '2026-10-25T17:00:00Z');
  await handOff('R2', sb, '2026-10-04T10:00:00Z', 'P-OB', 'T-B', false);
  await post('/v1/deals/R2/delivery', ob, deliveryBody({ at: '2026-10-20T10:00:00Z', deliveredBy: { id: 'P-OB' }, scope: line(9) }));

  await close('R3', sa, 'P-SA', 'T-A', 200_000, '2026-10-10T10:00:00Z', '2026-10-30T17:00:00Z');
  await post('/v1/deals/R3/cancellation', sa, cancellationBody({ at: '2026-10-12T10:00:00Z' }));

  await close('R4', sb, 'P-SB', 'T-B', 400_000, '2026-10-15T10:00:00Z', '2026-11-10T17:00:00Z');
  await handOff('R4', sb, '2026-10-16T10:00:00Z', 'P-OA', 'T-A');

  await close('R5', sa, 'P-SA', 'T-A', 600_000, '2026-11-02T10:00:00Z', '2026-11-20T17:00:00Z');
  await handOff('R5', sa, '2026-11-03T10:00:00Z', 'P-OA', 'T-A');
  await post('/v1/deals/R5/delivery', ob, deliveryBody({ at: '2026-11-25T10:00:00Z', deliveredBy: { id: 'P-OB' }, scope: line(10) }));

  await close('R7', sa, 'P-SA', 'T-A', 100_000, '2026-10-20T10:00:00Z', '2026-11-15T17:00:00Z');
  await handOff('R7', sa, '2026-10-21T10:00:00Z', 'P-OB', 'T-B', false);
  await post('/v1/deals/R7/handoff-return', ob, handoffReturnBody({ at: '2026-11-02T10:00:00Z', gaps: ['specialTerms'] }));
  await handOff('R7', sa, '2026-11-03T10:00:00Z', 'P-OA', 'T-A');
  await post('/v1/deals/R7/delivery', oa, deliveryBody({ at: '2026-11-10T10:00:00Z', deliveredBy: { id: 'P-OA' }, scope: line(10) }));

  await close('R6', sb, 'P-SB', 'T-B', 700_000, '2026-10-30T10:00:00Z', '2026-11-15T17:00:00Z');
  await post('/v1/deals/R6/cancellation', sb, cancellationBody({ at: '2026-11-02T10:00:00Z' }));

  const service = createDealCommandService({
    store: new DynamoEventStore(api.client, api.tableName),
    tenantId: 'default',
    now: () => new Date(),
    newEventId: randomUUID,
  });
  const nps = (dealId: string, responseId: string, score: number, respondedAt: string, key: string) =>
    service({
      dealId,
      command: { type: 'RecordNpsResponse', body: { provider: 'delighted', responseId, dealId, score, respondedAt } },
      actor: { id: 'P-ADMIN', roles: ['admin'] },
      fingerprint: key,
    });
  await nps('R1', 'R1-a', 9, '2026-11-10T10:00:00Z', 'nps-1');
  await nps('R6', 'R6-a', 4, '2026-11-05T10:00:00Z', 'nps-2');
  await nps('R6', 'R6-a', 8, '2026-11-06T10:00:00Z', 'nps-3');
  await call(api, 'PUT', '/v1/forecasts/2026-11/P-SA', { token: sa, body: { at: '2026-10-20T09:00:00Z', commit: { amount: 300_000, currency: 'USD' } } });
  await call(api, 'PUT', '/v1/forecasts/2026-11/P-SA', { token: sa, body: { at: '2026-10-25T09:00:00Z', commit: { amount: 350_000, currency: 'USD' } } });
  // The refund comes after R1's NPS answer, so R1 has 8 versions.
  await post('/v1/deals/R1/cancellation', oa, cancellationBody({ at: '2026-11-20T10:00:00Z', reason: 'Refund' }));
};

beforeAll(async () => {
  api = await startTestApi();
  await recordHistory();
  items = await storedEventItems(api.client, api.tableName);
});
afterAll(() => api.close());

// ---------------------------------------------------------------------------------------------

/** A deterministic pseudo-random sequence (mulberry32), so a shuffle is the same on every run. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const shuffled = <T>(values: readonly T[], seed: number): T[] => {
  const random = seeded(seed);
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

const dealOf = (item: Record<string, AttributeValue>) => item[eventsTable.partitionKey]!.S!;

/** Round robin across deals (each deal's events stay in version order), the deals taken in a seeded order. */
const roundRobin = (all: Record<string, AttributeValue>[], seed: number) => {
  const byDeal = new Map<string, Record<string, AttributeValue>[]>();
  for (const item of all) byDeal.set(dealOf(item), [...(byDeal.get(dealOf(item)) ?? []), item]);
  const queues = shuffled([...byDeal.values()], seed);
  const order: Record<string, AttributeValue>[] = [];
  while (queues.some((queue) => queue.length)) for (const queue of queues) if (queue.length) order.push(queue.shift()!);
  return order;
};

/**
 * Feeds stream records to the real projector handler in batches, into a fresh projections table.
 * When a batch reports failures, the stream is retried from the first failed record, as Lambda does
 * for a stream source with partial batch responses (records after it are delivered again).
 */
const projectInto = async (records: DynamoDBRecord[], batchSize: number) => {
  const table = await freshProjectionsTable(api.client);
  const { handler } = projectorFor({ client: api.client, eventsTable: api.tableName, projectionsTable: table.tableName, timeZone: TIME_ZONE });
  let position = 0;
  let retries = 0;
  while (position < records.length) {
    const batch = records.slice(position, position + batchSize);
    const { batchItemFailures } = await handler(streamEventOf(batch));
    if (batchItemFailures.length === 0) {
      position += batch.length;
      continue;
    }
    retries += 1;
    if (retries > 100) throw new Error(`the projector kept failing: ${JSON.stringify(batchItemFailures)}`);
    const failed = batchItemFailures.map((failure) => batch.findIndex((record) => record.dynamodb?.SequenceNumber === failure.itemIdentifier));
    expect(failed.every((index) => index >= 0), 'failures name records of the batch').toBe(true);
    position += Math.min(...failed);
  }
  return table;
};

/** A view's last version, folded state and contributions, however it is stored. */
const viewOf = (item: Record<string, AttributeValue>) => {
  const view = parseView(0, item);
  return { lv: view.lastVersion, st: view.state, c: view.contributions };
};

type Normalized = Record<string, unknown>;

/**
 * Every item of a projections table, keyed by partition and sort key. Deal views: last version, folded
 * state and contributions, parsed. Scorecard items: their counters without the ones at zero (ADD leaves a
 * counter at 0 when a deal's contribution moved away; absent and 0 read the same), and items left with
 * no counter at all are dropped. Documents (a delivered deal listed under its month): their body, parsed.
 */
const normalized = async (table: { tableName: string }): Promise<Normalized> => {
  const result: Normalized = {};
  for (const item of await scanItems({ client: api.client, tableName: table.tableName })) {
    const key = `${item[P]!.S}|${item[K]!.S}`;
    if (item[K]!.S === 'view') {
      result[key] = viewOf(item);
      continue;
    }
    if (item.d?.S !== undefined) {
      result[key] = { document: JSON.parse(item.d.S) };
      continue;
    }
    const counters: Record<string, number> = {};
    for (const [name, value] of Object.entries(item)) {
      if (name === P || name === K) continue;
      if (value.N === undefined) throw new Error(`unexpected attribute ${name} on ${key}`);
      if (Number(value.N) !== 0) counters[name] = Number(value.N);
    }
    if (Object.keys(counters).length) result[key] = counters;
  }
  return result;
};

const records = (order: Record<string, AttributeValue>[]) => order.map(streamRecordOf);

let clean: Normalized;

describe('projecting the same history however it is delivered', () => {
  beforeAll(async () => {
    clean = await normalized(await projectInto(records(items), 1));
  });

  it('given the clean pass, then it holds the hand-computed numbers (so the comparisons below compare something)', () => {
    expect(items).toHaveLength(29);
    const views = Object.entries(clean).filter(([key]) => key.endsWith('|view'));
    expect(Object.fromEntries(views.map(([key, view]) => [key, (view as { lv: number }).lv]))).toEqual({
      'g1#deal#R1|view': 8,
      'g1#deal#R2|view': 3,
      'g1#deal#R3|view': 2,
      'g1#deal#R4|view': 2,
      'g1#deal#R5|view': 3,
      'g1#deal#R6|view': 4,
      'g1#deal#R7|view': 5,
      'g1#forecast#P-SA|view': 2,
    });
    expect(clean['g1#forecasts|P-SA']).toMatchObject({
      document: { personId: 'P-SA', forecasts: [{ month: '2026-11', recorded: 1 }, { month: '2026-11', recorded: 2, commit: { amount: 350_000 } }] },
    });
    expect(clean['g1#seller-closes#P-SA|R7']).toEqual({ document: { salesTeam: 'T-A', closedAt: '2026-10-20T10:00:00Z' } });
    expect(clean['g1#scorecard#org|2026-10']).toMatchObject({ closed: 6, 'revenue:USD': 2_200_000, cancelled: 1, handoffs: 4, hoReturned: 1, delivered: 1 });
    expect(clean['g1#scorecard#org|2026-10']).not.toHaveProperty('hoReturns');
    expect(clean['g1#scorecard#org|2026-11']).toMatchObject({ handoffs: 2, hoReturns: 1 });
    expect(clean['g1#scorecard#org|2026-11']).not.toHaveProperty('hoReturned');
    // The ops team that returned R7 keeps it on its scorecard, with the return.
    expect(clean['g1#scorecard#team:T-B|2026-11']).toMatchObject({ hoReturns: 1 });
    expect(clean['g1#scorecard#org|ledger']).toEqual({
      '2026-10|open': 4,
      '2026-10|openValue:USD': 1_700_000,
      '2026-11|open': -3,
      '2026-11|openValue:USD': -1_300_000,
    });
  });

  it('given the clean pass, then every scorecard item is exactly the sum of the contributions its deal views record', () => {
    const sums: Record<string, Record<string, number>> = {};
    for (const [key, value] of Object.entries(clean)) {
      if (!key.endsWith('|view')) continue;
      for (const [contributionKey, counters] of Object.entries((value as { c: ItemCounters }).c)) {
        const [kind, ...rest] = contributionKey.split('|');
        const itemKey = kind === 'bucket' ? `g1#scorecard#${rest.slice(0, -1).join('|')}|${rest.at(-1)}` : `g1#scorecard#${rest.join('|')}|ledger`;
        const sum = (sums[itemKey] ??= {});
        for (const [name, amount] of Object.entries(counters)) sum[name] = (sum[name] ?? 0) + amount;
      }
    }
    const scorecardItems = Object.fromEntries(Object.entries(clean).filter(([key]) => key.includes('#scorecard#')));
    const nonZeroSums = Object.fromEntries(
      Object.entries(sums)
        .map(([key, counters]) => [key, Object.fromEntries(Object.entries(counters).filter(([, amount]) => amount !== 0))] as const)
        .filter(([, counters]) => Object.keys(counters).length > 0),
    );
    expect(scorecardItems).toEqual(nonZeroSums);
  });

  it('given the clean pass, then every delivered deal is listed under its delivery month, as its view folded it', () => {
    const listed = Object.entries(clean).filter(([key]) => key.includes('#delivered#'));
    const delivered = Object.entries(clean).filter(([key, value]) => key.endsWith('|view') && (value as { st: { delivery?: unknown } }).st.delivery);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toHaveLength(delivered.length);
    for (const [key, value] of listed) {
      const { document } = value as { document: { dealId: string; deliveredAt: string } };
      expect(key).toBe(`g1#delivered#${document.deliveredAt.slice(0, 7)}|${document.dealId}`);
    }
  });

  it('given every record delivered twice (the whole stream, then the whole stream again), then every item equals the clean pass', async () => {
    expect(await normalized(await projectInto(records([...items, ...items]), 1))).toEqual(clean);
  });

  it('given every record delivered twice in a row, then every item equals the clean pass', async () => {
    expect(await normalized(await projectInto(records(items.flatMap((item) => [item, item])), 1))).toEqual(clean);
  });

  it('given the records in reverse order, then every item equals the clean pass', async () => {
    expect(await normalized(await projectInto(records([...items].reverse()), 1))).toEqual(clean);
  });

  it('given the records interleaved across deals (round robin, deals in a seeded order), then every item equals the clean pass', async () => {
    const order = roundRobin(items, 20261001);
    expect(order.map(dealOf)).not.toEqual(items.map(dealOf));
    expect(await normalized(await projectInto(records(order), 1))).toEqual(clean);
  });

  it('given the records shuffled with a fixed seed (versions out of order within deals), then every item equals the clean pass', async () => {
    const order = shuffled(items, 42);
    expect(order).not.toEqual(items);
    expect(await normalized(await projectInto(records(order), 1))).toEqual(clean);
  });

  it('given shuffled records in concurrent batches of 7, retried from the first failure as Lambda does, then every item equals the clean pass', async () => {
    expect(await normalized(await projectInto(records(shuffled([...items, ...items], 7)), 7))).toEqual(clean);
  });
});

describe('a poison record in a batch', () => {
  const withBody = (item: Record<string, AttributeValue>, body: string): Record<string, AttributeValue> => ({
    ...item,
    [eventsTable.body]: { S: body },
  });
  const itemOf = (dealId: string, version: number) =>
    items.find((item) => dealOf(item) === `deal#${dealId}` && item[eventsTable.sortKey]!.N === String(version))!;

  it.each([
    ['a body that is not an event', '{"type":"DealClosed","version":1}'],
    ['a body that is not JSON', 'not json at all'],
  ])('given %s between good records, then exactly its SequenceNumber fails and the others are applied', async (_case, body) => {
    const good1 = streamRecordOf(itemOf('R3', 1));
    const poison = streamRecordOf(withBody(itemOf('R4', 1), body));
    const good2 = streamRecordOf(itemOf('R2', 1));
    const good3 = streamRecordOf(itemOf('R3', 2));
    const table = await freshProjectionsTable(api.client);
    const { handler } = projectorFor({ client: api.client, eventsTable: api.tableName, projectionsTable: table.tableName, timeZone: TIME_ZONE });

    const response = await handler(streamEventOf([good1, poison, good2, good3]));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: poison.dynamodb!.SequenceNumber }] });
    const after = await normalized(table);
    expect(after['g1#deal#R4|view']).toBeUndefined();
    expect(after['g1#deal#R2|view']).toMatchObject({ lv: 1 });
    expect(after['g1#deal#R3|view']).toMatchObject({ lv: 2 });
    // R2 (300 000, closed 10-03) and R3 (200 000, closed and cancelled in October) count; R4 does not.
    // Both closed with no rules published: within the rules.
    expect(after['g1#scorecard#org|2026-10']).toEqual({ closed: 2, 'revenue:USD': 500_000, cancelled: 1, eClosedWithin: 2 });
    expect(after['g1#scorecard#org|ledger']).toEqual({ '2026-10|open': 1, '2026-10|openValue:USD': 300_000 });
  });

  it('given a record without a new image (not an insert), then it is skipped without failing', async () => {
    const removal = streamRecordOf(itemOf('R5', 1));
    delete removal.dynamodb!.NewImage;
    removal.eventName = 'REMOVE';
    const table = await freshProjectionsTable(api.client);
    const { handler } = projectorFor({ client: api.client, eventsTable: api.tableName, projectionsTable: table.tableName, timeZone: TIME_ZONE });
    expect(await handler(streamEventOf([removal, streamRecordOf(itemOf('R2', 1))]))).toEqual({ batchItemFailures: [] });
    expect(Object.keys(await normalized(table)).filter((key) => key.endsWith('|view'))).toEqual(['g1#deal#R2|view']);
  });
});
