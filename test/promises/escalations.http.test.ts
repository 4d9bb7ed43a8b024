import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/roles.ts';
import { callStoringNothing } from '../support/apiSteps.ts';
import { expectProblem } from '../support/expectProblem.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import {
  decisionBody,
  escalationBody,
  hoursAfter,
  openApiChecker,
  roomyProposal,
  rulesBody,
  shortLeadProposal,
  T0,
} from '../support/promiseDesk.ts';

/** POST /v1/escalations, its decision, GET one (API.md, "The promise desk"; SLAs 24, 48, 72 hours). */

const { api } = useTestApi();
let sales: string;
let checker: Awaited<ReturnType<typeof openApiChecker>>;
beforeAll(async () => {
  sales = await tokenFor('P-SALES-1', 'sales');
  checker = await openApiChecker(api);
  const published = await call(api, 'PUT', '/v1/rules-of-engagement', { token: await tokenFor('P-ADMIN', 'admin'), body: rulesBody() });
  expect(published.status).toBe(201);
});

const open = async (escalationId: string, proposal = shortLeadProposal(`D-${escalationId}`)) => {
  const response = await call(api, 'POST', '/v1/escalations', { token: sales, body: escalationBody(escalationId, proposal) });
  expect(response.status, response.text).toBe(201);
  return response;
};

const decide = async (escalationId: string, role: Role, at: string, overrides: Record<string, unknown> = {}) =>
  call(api, 'POST', `/v1/escalations/${escalationId}/decision`, { token: await tokenFor(`P-${role}`, role), body: decisionBody(at, overrides) });

describe('opening an escalation', () => {
  it('given a short-lead proposal, when sales escalates it, then 201 open at level 1, due one SLA later, with its check', async () => {
    const response = await open('E-OPEN');
    expect(response.json).toMatchObject({
      escalationId: 'E-OPEN',
      dealId: 'D-E-OPEN',
      status: 'open',
      level: 1,
      dueBy: hoursAfter(T0, 24),
      decision: null,
      check: { verdict: { level: 1, rules: ['short-lead'], rulesVersion: 1 } },
    });
    checker.expectDocumented('POST', '/v1/escalations', 201, response.json);
    const read = await call(api, 'GET', `/v1/escalations/E-OPEN?at=${T0}`, { token: await tokenFor('P-OPS', 'ops') });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ escalationId: 'E-OPEN', status: 'open', level: 1 });
    checker.expectDocumented('GET', '/v1/escalations/{escalationId}', 200, read.json);
  });

  it('given an open escalation, when it is read after one SLA has passed, then it stands at level 2', async () => {
    await open('E-RISEN');
    const read = await call(api, 'GET', `/v1/escalations/E-RISEN?at=${hoursAfter(T0, 25)}`, { token: sales });
    expect(read.json).toMatchObject({ level: 2, dueBy: hoursAfter(T0, 24 + 48) });
  });

  it('given a proposal within the rules, when it is escalated, then 409 and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'POST', '/v1/escalations', { token: sales, body: escalationBody('E-WITHIN', roomyProposal('D-WITHIN')) });
    expectProblem(response, 409, 'nothing-to-escalate');
  });

  it('given a proposal off the table, when it is escalated, then 409 and nothing is stored', async () => {
    const body = escalationBody('E-OFF', roomyProposal('D-OFF', { value: { amount: 95_000_000, currency: 'USD' } }));
    expectProblem(await callStoringNothing(api, 'POST', '/v1/escalations', { token: sales, body }), 409, 'off-the-table');
  });

  it('given an escalation id already used for another proposal, when it is opened again, then 409 and nothing is stored', async () => {
    await open('E-TWICE');
    const body = escalationBody('E-TWICE', shortLeadProposal('D-OTHER'));
    expectProblem(await callStoringNothing(api, 'POST', '/v1/escalations', { token: sales, body }), 409, 'escalation-exists');
  });

  it.each(['ops', 'leadership'] as const)('given a %s caller, when they escalate, then 403 and nothing is stored', async (role) => {
    const body = escalationBody('E-ROLE', shortLeadProposal('D-ROLE'));
    expectProblem(await callStoringNothing(api, 'POST', '/v1/escalations', { token: await tokenFor('P-X', role), body }), 403);
  });

  it('given no escalation with an id, when it is read, then 404', async () => {
    expectProblem(await call(api, 'GET', '/v1/escalations/E-NONE', { token: sales }), 404);
  });
});

