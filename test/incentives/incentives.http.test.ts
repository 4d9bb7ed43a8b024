import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import * as z from 'zod';
import { readBusEvents } from '../../functions/local/localEventBus.ts';
import { jointPlan } from '../domain/incentives/incentiveSpec.ts';
import { useTestStack } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { cancellationBody, closeDealBody, deliveryBody, handoffBody } from '../support/sampleDeals.ts';

/**
 * The joint incentive over real HTTP on the local stack: INCENTIVES.md's worked example recorded as
 * deals, previewed, closed, reported, and corrected by what arrives after the close.
 */
const PLAN = jointPlan();

// The worked example: D3 is delivered late; everything else on time and as sold.
const WORKED_EXAMPLE = [
  { dealId: 'D1', value: 1_000_000, seller: 'S1', ops: 'O1', deliveredAt: '2026-10-19T16:00:00Z' },
  { dealId: 'D2', value: 500_001, seller: 'S2', ops: 'O1', deliveredAt: '2026-10-19T16:00:00Z' },
  { dealId: 'D3', value: 300_000, seller: 'S1', ops: 'O2', deliveredAt: '2026-10-21T09:00:00Z' },
  { dealId: 'D4', value: 200_000, seller: 'S2', ops: 'O2', deliveredAt: '2026-10-20T17:00:00Z' },
  { dealId: 'D5', value: 100_000, seller: 'S1', ops: 'O2', deliveredAt: '2026-10-02T08:00:00Z' },
];

let clock = new Date('2026-11-23T12:00:00Z');
const { stack } = useTestStack({ publishing: true, now: () => clock });
const admin = await tokenFor('P-ADMIN', 'admin');

const recordDeal = async (deal: (typeof WORKED_EXAMPLE)[number], closedAt = '2026-09-28T15:00:00Z') => {
  const sales = await tokenFor(deal.seller, 'sales');
  const ops = await tokenFor(deal.ops, 'ops');
  const steps = [
    await call(stack, 'POST', '/v1/deals', {
      token: sales,
      body: closeDealBody(deal.dealId, { closedAt, seller: { id: deal.seller }, value: { amount: deal.value, currency: 'USD' } }),
    }),
    await call(stack, 'POST', `/v1/deals/${deal.dealId}/handoff`, { token: sales, body: handoffBody({ at: '2026-09-29T09:00:00Z', opsOwner: { id: deal.ops } }) }),
    await call(stack, 'POST', `/v1/deals/${deal.dealId}/delivery`, { token: ops, body: deliveryBody({ at: deal.deliveredAt, deliveredBy: { id: deal.ops } }) }),
  ];
  expect(steps.map((step) => step.status)).toEqual([201, 201, 201]);
};

const totals = (statements: { personId: string; side: string; total: { amount: number } }[]) =>
  Object.fromEntries(statements.map((statement) => [`${statement.side}:${statement.personId}`, statement.total.amount]));

