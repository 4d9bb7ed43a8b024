import { beforeAll, describe, expect, it } from 'vitest';
import { callStoringNothing } from '../support/apiSteps.ts';
import { expectProblem } from '../support/expectProblem.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { projectAllStoredEvents } from '../support/projection.ts';
import { closeDealBody } from '../support/sampleDeals.ts';

/**
 * PUT /v1/forecasts/{month}/{personId} and the scorecard's forecast section (CADENCE.md, "Forecasts"),
 * over HTTP on DynamoDB Local, in UTC and USD. January 2027, by hand:
 *   P-F1 (T-F): call 120 000 (said 2026-12-20), closed 100 000 -> bias +20, WAPE 0.2, tracking signal -1
 *   P-F2 (T-F): call  40 000 (said 2026-12-28; 999 said 2027-01-05 is not the call), closed 50 000
 *   P-F3 (T-G): no call, closed 30 000
 *   T-F and org: calls 160 000 against those callers' 150 000 -> bias round(100 x 10 000 / 150 000) = 7,
 *   WAPE 10 000 / 150 000 = 0.0667, tracking signal -1, 1 month
 */

const { api } = useTestApi();
const f1 = await tokenFor('P-F1', 'sales');
const f2 = await tokenFor('P-F2', 'sales');
const admin = await tokenFor('P-ADMIN', 'admin');
const lead = await tokenFor('P-LEAD', 'leadership');
const usd = (amount: number) => ({ amount, currency: 'USD' });

const put = (month: string, personId: string, token: string, body: unknown, headers?: Record<string, string>) =>
  call(api, 'PUT', `/v1/forecasts/${month}/${personId}`, { token, body, ...(headers ? { headers } : {}) });

