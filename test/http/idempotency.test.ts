import { describe, expect, it } from 'vitest';
import { callStoringNothing, closeAndHandOff } from '../support/apiSteps.ts';
import { expectProblem } from '../support/expectProblem.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { call, tokenFor, type CallOptions, type CallResponse } from '../support/localApi.ts';
import {
  cancellationBody,
  closeDealBody,
  deliveryBody,
  handoffBody,
  promiseRevisionBody,
  scopeChangeBody,
} from '../support/sampleDeals.ts';
import { storedEventsOf } from '../support/storedItems.ts';

/** API.md: a command repeated with the same Idempotency-Key returns the first response and records nothing new. */

/** The API, and its twin: a second "Lambda container", with its own handlers (and their memory) on the same table. */
const { api, twin } = useTestApi({ twin: true });
const sales = await tokenFor('P-SALES-1', 'sales');
const ops = await tokenFor('P-OPS-1', 'ops');

const keyed = (key: string, token: string, body: unknown, extra: Record<string, string> = {}): CallOptions => ({
  token,
  body,
  headers: { 'idempotency-key': key, ...extra },
});

const expectSameResponse = (again: CallResponse, first: CallResponse) => {
  expect(first.status, first.text).toBe(201);
  expect(again.status, again.text).toBe(201);
  expect(again.json).toEqual(first.json);
  expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
  expect(again.headers.get('location')).toBe(first.headers.get('location'));
};

const expectConflict = (response: CallResponse) => expectProblem(response, 409);

describe('Idempotency-Key on each deal-scoped command', () => {
  it.each([
    { route: 'scope-changes', token: () => sales, body: scopeChangeBody() },
    { route: 'promise-revisions', token: () => sales, body: promiseRevisionBody() },
    { route: 'delivery', token: () => ops, body: deliveryBody() },
    { route: 'cancellation', token: () => sales, body: cancellationBody() },
  ])('given $route was accepted with a key, when it is repeated with the same key and body, then the same response and one event', async ({ route, token, body }) => {
    const dealId = `I-REPEAT-${route}`;
    await closeAndHandOff(api, sales, dealId);
    const first = await call(api, 'POST', `/v1/deals/${dealId}/${route}`, keyed(`key-${route}`, token(), body));
    const again = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/${route}`, keyed(`key-${route}`, token(), body));
    expectSameResponse(again, first);
    expect(first.json).toEqual({ dealId, version: 3 });
    expect(await storedEventsOf(api, dealId)).toHaveLength(3);
  });

  it('given a handoff was accepted with a key, when it is repeated, then the same response (not "already handed off")', async () => {
    const dealId = 'I-HANDOFF';
    await call(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) });
    const first = await call(api, 'POST', `/v1/deals/${dealId}/handoff`, keyed('handoff-1', sales, handoffBody()));
    const again = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/handoff`, keyed('handoff-1', sales, handoffBody()));
    expectSameResponse(again, first);
    expect(again.json).toEqual({ dealId, version: 2 });
  });

  it('given a keyed command was followed by others, when it is repeated, then it answers its own first version, not the latest', async () => {
    const dealId = 'I-LATER';
    await closeAndHandOff(api, sales, dealId);
    const first = await call(api, 'POST', `/v1/deals/${dealId}/scope-changes`, keyed('scope-early', sales, scopeChangeBody()));
    await call(api, 'POST', `/v1/deals/${dealId}/promise-revisions`, { token: sales, body: promiseRevisionBody() });
    await call(api, 'POST', `/v1/deals/${dealId}/delivery`, { token: ops, body: deliveryBody() });
    const again = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/scope-changes`, keyed('scope-early', sales, scopeChangeBody()));
    expectSameResponse(again, first);
    expect(again.json.version).toBe(3);
  });

  it('given a keyed command, when it is repeated after the deal was cancelled, then the first response (201), not a 409', async () => {
    const dealId = 'I-AFTER-CANCEL';
    await closeAndHandOff(api, sales, dealId);
    const first = await call(api, 'POST', `/v1/deals/${dealId}/scope-changes`, keyed('scope-then-cancel', sales, scopeChangeBody()));
    await call(api, 'POST', `/v1/deals/${dealId}/cancellation`, { token: sales, body: cancellationBody() });
    const again = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/scope-changes`, keyed('scope-then-cancel', sales, scopeChangeBody()));
    expectSameResponse(again, first);
  });

  it('given a keyed command, when the same key comes with a different body, then 409 and nothing is stored', async () => {
    const dealId = 'I-REUSED';
    await closeAndHandOff(api, sales, dealId);
    const first = await call(api, 'POST', `/v1/deals/${dealId}/scope-changes`, keyed('reused', sales, scopeChangeBody()));
    expect(first.status).toBe(201);
    const other = await callStoringNothing(
      api,
      'POST',
      `/v1/deals/${dealId}/scope-changes`,
      keyed('reused', sales, scopeChangeBody({ reason: 'Something else entirely' })),
    );
    expectConflict(other);
    expect(await storedEventsOf(api, dealId)).toHaveLength(3);
  });

  it('given a keyed command, when the same key is sent on another route of the same deal, then 409 and nothing is stored', async () => {
    const dealId = 'I-REUSED-ROUTE';
    await closeAndHandOff(api, sales, dealId);
    expect((await call(api, 'POST', `/v1/deals/${dealId}/scope-changes`, keyed('cross-route', sales, scopeChangeBody()))).status).toBe(201);
    expectConflict(
      await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/promise-revisions`, keyed('cross-route', sales, promiseRevisionBody())),
    );
  });

  it('given a keyed command, when the same key and body are repeated with a stale If-Match, then still the first response', async () => {
    const dealId = 'I-IFMATCH';
    await closeAndHandOff(api, sales, dealId);
    const first = await call(api, 'POST', `/v1/deals/${dealId}/scope-changes`, keyed('with-if-match', sales, scopeChangeBody(), { 'if-match': '"2"' }));
    const again = await callStoringNothing(
      api,
      'POST',
      `/v1/deals/${dealId}/scope-changes`,
      keyed('with-if-match', sales, scopeChangeBody(), { 'if-match': '"2"' }),
    );
    expectSameResponse(again, first);
  });

  it('given an Idempotency-Key that is not 1-255 visible ASCII characters, then 400 naming the header and nothing is stored', async () => {
    const dealId = 'I-BAD-KEY';
    await closeAndHandOff(api, sales, dealId);
    const response = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/scope-changes`, keyed('k'.repeat(256), sales, scopeChangeBody()));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.json.errors).toEqual([{ path: 'header.Idempotency-Key', message: expect.any(String) }]);
  });
});

