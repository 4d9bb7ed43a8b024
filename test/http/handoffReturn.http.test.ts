import { beforeAll, describe, expect, it } from 'vitest';
import { callStoringNothing } from '../support/apiSteps.ts';
import { expectProblem } from '../support/expectProblem.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { projectAllStoredEvents } from '../support/projection.ts';
import { closeDealBody, deliveryBody, handoffBody, handoffReturnBody } from '../support/sampleDeals.ts';
import { storedEventsOf } from '../support/storedItems.ts';

/** POST /v1/deals/{dealId}/handoff-return (CADENCE.md, "Handoff returned") over HTTP, on DynamoDB Local. */

const { api } = useTestApi();
const sales = await tokenFor('P-SALES-1', 'sales');
const ops = await tokenFor('P-OPS-1', 'ops');
const admin = await tokenFor('P-ADMIN-1', 'admin');
const lead = await tokenFor('P-LEAD-1', 'leadership');

const post = (path: string, token: string, body: unknown, headers?: Record<string, string>) =>
  call(api, 'POST', path, { token, body, ...(headers ? { headers } : {}) });

const closeAndHandOff = async (dealId: string) => {
  expect((await post('/v1/deals', sales, closeDealBody(dealId))).status).toBe(201);
  expect((await post(`/v1/deals/${dealId}/handoff`, sales, handoffBody())).status).toBe(201);
};