describe('submitting a forecast', () => {
  it('given a seller, when they forecast their own January, then 201 with the stream version', async () => {
    const response = await put('2027-01', 'P-F1', f1, { at: '2026-12-20T09:00:00Z', commit: usd(120_000) });
    expect(response.status, response.text).toBe(201);
    expect(response.json).toEqual({ personId: 'P-F1', month: '2027-01', version: 1 });
  });

  it('given a forecast recorded, when the same request is sent again without a key, then 201 with the same version, marked replayed, and nothing stored', async () => {
    const again = await callStoringNothing(api, 'PUT', '/v1/forecasts/2027-01/P-F1', { token: f1, body: { at: '2026-12-20T09:00:00Z', commit: usd(120_000) } });
    expect(again.status).toBe(201);
    expect(again.json).toEqual({ personId: 'P-F1', month: '2027-01', version: 1 });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('given an Idempotency-Key used for one forecast, when it comes with another commit, then 409 idempotency-key-reused and nothing stored', async () => {
    expect((await put('2027-02', 'P-F1', f1, { at: '2027-01-20T09:00:00Z', commit: usd(1) }, { 'Idempotency-Key': 'f1-feb' })).status).toBe(201);
    const reused = await callStoringNothing(api, 'PUT', '/v1/forecasts/2027-02/P-F1', {
      token: f1,
      body: { at: '2027-01-20T09:00:00Z', commit: usd(2) },
      headers: { 'Idempotency-Key': 'f1-feb' },
    });
    expectProblem(reused, 409, 'idempotency-key-reused');
  });

  it("given a seller, when they forecast someone else's month, then 403 and nothing stored", async () => {
    expectProblem(await callStoringNothing(api, 'PUT', '/v1/forecasts/2027-01/P-F2', { token: f1, body: { at: '2026-12-20T09:00:00Z', commit: usd(1) } }), 403);
  });

  it('given leadership, when it forecasts, then 403 (the route is for sellers and admins)', async () => {
    expectProblem(await callStoringNothing(api, 'PUT', '/v1/forecasts/2027-01/P-LEAD', { token: lead, body: { at: '2026-12-20T09:00:00Z', commit: usd(1) } }), 403);
  });

  it('given a commit in EUR while scorecards report USD, then 400 naming commit.currency and nothing stored', async () => {
    const response = await callStoringNothing(api, 'PUT', '/v1/forecasts/2027-01/P-F1', { token: f1, body: { at: '2026-12-21T09:00:00Z', commit: { amount: 1, currency: 'EUR' } } });
    expectProblem(response, 400);
    expect(response.json.errors).toEqual([{ path: 'commit.currency', message: expect.stringContaining('USD') }]);
  });

  it.each([
    ['a negative amount', '2027-01', { at: '2026-12-21T09:00:00Z', commit: usd(-1) }, 'commit.amount'],
    ['no at', '2027-01', { commit: usd(1) }, 'at'],
    ['a month that is not one', '2027-13', { at: '2026-12-21T09:00:00Z', commit: usd(1) }, 'path.month'],
  ])('given %s, then 400 naming it and nothing stored', async (_case, month, body, path) => {
    const response = await callStoringNothing(api, 'PUT', `/v1/forecasts/${month}/P-F1`, { token: f1, body });
    expectProblem(response, 400);
    expect(response.json.errors.map((error: { path: string }) => error.path)).toEqual([path]);
  });
});

describe('the forecast on the scorecards', () => {
  beforeAll(async () => {
    const close = async (dealId: string, seller: string, team: string, amount: number) => {
      const body = closeDealBody(dealId, {
        closedAt: '2027-01-10T10:00:00Z',
        seller: { id: seller },
        salesTeam: team,
        value: usd(amount),
        promise: { deliverBy: '2027-02-10T10:00:00Z' },
      });
      expect((await call(api, 'POST', '/v1/deals', { token: admin, body })).status).toBe(201);
    };
    await close('F-1', 'P-F1', 'T-F', 100_000);
    await close('F-2', 'P-F2', 'T-F', 50_000);
    await close('F-3', 'P-F3', 'T-G', 30_000);
    // P-F2's call is said by an admin on their behalf; the later one is said once January has begun.
    expect((await put('2027-01', 'P-F2', admin, { at: '2026-12-28T09:00:00Z', commit: usd(40_000) })).status).toBe(201);
    expect((await put('2027-01', 'P-F2', f2, { at: '2027-01-05T09:00:00Z', commit: usd(999) })).status).toBe(201);
    await projectAllStoredEvents({ client: api.client, eventsTable: api.tableName, projectionsTable: api.projectionsTableName });
  });

  const forecastOf = async (dimension: string, token = lead) => {
    const response = await call(api, 'GET', `/v1/scorecards/2027-01?dimension=${dimension}`, { token });
    expect(response.status, response.text).toBe(200);
    return response.json.forecast;
  };

  it('given P-F1 called 120 000 and closed 100 000, then their January forecast as worked by hand', async () => {
    expect(await forecastOf('person:P-F1', f1)).toEqual({
      call: usd(120_000),
      actual: usd(100_000),
      biasPercent: 20,
      wape: 0.2,
      trackingSignal: -1,
      persistentBias: null,
      months: 1,
    });
  });

  it('given P-F2 called 40 000 before January and 999 during it, then the call is 40 000', async () => {
    expect(await forecastOf('person:P-F2')).toMatchObject({ call: usd(40_000), actual: usd(50_000), biasPercent: -20 });
  });

  it('given P-F3 never called, then call null with the actual shown', async () => {
    expect(await forecastOf('person:P-F3')).toEqual({ call: null, actual: usd(30_000), biasPercent: null, wape: null, trackingSignal: null, persistentBias: null, months: 0 });
  });

  it('given T-F, then the calls and actuals of its two callers summed', async () => {
    expect(await forecastOf('team:T-F')).toEqual({
      call: usd(160_000),
      actual: usd(150_000),
      biasPercent: 7,
      wape: 0.0667,
      trackingSignal: -1,
      persistentBias: null,
      months: 1,
    });
  });

  it('given T-G, whose only seller never called, then no call and nothing counted', async () => {
    expect(await forecastOf('team:T-G')).toMatchObject({ call: null, actual: usd(0), months: 0 });
  });

  it('given the organisation, then only the people with a call count (P-F3 is left out)', async () => {
    expect(await forecastOf('org')).toMatchObject({ call: usd(160_000), actual: usd(150_000), biasPercent: 7, months: 1 });
  });
});