describe('Idempotency-Key on POST /v1/deals', () => {
  it('given a deal closed with a key, when the same request is repeated, then the same response and one item', async () => {
    const dealId = 'I-CLOSE';
    const first = await call(api, 'POST', '/v1/deals', keyed('close-1', sales, closeDealBody(dealId)));
    const again = await callStoringNothing(api, 'POST', '/v1/deals', keyed('close-1', sales, closeDealBody(dealId)));
    expectSameResponse(again, first);
    expect(again.json).toEqual({ dealId, version: 1 });
  });

  it('given a deal closed with a key, when the same key comes with a different body for the same deal, then 409 and nothing is stored', async () => {
    const dealId = 'I-CLOSE-REUSED';
    expect((await call(api, 'POST', '/v1/deals', keyed('close-2', sales, closeDealBody(dealId)))).status).toBe(201);
    expectConflict(
      await callStoringNothing(api, 'POST', '/v1/deals', keyed('close-2', sales, closeDealBody(dealId, { salesTeam: 'T-OTHER' }))),
    );
  });
});

describe('retries that land on another instance (one table, two processes)', () => {
  it('given a keyed command answered by one instance, when the retry reaches the other, then the same response and one event', async () => {
    const dealId = 'I-TWIN-KEY';
    await closeAndHandOff(api, sales, dealId);
    // The twin learns the deal at version 2 …
    expect((await call(twin, 'GET', `/v1/deals/${dealId}`, { token: sales })).json.version).toBe(2);
    expect((await call(twin, 'POST', `/v1/deals/${dealId}/promise-revisions`, { token: sales, body: promiseRevisionBody() })).status).toBe(201);
    // … then the first instance, which last saw version 2, records two more facts.
    const first = await call(api, 'POST', `/v1/deals/${dealId}/scope-changes`, keyed('twin-retry', sales, scopeChangeBody()));
    expect(first.json.version).toBe(4);
    await call(api, 'POST', `/v1/deals/${dealId}/delivery`, { token: ops, body: deliveryBody() });
    // The twin last wrote version 3; the retry must still be recognised.
    const again = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/scope-changes`, keyed('twin-retry', sales, scopeChangeBody()), twin);
    expectSameResponse(again, first);
    expect((await storedEventsOf(api, dealId)).map((item) => item.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('given a deal closed on one instance, when the identical close reaches the other, then 201 version 1 and one item', async () => {
    const dealId = 'I-TWIN-CLOSE';
    const first = await call(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) });
    const again = await callStoringNothing(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) }, twin);
    expectSameResponse(again, first);
  });

  it('given a deal closed on one instance, when a different close of the same id reaches the other, then 409 and nothing is stored', async () => {
    const dealId = 'I-TWIN-CLOSE-DIFF';
    expect((await call(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) })).status).toBe(201);
    expectConflict(
      await callStoringNothing(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId, { salesTeam: 'T-OTHER' }) }, twin),
    );
  });

  it('given one instance remembers an old version, when the deal was cancelled on the other, then a command there is 409 and nothing is stored', async () => {
    const dealId = 'I-TWIN-STALE';
    await closeAndHandOff(api, sales, dealId);
    expect((await call(twin, 'POST', `/v1/deals/${dealId}/scope-changes`, { token: sales, body: scopeChangeBody() })).status).toBe(201);
    expect((await call(api, 'POST', `/v1/deals/${dealId}/cancellation`, { token: sales, body: cancellationBody() })).status).toBe(201);
    expectConflict(
      await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/promise-revisions`, { token: sales, body: promiseRevisionBody() }, twin),
    );
  });

  it('given one instance remembers an old version, when a client sends the current If-Match there, then 201; a stale one, 412', async () => {
    const dealId = 'I-TWIN-IFMATCH';
    await closeAndHandOff(api, sales, dealId);
    expect((await call(twin, 'POST', `/v1/deals/${dealId}/scope-changes`, { token: sales, body: scopeChangeBody() })).status).toBe(201);
    expect((await call(api, 'POST', `/v1/deals/${dealId}/promise-revisions`, { token: sales, body: promiseRevisionBody() })).status).toBe(201);
    // The twin last saw version 3; the deal is at 4.
    const stale = await callStoringNothing(
      api,
      'POST',
      `/v1/deals/${dealId}/scope-changes`,
      { token: sales, body: scopeChangeBody({ reason: 'again' }), headers: { 'if-match': '"3"' } },
      twin,
    );
    expect(stale.status, stale.text).toBe(412);
    const current = await call(twin, 'POST', `/v1/deals/${dealId}/scope-changes`, {
      token: sales,
      body: scopeChangeBody({ reason: 'again' }),
      headers: { 'if-match': '"4"' },
    });
    expect(current.status, current.text).toBe(201);
    expect(current.json.version).toBe(5);
  });
});
