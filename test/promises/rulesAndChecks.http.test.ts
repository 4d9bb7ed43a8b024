import { beforeAll, describe, expect, it } from 'vitest';
import { callStoringNothing } from '../support/apiSteps.ts';
import { expectProblem } from '../support/expectProblem.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { catalogueEntryBody, openApiChecker, roomyProposal, rulesBody, shortLeadProposal, T0 } from '../support/promiseDesk.ts';

/** PUT and GET /v1/rules-of-engagement, POST /v1/promise-checks (API.md, "The promise desk"). */

const { api } = useTestApi();
let admin: string;
let sales: string;
let ops: string;
let checker: Awaited<ReturnType<typeof openApiChecker>>;
beforeAll(async () => {
  admin = await tokenFor('P-ADMIN', 'admin');
  sales = await tokenFor('P-SALES-1', 'sales');
  ops = await tokenFor('P-OPS-1', 'ops');
  checker = await openApiChecker(api);
});

describe('before any rules are published', () => {
  it('given no rules, when the rules are read, then 404', async () => {
    expectProblem(await call(api, 'GET', '/v1/rules-of-engagement', { token: sales }), 404);
  });

  it('given no rules, when a short-lead proposal is checked, then it is within rules (level 0, no version) and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'POST', '/v1/promise-checks', { token: sales, body: shortLeadProposal('D-CHECK-0') });
    expect(response.status, response.text).toBe(200);
    expect(response.json.verdict).toEqual({ level: 0, rules: [], rulesVersion: null });
    checker.expectDocumented('POST', '/v1/promise-checks', 200, response.json);
  });
});

describe('publishing the rules of engagement', () => {
  it('given an admin, when version 1 is published, then 201 and it is the version in force', async () => {
    const response = await call(api, 'PUT', '/v1/rules-of-engagement', { token: admin, body: rulesBody() });
    expect(response.status, response.text).toBe(201);
    expect(response.json).toEqual({ version: 1 });
    checker.expectDocumented('PUT', '/v1/rules-of-engagement', 201, response.json);
    const read = await call(api, 'GET', '/v1/rules-of-engagement', { token: ops });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ version: 1, agreedBy: { sales: 'P-SALES-LEAD', ops: 'P-OPS-LEAD' } });
    checker.expectDocumented('GET', '/v1/rules-of-engagement', 200, read.json);
  });

  it('given version 1 published, when the same content is published again, then 200 and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'PUT', '/v1/rules-of-engagement', { token: admin, body: rulesBody() });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toEqual({ version: 1 });
  });

  it('given version 1 published, when other content is published as version 1, then 409 and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'PUT', '/v1/rules-of-engagement', { token: admin, body: rulesBody({ slaHours: { 1: 12, 2: 48, 3: 72 } }) });
    expectProblem(response, 409, 'rules-version-published');
  });

  it('given rules without the ops signatory, when they are published, then 400 naming agreedBy.ops and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'PUT', '/v1/rules-of-engagement', {
      token: admin,
      body: rulesBody({ version: 2, agreedBy: { sales: 'P-SALES-LEAD' } }),
    });
    expectProblem(response, 400);
    expect(response.json.errors.map((error: { path: string }) => error.path)).toContain('agreedBy.ops');
  });

  it('given a rule with level 4, when the rules are published, then 400 naming the rule level and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'PUT', '/v1/rules-of-engagement', {
      token: admin,
      body: rulesBody({ version: 2, rules: [{ id: 'too-high', when: { leadDaysBelow: 1 }, level: 4 }] }),
    });
    expectProblem(response, 400);
    expect(response.json.errors.map((error: { path: string }) => error.path)).toContain('rules.0.level');
  });

  it.each(['sales', 'ops', 'leadership'] as const)('given a %s caller, when they publish rules, then 403 and nothing is stored', async (role) => {
    const response = await callStoringNothing(api, 'PUT', '/v1/rules-of-engagement', { token: await tokenFor('P-X', role), body: rulesBody({ version: 2 }) });
    expectProblem(response, 403);
  });
});

describe('checking a proposal under the rules', () => {
  it('given the rules in force, when a short-lead proposal is checked, then level 1 naming short-lead and version 1', async () => {
    const response = await call(api, 'POST', '/v1/promise-checks', { token: ops, body: shortLeadProposal('D-CHECK-1') });
    expect(response.status, response.text).toBe(200);
    expect(response.json.verdict).toEqual({ level: 1, rules: ['short-lead'], rulesVersion: 1 });
    expect(response.json.at).toBe(T0);
  });

  it('given the rules in force, when a big short-lead proposal is checked, then the highest level fired (2)', async () => {
    const response = await call(api, 'POST', '/v1/promise-checks', {
      token: sales,
      body: shortLeadProposal('D-CHECK-2', { value: { amount: 6_000_000, currency: 'USD' } }),
    });
    expect(response.json.verdict).toEqual({ level: 2, rules: ['short-lead', 'big-deal'], rulesVersion: 1 });
  });

  it('given a leadership caller, when a roomy proposal is checked, then it is within rules', async () => {
    const response = await call(api, 'POST', '/v1/promise-checks', { token: await tokenFor('P-VP', 'leadership'), body: roomyProposal('D-CHECK-3') });
    expect(response.json.verdict).toEqual({ level: 0, rules: [], rulesVersion: 1 });
  });

  it('given a catalogue and a capacity, when a proposal bigger than the weeks before its date is checked, then it does not fit and names its team', async () => {
    await call(api, 'PUT', '/v1/catalog/DIG-HOUR', { token: ops, body: catalogueEntryBody({ sku: 'DIG-HOUR', opsTeam: 'T-DIG', minutesPerUnit: 60 }) });
    await call(api, 'PUT', '/v1/capacity/T-DIG', { token: ops, body: { weeklyHours: 10 } });
    // 30 hours of digging due two days after T0 (Monday), with 10 hours a week: it finishes in the third week.
    const body = shortLeadProposal('D-CHECK-DIG', { scope: [{ sku: 'DIG-HOUR', quantity: 30 }, { sku: 'MYSTERY', quantity: 1 }] });
    const response = await call(api, 'POST', '/v1/promise-checks', { token: sales, body });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({
      fits: false,
      beyondCapacity: true,
      atRisk: [],
      earliestDeliverBy: '2027-03-22T00:00:00Z',
      unplanned: { skus: ['MYSTERY'], opsTeams: [] },
      teams: [expect.objectContaining({ opsTeam: 'T-DIG', minutes: 1800, fits: false, finishWeek: '2027-W11' })],
    });
    checker.expectDocumented('POST', '/v1/promise-checks', 200, response.json);
  });

  it('given a proposal with a negative quantity, when it is checked, then 400 naming the scope line', async () => {
    const response = await call(api, 'POST', '/v1/promise-checks', { token: sales, body: shortLeadProposal('D-NEG', { scope: [{ sku: 'X', quantity: -1 }] }) });
    expectProblem(response, 400);
    expect(response.json.errors[0].path).toBe('scope.0.quantity');
  });
});