describe('returning a handoff', () => {
  it('given a handed-off deal, when ops returns it naming two gaps, then 201 with version 3, the deal reads handoff-returned with the gaps, and delivery is refused until sales hands it off again', async () => {
    await closeAndHandOff('HR-1');

    const returned = await post('/v1/deals/HR-1/handoff-return', ops, handoffReturnBody(), { 'If-Match': '"2"' });

    expect(returned.status, returned.text).toBe(201);
    expect(returned.json).toEqual({ dealId: 'HR-1', version: 3 });
    expect(returned.headers.get('etag')).toBe('"3"');
    const view = (await call(api, 'GET', '/v1/deals/HR-1', { token: ops })).json;
    expect(view.status).toBe('handoff-returned');
    expect(view.handoffs).toEqual([
      expect.objectContaining({
        at: '2026-10-03T09:00:00Z',
        returned: { at: '2026-10-04T10:00:00Z', gaps: ['deliveryDateConfirmed', 'customerContact'], note: 'No site contact for the crew' },
      }),
    ]);
    expect(view.events.at(-1)).toMatchObject({ type: 'HandoffReturned', occurredAt: '2026-10-04T10:00:00Z', actor: { id: 'P-OPS-1' } });

    const refused = await callStoringNothing(api, 'POST', '/v1/deals/HR-1/delivery', { token: ops, body: deliveryBody() });
    expectProblem(refused, 409, 'handoff-returned');

    expect((await post('/v1/deals/HR-1/handoff', sales, handoffBody({ at: '2026-10-05T09:00:00Z' }))).status).toBe(201);
    expect((await post('/v1/deals/HR-1/delivery', ops, deliveryBody())).status).toBe(201);
    expect((await storedEventsOf(api, 'HR-1')).map((item) => item.type)).toEqual([
      'DealClosed',
      'HandoffCompleted',
      'HandoffReturned',
      'HandoffCompleted',
      'DeliveryCompleted',
    ]);
  });

  it('given a return sent twice with one Idempotency-Key, then both answer 201 with one version and one event is stored', async () => {
    await closeAndHandOff('HR-2');
    const first = await post('/v1/deals/HR-2/handoff-return', ops, handoffReturnBody(), { 'Idempotency-Key': 'return-HR-2' });
    const again = await callStoringNothing(api, 'POST', '/v1/deals/HR-2/handoff-return', {
      token: ops,
      body: handoffReturnBody(),
      headers: { 'Idempotency-Key': 'return-HR-2' },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('given a stale If-Match, then 412 and nothing is stored', async () => {
    await closeAndHandOff('HR-3');
    expectProblem(
      await callStoringNothing(api, 'POST', '/v1/deals/HR-3/handoff-return', { token: ops, body: handoffReturnBody(), headers: { 'If-Match': '"1"' } }),
      412,
    );
  });

  it('given a deal never handed off, when ops returns it, then 409 handoff-required and nothing is stored', async () => {
    expect((await post('/v1/deals', sales, closeDealBody('HR-4'))).status).toBe(201);
    expectProblem(await callStoringNothing(api, 'POST', '/v1/deals/HR-4/handoff-return', { token: ops, body: handoffReturnBody() }), 409, 'handoff-required');
  });

  it('given an unknown deal, then 404', async () => {
    expectProblem(await callStoringNothing(api, 'POST', '/v1/deals/HR-NONE/handoff-return', { token: ops, body: handoffReturnBody() }), 404, 'unknown-deal');
  });

  it.each([
    ['no gaps', 'gaps', 1, { gaps: [] }],
    ['a gap named twice', 'gaps', 2, { gaps: ['other', 'other'] }],
    ['an unknown gap', 'gaps.0', 3, { gaps: ['pricing'] }],
    ['no at', 'at', 4, { at: undefined }],
  ])('given %s, then 400 naming %s and nothing is stored', async (_case, path, n, override) => {
    const dealId = `HR-BAD-${n}`;
    await closeAndHandOff(dealId);
    const response = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/handoff-return`, { token: ops, body: handoffReturnBody(override) });
    expectProblem(response, 400, 'validation-failed');
    expect(response.json.errors.map((error: { path: string }) => error.path)).toEqual([path]);
  });

  it.each([
    ['sales', sales],
    ['leadership', lead],
  ])('given a handed-off deal, when %s returns it, then 403 and nothing is stored', async (_role, token) => {
    await closeAndHandOff(`HR-ROLE-${_role}`);
    expectProblem(await callStoringNothing(api, 'POST', `/v1/deals/HR-ROLE-${_role}/handoff-return`, { token, body: handoffReturnBody() }), 403);
  });

  it('given a handed-off deal, when an admin returns it, then 201', async () => {
    await closeAndHandOff('HR-ADMIN');
    expect((await post('/v1/deals/HR-ADMIN/handoff-return', admin, handoffReturnBody({ gaps: ['other'], note: undefined }))).status).toBe(201);
  });
});

describe('the scorecard after a return', () => {
  beforeAll(async () => {
    // HR-SC: handed off 10-03, returned 10-04, handed off again 10-05 (to P-OPS-2 on T-OPS-2).
    await closeAndHandOff('HR-SC');
    expect((await post('/v1/deals/HR-SC/handoff-return', ops, handoffReturnBody())).status).toBe(201);
    expect((await post('/v1/deals/HR-SC/handoff', sales, handoffBody({ at: '2026-10-05T09:00:00Z', opsOwner: { id: 'P-OPS-2' }, opsTeam: 'T-OPS-2' }))).status).toBe(201);
    await projectAllStoredEvents({ client: api.client, eventsTable: api.tableName, projectionsTable: api.projectionsTableName });
  });

  it('given a deal handed off, returned and handed off again in October, then its second ops owner sees the whole deal: 2 handoffs, 1 return, right first time 1/2', async () => {
    const card = await call(api, 'GET', '/v1/scorecards/2026-10?dimension=person:P-OPS-2', { token: lead });
    expect(card.status).toBe(200);
    expect(card.json.handoff).toMatchObject({ count: 2, returned: 1, firstTimeRight: 0.5 });
  });

  it('given every deal of this file, then the org counts each handoff made and each return recorded in October', async () => {
    const card = await call(api, 'GET', '/v1/scorecards/2026-10', { token: lead });
    const { count, returned, firstTimeRight } = card.json.handoff;
    expect(returned).toBeGreaterThanOrEqual(3);
    expect(firstTimeRight).toBe((count - returned) / count);
  });
});
