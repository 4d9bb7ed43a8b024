import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { callStoringNothing } from '../support/apiSteps.ts';
import { expectProblem } from '../support/expectProblem.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { recordedEvent } from '../support/recordedEvents.ts';
import { decisionBody, escalationBody, hoursAfter, openApiChecker, roomyProposal, rulesBody, shortLeadProposal, T0 } from '../support/promiseDesk.ts';

/** POST /v1/deals records how the close stands with the rules; GET /v1/deals/{id} shows it (PROMISES.md, "Closing a deal under the rules"). */

const { api } = useTestApi();
let sales: string;
let admin: string;
let ops: string;
let checker: Awaited<ReturnType<typeof openApiChecker>>;
beforeAll(async () => {
  sales = await tokenFor('P-SALES-1', 'sales');
  admin = await tokenFor('P-ADMIN', 'admin');
  ops = await tokenFor('P-OPS-1', 'ops');
  checker = await openApiChecker(api);
});

const close = async (body: Record<string, unknown>) => {
  const response = await call(api, 'POST', '/v1/deals', { token: sales, body });
  expect(response.status, response.text).toBe(201);
  return response;
};
const engagementOf = async (dealId: string) => {
  const read = await call(api, 'GET', `/v1/deals/${dealId}`, { token: admin });
  expect(read.status, read.text).toBe(200);
  checker.expectDocumented('GET', '/v1/deals/{dealId}', 200, read.json);
  return read.json.engagement;
};

describe('a deal closed before the promise desk existed', () => {
  it('given a DealClosed recorded with no engagement, when the deal is read, then its engagement is null', async () => {
    const store = new DynamoEventStore(api.client, api.tableName);
    const closed = recordedEvent('D-OLD', 1);
    await store.append({ streamId: closed.streamId, expectedVersion: 0, events: [closed] });
    expect(await engagementOf('D-OLD')).toBeNull();
  });
});

describe('before the rules are published', () => {
  it('given no rules, when a short-lead deal is closed, then it is recorded within rules with no rules version', async () => {
    await close(shortLeadProposal('D-EARLY'));
    expect(await engagementOf('D-EARLY')).toEqual({ class: 'within-rules', level: 0, rules: [], rulesVersion: null });
  });
});

describe('under the rules', () => {
  beforeAll(async () => {
    expect((await call(api, 'PUT', '/v1/rules-of-engagement', { token: admin, body: rulesBody() })).status).toBe(201);
  });

  it('given the rules in force, when a roomy deal is closed, then it is within rules under version 1', async () => {
    await close(roomyProposal('D-ROOMY'));
    expect(await engagementOf('D-ROOMY')).toEqual({ class: 'within-rules', level: 0, rules: [], rulesVersion: 1 });
  });

  it('given a short-lead deal and no escalation, when it is closed, then it is not refused and is recorded outside rules at level 1', async () => {
    await close(shortLeadProposal('D-RUSH'));
    expect(await engagementOf('D-RUSH')).toEqual({ class: 'outside-rules', level: 1, rules: ['short-lead'], rulesVersion: 1 });
  });

  it('given an off-the-table deal, when it is closed, then it is recorded outside rules as off the table', async () => {
    await close(roomyProposal('D-HUGE', { value: { amount: 95_000_000, currency: 'USD' } }));
    expect(await engagementOf('D-HUGE')).toMatchObject({ class: 'outside-rules', level: 'off-the-table' });
  });

  describe('with an approved escalation', () => {
    const approvedDeliverBy = hoursAfter(T0, 24 * 4);
    beforeAll(async () => {
      const opened = await call(api, 'POST', '/v1/escalations', { token: sales, body: escalationBody('E-APP', shortLeadProposal('D-APP')) });
      expect(opened.status, opened.text).toBe(201);
      const decided = await call(api, 'POST', '/v1/escalations/E-APP/decision', {
        token: ops,
        body: decisionBody(hoursAfter(T0, 2), { deliverBy: approvedDeliverBy }),
      });
      expect(decided.status, decided.text).toBe(201);
    });

    it('given a close promising earlier than approved, when it names the escalation, then 409 naming promise.deliverBy and nothing is stored', async () => {
      const body = shortLeadProposal('D-APP', { escalationId: 'E-APP' });
      const response = await callStoringNothing(api, 'POST', '/v1/deals', { token: sales, body });
      expectProblem(response, 409, 'deliver-by-earlier-than-approved');
      expect(response.json.errors[0].path).toBe('promise.deliverBy');
    });

    it('given a close of another value, when it names the escalation, then 409 naming value and nothing is stored', async () => {
      const body = shortLeadProposal('D-APP', {
        promise: { deliverBy: approvedDeliverBy },
        escalationId: 'E-APP',
        value: { amount: 1, currency: 'USD' },
      });
      const response = await callStoringNothing(api, 'POST', '/v1/deals', { token: sales, body });
      expectProblem(response, 409, 'escalation-terms-differ');
      expect(response.json.errors[0].path).toBe('value');
    });

    it('given a close of another deal, when it names the escalation, then 409 and nothing is stored', async () => {
      const body = shortLeadProposal('D-APP-OTHER', { promise: { deliverBy: approvedDeliverBy }, escalationId: 'E-APP' });
      expectProblem(await callStoringNothing(api, 'POST', '/v1/deals', { token: sales, body }), 409, 'escalation-for-another-deal');
    });

    it('given the approved terms, when the deal is closed naming the escalation, then it is recorded approved with the escalation id', async () => {
      await close(shortLeadProposal('D-APP', { promise: { deliverBy: approvedDeliverBy }, escalationId: 'E-APP' }));
      expect(await engagementOf('D-APP')).toEqual({
        class: 'approved',
        level: 1,
        rules: ['short-lead'],
        rulesVersion: 1,
        escalationId: 'E-APP',
      });
    });
  });

  it('given no escalation with that id, when a close names it, then 409 naming escalationId and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'POST', '/v1/deals', { token: sales, body: shortLeadProposal('D-GHOST', { escalationId: 'E-GHOST' }) });
    expectProblem(response, 409, 'escalation-not-approved');
    expect(response.json.errors[0].path).toBe('escalationId');
  });

  it('given an escalation still open, when a close names it, then 409 and nothing is stored', async () => {
    expect((await call(api, 'POST', '/v1/escalations', { token: sales, body: escalationBody('E-PENDING', shortLeadProposal('D-PENDING')) })).status).toBe(201);
    const response = await callStoringNothing(api, 'POST', '/v1/deals', { token: sales, body: shortLeadProposal('D-PENDING', { escalationId: 'E-PENDING' }) });
    expectProblem(response, 409, 'escalation-not-approved');
  });

  it('given a rejected escalation, when a close names it, then 409 and nothing is stored', async () => {
    expect((await call(api, 'POST', '/v1/escalations', { token: sales, body: escalationBody('E-NO', shortLeadProposal('D-NO')) })).status).toBe(201);
    expect((await call(api, 'POST', '/v1/escalations/E-NO/decision', { token: ops, body: decisionBody(hoursAfter(T0, 1), { decision: 'rejected' }) })).status).toBe(201);
    const response = await callStoringNothing(api, 'POST', '/v1/deals', { token: sales, body: shortLeadProposal('D-NO', { escalationId: 'E-NO' }) });
    expectProblem(response, 409, 'escalation-not-approved');
  });
});