describe('deciding an escalation', () => {
  // [who, hours after T0, allowed]: level 1 until T0+24h, level 2 until T0+72h, then level 3 (the owner).
  const cases: [Role, number, boolean][] = [
    ['ops', 1, true],
    ['leadership', 1, true],
    ['admin', 1, true],
    ['ops', 25, false],
    ['leadership', 25, true],
    ['admin', 25, true],
    ['ops', 73, false],
    ['leadership', 73, false],
    ['admin', 73, true],
  ];
  it.each(cases)('given a level-1 escalation, when %s decides %i hours after it opened, then allowed: %s', async (role, hours, allowed) => {
    const escalationId = `E-${role}-${hours}`;
    await open(escalationId);
    const at = hoursAfter(T0, hours);
    if (allowed) {
      const response = await decide(escalationId, role, at);
      expect(response.status, response.text).toBe(201);
      expect(response.json).toMatchObject({ status: 'approved', decision: { at, decision: 'approved', by: { id: `P-${role}` } } });
      checker.expectDocumented('POST', '/v1/escalations/{escalationId}/decision', 201, response.json);
    } else {
      const response = await callStoringNothing(api, 'POST', `/v1/escalations/${escalationId}/decision`, {
        token: await tokenFor(`P-${role}`, role),
        body: decisionBody(at),
      });
      expectProblem(response, 403);
    }
  });

  it('given a decision after one SLA, then the escalation records the level it had risen to', async () => {
    await open('E-LATE');
    const response = await decide('E-LATE', 'leadership', hoursAfter(T0, 30), { decision: 'rejected', note: 'Not this quarter' });
    expect(response.json).toMatchObject({ status: 'rejected', level: 2 });
  });

  it('given a decided escalation, when it is decided again, then 409 and nothing is stored', async () => {
    await open('E-FINAL');
    expect((await decide('E-FINAL', 'ops', hoursAfter(T0, 2))).status).toBe(201);
    const again = await callStoringNothing(api, 'POST', '/v1/escalations/E-FINAL/decision', {
      token: await tokenFor('P-ADMIN', 'admin'),
      body: decisionBody(hoursAfter(T0, 3), { decision: 'rejected' }),
    });
    expectProblem(again, 409, 'escalation-decided');
  });

  it('given an open escalation, when ops approves it with a later date, then the decision carries that date', async () => {
    await open('E-LATER');
    const deliverBy = hoursAfter(T0, 24 * 7);
    const response = await decide('E-LATER', 'ops', hoursAfter(T0, 2), { deliverBy });
    expect(response.status, response.text).toBe(201);
    expect(response.json.decision).toMatchObject({ decision: 'approved', deliverBy });
  });

  it('given an open escalation, when an approval names an earlier date than proposed, then 409 naming deliverBy and nothing is stored', async () => {
    await open('E-EARLIER');
    const response = await callStoringNothing(api, 'POST', '/v1/escalations/E-EARLIER/decision', {
      token: await tokenFor('P-OPS', 'ops'),
      body: decisionBody(hoursAfter(T0, 2), { deliverBy: hoursAfter(T0, 30) }),
    });
    expectProblem(response, 409);
    expect(response.json.errors[0].path).toBe('deliverBy');
  });

  it('given a decision without a note, when it is sent, then 400 naming note', async () => {
    await open('E-NONOTE');
    const response = await callStoringNothing(api, 'POST', '/v1/escalations/E-NONOTE/decision', {
      token: await tokenFor('P-OPS', 'ops'),
      body: { at: hoursAfter(T0, 1), decision: 'approved' },
    });
    expectProblem(response, 400);
    expect(response.json.errors.map((error: { path: string }) => error.path)).toContain('note');
  });

  it('given no escalation with an id, when it is decided, then 404', async () => {
    expectProblem(await decide('E-GHOST', 'admin', T0), 404);
  });

  it('given a sales caller, when they decide, then 403', async () => {
    await open('E-SALES');
    expectProblem(await decide('E-SALES', 'sales', hoursAfter(T0, 1)), 403);
  });
});
