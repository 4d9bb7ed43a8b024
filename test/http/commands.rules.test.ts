import { beforeAll, describe, expect, it } from 'vitest';
import { callStoringNothing, closeAndHandOff } from '../support/apiSteps.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { expectProblem } from '../support/expectProblem.ts';
import { call, tokenFor } from '../support/localApi.ts';
import {
  cancellationBody,
  closeDealBody,
  deliveryBody,
  handoffBody,
  promiseRevisionBody,
  scopeChangeBody,
} from '../support/sampleDeals.ts';
import { storedEventsOf } from '../support/storedItems.ts';

/** Business rules and optimistic concurrency (If-Match / ETag), over HTTP, against the real store. */

const { api } = useTestApi();
const sales = await tokenFor('P-SALES-1', 'sales');
const ops = await tokenFor('P-OPS-1', 'ops');

const post = (path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
  call(api, 'POST', path, { token, body, headers });

describe('business rules', () => {
  it('given a closed deal not yet handed off, when ops records the delivery, then 409 and nothing is stored', async () => {
    const dealId = 'R-NO-HANDOFF';
    await post('/v1/deals', sales, closeDealBody(dealId));
    const response = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/delivery`, { token: ops, body: deliveryBody() });
    expectProblem(response, 409, 'handoff-required');
    expect((await storedEventsOf(api, dealId)).map((item) => item.type)).toEqual(['DealClosed']);
  });

  describe('given a cancelled deal', () => {
    const dealId = 'R-CANCELLED';
    beforeAll(async () => {
      await closeAndHandOff(api, sales, dealId);
      expect((await post(`/v1/deals/${dealId}/cancellation`, sales, cancellationBody())).status).toBe(201);
    });

    it.each([
      { route: 'handoff', token: () => sales, body: handoffBody({ at: '2026-10-08T00:00:00Z' }) },
      { route: 'scope-changes', token: () => sales, body: scopeChangeBody({ at: '2026-10-08T00:00:00Z' }) },
      { route: 'promise-revisions', token: () => sales, body: promiseRevisionBody({ at: '2026-10-08T00:00:00Z' }) },
      { route: 'delivery', token: () => ops, body: deliveryBody() },
      { route: 'cancellation', token: () => ops, body: cancellationBody({ at: '2026-10-09T00:00:00Z', reason: 'again' }) },
    ])('when $route is posted, then 409 and nothing is stored', async ({ route, token, body }) => {
      const response = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/${route}`, { token: token(), body });
      expectProblem(response, 409);
      expect((await call(api, 'GET', `/v1/deals/${dealId}`, { token: sales })).json).toMatchObject({ status: 'cancelled', version: 3 });
    });
  });

  it('given a delivered deal, when a scope change or a promise revision is posted, then 409 and nothing is stored', async () => {
    const dealId = 'R-DELIVERED';
    await closeAndHandOff(api, sales, dealId);
    expect((await post(`/v1/deals/${dealId}/delivery`, ops, deliveryBody())).status).toBe(201);
    expectProblem(
      await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/scope-changes`, { token: sales, body: scopeChangeBody({ at: '2026-10-20T00:00:00Z' }) }),
      409,
      'deal-delivered',
    );
    expectProblem(
      await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/promise-revisions`, {
        token: sales,
        body: promiseRevisionBody({ at: '2026-10-20T00:00:00Z' }),
      }),
      409,
      'deal-delivered',
    );
    expectProblem(await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/delivery`, { token: ops, body: deliveryBody() }), 409);
  });

  it('given a handed-off deal, when it is handed off again, then 409 and nothing is stored', async () => {
    const dealId = 'R-TWICE';
    await closeAndHandOff(api, sales, dealId);
    expectProblem(await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/handoff`, { token: sales, body: handoffBody() }), 409, 'already-handed-off');
  });

  it('given a closed deal, when a command is dated before the close, then 409 and nothing is stored', async () => {
    const dealId = 'R-BEFORE-CLOSE';
    await post('/v1/deals', sales, closeDealBody(dealId));
    expectProblem(
      await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/handoff`, { token: sales, body: handoffBody({ at: '2026-10-01T00:00:00Z' }) }),
      409,
      'before-close',
    );
  });

  describe('closing the same deal id twice', () => {
    it('given a closed deal, when the same id is closed with a different body, then 409 and nothing is stored', async () => {
      const dealId = 'R-CLOSE-DIFF';
      expect((await post('/v1/deals', sales, closeDealBody(dealId))).status).toBe(201);
      const response = await callStoringNothing(api, 'POST', '/v1/deals', {
        token: sales,
        body: closeDealBody(dealId, { value: { amount: 999, currency: 'USD' } }),
      });
      expectProblem(response, 409);
      expect(await storedEventsOf(api, dealId)).toHaveLength(1);
    });

    it('given a closed deal, when the identical body is sent again, then 201 with the same response and still one item', async () => {
      const dealId = 'R-CLOSE-SAME';
      const first = await post('/v1/deals', sales, closeDealBody(dealId));
      const again = await callStoringNothing(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.json).toEqual(first.json);
      expect(again.json).toEqual({ dealId, version: 1 });
      expect(again.headers.get('etag')).toBe('"1"');
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      expect(await storedEventsOf(api, dealId)).toHaveLength(1);
    });

    it('given a closed deal, when the same content is sent with other key order and whitespace, then it is the same request (201, one item)', async () => {
      const dealId = 'R-CLOSE-REORDERED';
      const body = closeDealBody(dealId);
      expect((await post('/v1/deals', sales, body)).status).toBe(201);
      const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2);
      const again = await callStoringNothing(api, 'POST', '/v1/deals', { token: sales, rawBody: reordered });
      expect(again.status, again.text).toBe(201);
      expect(again.json).toEqual({ dealId, version: 1 });
    });

    it('given a deal that has moved on, when its identical close is retried, then it still answers the first response (version 1)', async () => {
      const dealId = 'R-CLOSE-LATER';
      await closeAndHandOff(api, sales, dealId);
      const again = await callStoringNothing(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) });
      expect(again.status).toBe(201);
      expect(again.json).toEqual({ dealId, version: 1 });
      expect(await storedEventsOf(api, dealId)).toHaveLength(2);
    });
  });
});

describe('If-Match and ETag', () => {
  it('given a deal at version 2, when a command sends If-Match "2", then 201 and the ETag is the new version', async () => {
    const dealId = 'R-IFMATCH-OK';
    await closeAndHandOff(api, sales, dealId);
    const read = await call(api, 'GET', `/v1/deals/${dealId}`, { token: sales });
    expect(read.headers.get('etag')).toBe('"2"');
    const response = await post(`/v1/deals/${dealId}/scope-changes`, sales, scopeChangeBody(), { 'if-match': read.headers.get('etag')! });
    expect(response.status, response.text).toBe(201);
    expect(response.json).toEqual({ dealId, version: 3 });
    expect(response.headers.get('etag')).toBe('"3"');
  });

  it('given a deal at version 3, when a command sends If-Match as a bare number 3, then 201 version 4', async () => {
    const dealId = 'R-IFMATCH-BARE';
    await closeAndHandOff(api, sales, dealId);
    await post(`/v1/deals/${dealId}/scope-changes`, sales, scopeChangeBody());
    const response = await post(`/v1/deals/${dealId}/promise-revisions`, sales, promiseRevisionBody(), { 'if-match': '3' });
    expect(response.status, response.text).toBe(201);
    expect(response.headers.get('etag')).toBe('"4"');
  });

  it('given a deal at version 2, when a command sends a stale If-Match "1", then 412 and nothing is stored', async () => {
    const dealId = 'R-IFMATCH-STALE';
    await closeAndHandOff(api, sales, dealId);
    const response = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/scope-changes`, {
      token: sales,
      body: scopeChangeBody(),
      headers: { 'if-match': '"1"' },
    });
    expectProblem(response, 412);
    expect(await storedEventsOf(api, dealId)).toHaveLength(2);
  });

  it('given a deal at version 2, when a command sends an If-Match from the future "7", then 412 and nothing is stored', async () => {
    const dealId = 'R-IFMATCH-FUTURE';
    await closeAndHandOff(api, sales, dealId);
    const response = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/cancellation`, {
      token: sales,
      body: cancellationBody(),
      headers: { 'if-match': '"7"' },
    });
    expectProblem(response, 412);
  });

  it('given two clients that both read version 2, when both send If-Match "2", then the first wins and the second gets 412', async () => {
    const dealId = 'R-IFMATCH-RACE';
    await closeAndHandOff(api, sales, dealId);
    const first = await post(`/v1/deals/${dealId}/scope-changes`, sales, scopeChangeBody(), { 'if-match': '"2"' });
    const second = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/promise-revisions`, {
      token: sales,
      body: promiseRevisionBody(),
      headers: { 'if-match': '"2"' },
    });
    expect(first.status).toBe(201);
    expectProblem(second, 412);
  });

  it('given a malformed If-Match, then 400 naming the header and nothing is stored', async () => {
    const dealId = 'R-IFMATCH-BAD';
    await closeAndHandOff(api, sales, dealId);
    const response = await callStoringNothing(api, 'POST', `/v1/deals/${dealId}/scope-changes`, {
      token: sales,
      body: scopeChangeBody(),
      headers: { 'if-match': 'yesterday' },
    });
    expectProblem(response, 400);
    expect(response.json.errors).toEqual([{ path: 'header.If-Match', message: expect.any(String) }]);
  });

  it('given a sequence of commands, then every ETag equals the version in the body and GET agrees', async () => {
    const dealId = 'R-ETAGS';
    const steps: [string, string, unknown][] = [
      ['/v1/deals', sales, closeDealBody(dealId)],
      [`/v1/deals/${dealId}/handoff`, sales, handoffBody()],
      [`/v1/deals/${dealId}/scope-changes`, sales, scopeChangeBody()],
      [`/v1/deals/${dealId}/delivery`, ops, deliveryBody()],
    ];
    for (const [index, [path, token, body]] of steps.entries()) {
      const response = await post(path, token, body);
      expect(response.status, response.text).toBe(201);
      expect(response.json.version).toBe(index + 1);
      expect(response.headers.get('etag')).toBe(`"${response.json.version}"`);
    }
    const read = await call(api, 'GET', `/v1/deals/${dealId}`, { token: sales });
    expect(read.headers.get('etag')).toBe('"4"');
    expect(read.json.version).toBe(4);
  });
});