describe('PUT /v1/incentive-plans/{planId}', () => {
  it('given no plan, when an admin publishes one, then 201; the same body again is 200; other content under that version is 409', async () => {
    expect((await call(stack, 'PUT', '/v1/incentive-plans/joint', { token: admin, body: PLAN })).status).toBe(201);
    expect((await call(stack, 'PUT', '/v1/incentive-plans/joint', { token: admin, body: PLAN })).status).toBe(200);
    const changed = await call(stack, 'PUT', '/v1/incentive-plans/joint', { token: admin, body: { ...PLAN, poolRateBps: 300 } });
    expect(changed.status).toBe(409);
    expect(changed.json.type).toContain('plan-version-published');
    const listed = await call(stack, 'GET', '/v1/incentive-plans', { token: admin });
    expect(listed.json.plans).toEqual([PLAN]);
  });

  it.each([
    ['a split not summing to 10000', { split: { salesBps: 5000, opsBps: 4000 } }, 'split'],
    ['a pool rate above 10000 bps', { poolRateBps: 10001 }, 'poolRateBps'],
    ['bands out of order', { nps: { ...PLAN.nps, bands: [PLAN.nps.bands[1], PLAN.nps.bands[0]] } }, 'nps.bands'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['a fractional version', { version: 1.5 }, 'version'],
  ])('given %s, when published, then 400 naming the field and nothing is stored', async (_case, change, path) => {
    const response = await call(stack, 'PUT', '/v1/incentive-plans/joint', { token: admin, body: { ...PLAN, version: 9, ...change } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.json.errors.map((error: { path: string }) => error.path).join(' ')).toContain(path);
    const listed = await call(stack, 'GET', '/v1/incentive-plans', { token: admin });
    expect(listed.json.plans.map((plan: { version: number }) => plan.version)).toEqual([1]);
  });

  it('given plans in USD, when a version in EUR is published, then 409 naming currency', async () => {
    const response = await call(stack, 'PUT', '/v1/incentive-plans/joint', {
      token: admin,
      body: { ...PLAN, version: 7, currency: 'EUR', capPerPerson: { amount: 500000, currency: 'EUR' } },
    });
    expect(response.status).toBe(409);
    expect(response.json.errors).toEqual([expect.objectContaining({ path: 'currency' })]);
  });

  it('given a body naming another plan than the path, then 400 naming planId; a sales token is 403; no token 401', async () => {
    const other = await call(stack, 'PUT', '/v1/incentive-plans/other', { token: admin, body: { ...PLAN, version: 2 } });
    expect(other.status).toBe(400);
    expect(other.json.errors[0].path).toBe('planId');
    const sales = await call(stack, 'PUT', '/v1/incentive-plans/joint', { token: await tokenFor('S1', 'sales'), body: { ...PLAN, version: 2 } });
    expect(sales.status).toBe(403);
    expect((await call(stack, 'PUT', '/v1/incentive-plans/joint', { body: { ...PLAN, version: 2 } })).status).toBe(401);
  });
});

describe('payouts and the monthly close', () => {
  beforeAll(async () => {
    for (const deal of WORKED_EXAMPLE) await recordDeal(deal);
    await stack.drain();
  });

  it('given the worked example delivered in 2026-10, when an admin previews the open month, then the pool and statements are exactly as INCENTIVES.md computes', async () => {
    const response = await call(stack, 'GET', '/v1/payouts/2026-10', { token: admin });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      month: '2026-10',
      status: 'open',
      plan: { planId: 'joint', version: 1 },
      pool: { amount: 36000, currency: 'USD' },
      computation: { delivered: 5, kept: 4, promiseKeptRate: 0.8, gatePassed: true, basePool: { amount: 36000 }, multiplierBps: 10000 },
    });
    expect(totals(response.json.statements)).toEqual({ 'sales:S1': 11000, 'sales:S2': 7000, 'ops:O1': 15000, 'ops:O2': 3000 });
  });

  it('given the served OpenAPI document, then the preview and the plan fit the schemas it documents for them', async () => {
    const doc = (await call(stack, 'GET', '/v1/openapi.json')).json;
    const fits = (schema: unknown, value: unknown) => z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]).safeParse(value).success;
    const payouts = doc.paths['/v1/payouts/{month}'].get.responses['200'].content['application/json'].schema;
    const preview = (await call(stack, 'GET', '/v1/payouts/2026-10', { token: admin })).json;
    expect(fits(payouts, preview)).toBe(true);
    expect(fits(payouts, { ...preview, pool: { amount: 1.5, currency: 'USD' } })).toBe(false);
    const plan = doc.paths['/v1/incentive-plans/{planId}'].put.requestBody.content['application/json'].schema;
    expect(fits(plan, PLAN)).toBe(true);
  });

  it('given a seller, when they read the payouts, then they see only their own statement', async () => {
    const response = await call(stack, 'GET', '/v1/payouts/2026-10', { token: await tokenFor('S2', 'sales') });
    expect(response.status).toBe(200);
    expect(response.json.statements.map((statement: { personId: string }) => statement.personId)).toEqual(['S2']);
    expect(response.json.pool.amount).toBe(36000);
  });

  it('given the month still running, when an admin closes it, then 409 and nothing is recorded', async () => {
    const response = await call(stack, 'POST', '/v1/months/2026-11/close', { token: admin });
    expect(response.status).toBe(409);
    expect(response.json.detail).toContain('2026-11 has not ended');
    expect((await call(stack, 'GET', '/v1/payouts/2026-11', { token: admin })).json.status).toBe('open');
  });

  it('given an ended month, when it is closed twice, then the first close is 201 and the second answers the same report with 200', async () => {
    const first = await call(stack, 'POST', '/v1/months/2026-10/close', { token: admin });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ month: '2026-10', status: 'closed', pool: { amount: 36000 } });
    expect(first.json.reports.payrollCsv.href).toBe('/v1/reports/2026-10/csv');
    clock = new Date('2026-11-24T08:00:00Z');
    const second = await call(stack, 'POST', '/v1/months/2026-10/close', { token: admin });
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    const payouts = await call(stack, 'GET', '/v1/payouts/2026-10', { token: admin });
    expect(payouts.json).toMatchObject({ status: 'closed', closedAt: '2026-11-23T12:00:00.000Z' });
  });

  it('given 2026-10 closed and paid, when a new plan version would take effect in it, then 409 naming effectiveFrom', async () => {
    const response = await call(stack, 'PUT', '/v1/incentive-plans/joint', { token: admin, body: { ...PLAN, version: 2, effectiveFrom: '2026-10', poolRateBps: 300 } });
    expect(response.status).toBe(409);
    expect(response.json.errors).toEqual([expect.objectContaining({ path: 'effectiveFrom' })]);
    expect(response.json.detail).toContain('2026-11 at the earliest');
  });

  it('given a closed month, when its reports are fetched, then the payroll CSV, JSON and HTML agree with the statements', async () => {
    const links = await call(stack, 'GET', '/v1/reports/2026-10', { token: await tokenFor('L1', 'leadership') });
    expect(links.status).toBe(200);
    const csv = await call(stack, 'GET', links.json.reports.payrollCsv.href, { token: admin });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(parse(csv.text, { columns: true })).toEqual([
      { person_id: 'O1', side: 'ops', month: '2026-10', amount: '150.00', currency: 'USD' },
      { person_id: 'O2', side: 'ops', month: '2026-10', amount: '30.00', currency: 'USD' },
      { person_id: 'S1', side: 'sales', month: '2026-10', amount: '110.00', currency: 'USD' },
      { person_id: 'S2', side: 'sales', month: '2026-10', amount: '70.00', currency: 'USD' },
    ]);
    const json = await call(stack, 'GET', links.json.reports.json.href, { token: admin });
    expect(json.json.payout.pool.amount).toBe(36000);
    expect(json.json.trend).toHaveLength(12);
    const html = await call(stack, 'GET', links.json.reports.html.href, { token: admin });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('data-chart');
    expect((await call(stack, 'GET', '/v1/reports/2026-10/pdf', { token: admin })).status).toBe(404);
    expect((await call(stack, 'GET', '/v1/reports/2026-10', { token: await tokenFor('S1', 'sales') })).status).toBe(403);
    expect((await call(stack, 'GET', '/v1/reports/2026-08', { token: admin })).status).toBe(404);
  });

  it('given a closed month, when the stream is consumed, then MonthClosed and IncentiveReportPublished are on the bus', async () => {
    await stack.drain();
    const published = await readBusEvents(stack.dataDir);
    const announcement = published.find((event) => event['detail-type'] === 'IncentiveReportPublished');
    expect(announcement?.detail).toMatchObject({ streamId: 'closes#org', data: { month: '2026-10' } });
    expect(published.filter((event) => event['detail-type'] === 'MonthClosed')).toHaveLength(1);
  });

  it('given 2026-10 closed, when D1 is refunded and a late delivery record lands for 2026-10, then the next closes carry its clawbacks and adjustments exactly once and 2026-10 never changes', async () => {
    const frozen = (await call(stack, 'GET', '/v1/payouts/2026-10', { token: admin })).json;
    const refund = await call(stack, 'POST', '/v1/deals/D1/cancellation', { token: admin, body: cancellationBody({ at: '2026-11-10T10:00:00Z', reason: 'Refunded' }) });
    expect(refund.status).toBe(201);
    // D6 was delivered on time in October, but its record only arrives now.
    await recordDeal({ dealId: 'D6', value: 400_000, seller: 'S2', ops: 'O2', deliveredAt: '2026-10-20T10:00:00Z' });
    await stack.drain();

    expect((await call(stack, 'GET', '/v1/payouts/2026-10', { token: admin })).json).toEqual(frozen);

    // November and December are closed at the same time (the schedule and an operator, say): the
    // corrections of October are paid exactly once, on whichever close was recorded first.
    clock = new Date('2027-01-01T00:05:00Z');
    const closes = await Promise.all(['2026-11', '2026-12'].map((month) => call(stack, 'POST', `/v1/months/${month}/close`, { token: admin })));
    expect(closes.map((close) => close.status)).toEqual([201, 201]);
    type Line = { kind: string; month: string; dealIds: string[]; amount: { amount: number } };
    const corrections = closes.flatMap((close) =>
      close.json.statements.flatMap((statement: { personId: string; side: string; lines: Line[] }) =>
        statement.lines.filter((line) => line.kind !== 'earned').map((line) => ({ person: `${statement.side}:${statement.personId}`, ...line })),
      ),
    );
    expect(corrections.every((line: Line) => line.month === '2026-10')).toBe(true);
    // October recomputed without D1 and with D6: S1 1000, S2 11000, O1 5000, O2 7000 (base 24000, split 12000/12000).
    const paid: Record<string, number> = {};
    for (const line of corrections) paid[line.person] = (paid[line.person] ?? 0) + line.amount.amount;
    expect(paid).toEqual({ 'sales:S1': -10000, 'sales:S2': 4000, 'ops:O1': -10000, 'ops:O2': 4000 });
    const clawbacks = corrections.filter((line: Line) => line.kind === 'clawback');
    expect(clawbacks.map((line: { person: string }) => line.person).sort()).toEqual(['ops:O1', 'sales:S1']);
    for (const line of clawbacks) expect(line.dealIds).toContain('D1');
    expect(corrections.some((line: Line) => line.kind === 'adjustment' && line.dealIds.includes('D6'))).toBe(true);
    expect((await call(stack, 'GET', '/v1/payouts/2026-10', { token: admin })).json).toEqual(frozen);
  });
});
