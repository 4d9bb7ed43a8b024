import { describe, expect, it } from 'vitest';
import { closeAndHandOff } from '../support/apiSteps.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { call, tokenFor, type CallResponse } from '../support/localApi.ts';
import { closeDealBody, scopeChangeBody } from '../support/sampleDeals.ts';
import { storedEventsOf } from '../support/storedItems.ts';

/** Many clients at once on one deal, over HTTP, against the real conditional writes of DynamoDB Local. */

/** The API, and its twin: a second instance of the handlers on the same table, as a second Lambda container would be. */
const { api, twin } = useTestApi({ twin: true });
const sales = await tokenFor('P-SALES-1', 'sales');

const PARALLEL = 8;

const scopeChange = (index: number) =>
  scopeChangeBody({ scope: [{ sku: 'SEALCOAT-SQFT', quantity: 12_000 + index }], reason: `Change order ${index}` });

/** Every answer is either 201 or a 409 problem (retries exhausted); the winners hold distinct, contiguous versions. */
const expectOnlyWinnersStored = async (responses: CallResponse[], dealId: string, versionsBefore: number) => {
  for (const response of responses) {
    expect([201, 409], response.text).toContain(response.status);
    if (response.status === 409) {
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.json.type).toContain('concurrent-update');
    }
  }
  const winners = responses.filter((response) => response.status === 201);
  expect(winners.length).toBeGreaterThanOrEqual(1);
  const versions = winners.map((response) => response.json.version as number).sort((a, b) => a - b);
  expect(new Set(versions).size, `versions ${versions.join(',')}`).toBe(versions.length);
  expect(versions).toEqual(versions.map((_, index) => versionsBefore + 1 + index));
  for (const winner of winners) expect(winner.headers.get('etag')).toBe(`"${winner.json.version}"`);

  const stored = await storedEventsOf(api, dealId);
  expect(stored).toHaveLength(versionsBefore + winners.length);
  expect(stored.map((item) => item.version)).toEqual(stored.map((_, index) => index + 1));

  const read = await call(api, 'GET', `/v1/deals/${dealId}`, { token: sales });
  expect(read.json.version).toBe(versionsBefore + winners.length);
  const reasons = (read.json.events as { type: string; data: { reason?: string } }[])
    .filter((event) => event.type === 'ScopeChanged')
    .map((event) => event.data.reason);
  expect(reasons).toHaveLength(winners.length);
  expect(new Set(reasons).size).toBe(winners.length);
};

describe('concurrent commands on one deal', () => {
  it(`given a handed-off deal, when ${PARALLEL} different scope changes arrive at once, then each success has its own version and only successes are stored`, async () => {
    const dealId = 'C-SCOPE';
    await closeAndHandOff(api, sales, dealId);
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        call(api, 'POST', `/v1/deals/${dealId}/scope-changes`, { token: sales, body: scopeChange(index) }),
      ),
    );
    await expectOnlyWinnersStored(responses, dealId, 2);
  });

  it(`given a handed-off deal, when ${PARALLEL} different scope changes arrive at once on two instances, then each success has its own version and only successes are stored`, async () => {
    const dealId = 'C-SCOPE-TWO-INSTANCES';
    await closeAndHandOff(api, sales, dealId);
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        call(index % 2 ? twin : api, 'POST', `/v1/deals/${dealId}/scope-changes`, { token: sales, body: scopeChange(index) }),
      ),
    );
    await expectOnlyWinnersStored(responses, dealId, 2);
  });

  it(`given a handed-off deal, when ${PARALLEL} scope changes all send If-Match "2" at once, then exactly one wins and the rest get 412`, async () => {
    const dealId = 'C-IFMATCH';
    await closeAndHandOff(api, sales, dealId);
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        call(api, 'POST', `/v1/deals/${dealId}/scope-changes`, {
          token: sales,
          body: scopeChange(index),
          headers: { 'if-match': '"2"' },
        }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(PARALLEL - 1).fill(412)]);
    expect(responses.find((response) => response.status === 201)!.json.version).toBe(3);
    expect(await storedEventsOf(api, dealId)).toHaveLength(3);
  });

  it(`given a handed-off deal, when ${PARALLEL} copies of one request with the same Idempotency-Key arrive at once, then all succeed with one version and one event is stored`, async () => {
    const dealId = 'C-SAME-KEY';
    await closeAndHandOff(api, sales, dealId);
    const body = scopeChange(1);
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        call(index % 2 ? twin : api, 'POST', `/v1/deals/${dealId}/scope-changes`, {
          token: sales,
          body,
          headers: { 'idempotency-key': 'same-key-everywhere' },
        }),
      ),
    );
    for (const response of responses) {
      expect(response.status, response.text).toBe(201);
      expect(response.json).toEqual({ dealId, version: 3 });
      expect(response.headers.get('etag')).toBe('"3"');
    }
    const stored = await storedEventsOf(api, dealId);
    expect(stored).toHaveLength(3);
    expect(stored[2]).toMatchObject({ version: 3, type: 'ScopeChanged', idempotencyKey: 'same-key-everywhere' });
  });

  it(`given no deal, when ${PARALLEL} identical closes of one new deal id arrive at once, then all answer 201 version 1 and one item is stored`, async () => {
    const dealId = 'C-CLOSE-SAME';
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        call(index % 2 ? twin : api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) }),
      ),
    );
    for (const response of responses) {
      expect(response.status, response.text).toBe(201);
      expect(response.json).toEqual({ dealId, version: 1 });
    }
    expect(await storedEventsOf(api, dealId)).toHaveLength(1);
  });

  it(`given no deal, when ${PARALLEL} different closes of one new deal id arrive at once, then exactly one wins and the rest get 409`, async () => {
    const dealId = 'C-CLOSE-DIFF';
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) =>
        call(index % 2 ? twin : api, 'POST', '/v1/deals', {
          token: sales,
          body: closeDealBody(dealId, { value: { amount: 1_000 + index, currency: 'USD' } }),
        }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(PARALLEL - 1).fill(409)]);
    expect(await storedEventsOf(api, dealId)).toHaveLength(1);
    const winner = responses.find((response) => response.status === 201)!;
    const read = await call(api, 'GET', `/v1/deals/${dealId}`, { token: sales });
    expect(read.json.value.amount).toBe(1_000 + responses.indexOf(winner));
  });
});
