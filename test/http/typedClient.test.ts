import { readFile } from 'node:fs/promises';
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesOf } from '../support/apiTypes.ts';
import { expectDocumentedAnswer } from '../support/contractCheck.ts';
import type { paths } from '../support/handshakeApi.generated.ts';
import { useTestStack } from '../support/httpFixture.ts';
import { tokenFor } from '../support/localApi.ts';

/*
 * An outside client's view: types generated from the served document by openapi-typescript, a client made
 * by openapi-fetch from them, and nothing of Handshake's own code. The types are kept in the repository so
 * tsc checks this file against them; the first test fails when they are not what the served document
 * generates today.
 */

const { stack } = useTestStack();
const sales = await tokenFor('P-SALES-1', 'sales');
const ops = await tokenFor('P-OPS-1', 'ops');
const leadership = await tokenFor('P-LEAD-1', 'leadership');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const client = () => {
  const typed = createClient<paths>({ baseUrl: stack.url });
  // Every answer the typed client receives is checked against the contract too, as `call`'s are.
  typed.use({
    onResponse: async ({ request, response }) => {
      expectDocumentedAnswer(request.method, request.url, { status: response.status, headers: response.headers, text: await response.clone().text() });
    },
  });
  return typed;
};

describe('a client generated from the served OpenAPI document', () => {
  it('given the document GET /v1/openapi.json serves, when openapi-typescript generates types from it, then they are the ones kept in the repository', async () => {
    const { data, response } = await client().GET('/v1/openapi.json');
    expect(response.status).toBe(200);

    const generated = await apiTypesOf(data);

    expect(generated === (await readFile(API_TYPES_FILE, 'utf8')), 'the kept client types are stale: run `npm run contract:types`').toBe(true);
  }, 60_000);

  it('given the typed client, when it closes, hands off and delivers a deal, then the deal and the ops team scorecard show the promise kept', async () => {
    const api = client();

    const closed = await api.POST('/v1/deals', {
      headers: bearer(sales),
      params: { header: { 'Idempotency-Key': 'typed-close-T-1' } },
      body: {
        dealId: 'T-1',
        closedAt: '2026-10-02T15:00:00Z',
        customer: { id: 'C-7', name: 'Acme Paving' },
        seller: { id: 'P-SALES-1' },
        salesTeam: 'T-SALES',
        value: { amount: 1_250_000, currency: 'USD' },
        scope: [{ sku: 'SEALCOAT-SQFT', quantity: 12_000 }],
        promise: { deliverBy: '2026-10-20T17:00:00Z' },
      },
    });
    expect(closed.response.status).toBe(201);
    expect(closed.data).toEqual({ dealId: 'T-1', version: 1 });

    const handedOff = await api.POST('/v1/deals/{dealId}/handoff', {
      headers: bearer(sales),
      params: { path: { dealId: 'T-1' }, header: { 'If-Match': closed.response.headers.get('etag')! } },
      body: {
        at: '2026-10-03T09:00:00Z',
        opsOwner: { id: 'P-OPS-1' },
        opsTeam: 'T-OPS',
        checklist: { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms: false },
      },
    });
    expect(handedOff.data?.version).toBe(2);

    const delivered = await api.POST('/v1/deals/{dealId}/delivery', {
      headers: bearer(ops),
      params: { path: { dealId: 'T-1' } },
      body: { at: '2026-10-19T16:00:00Z', deliveredBy: { id: 'P-OPS-1' }, scope: [{ sku: 'SEALCOAT-SQFT', quantity: 12_000 }] },
    });
    expect(delivered.data?.version).toBe(3);

    const deal = await api.GET('/v1/deals/{dealId}', { headers: bearer(sales), params: { path: { dealId: 'T-1' } } });
    expect(deal.data?.status).toBe('delivered');
    expect(deal.data?.outcome).toMatchObject({ onTime: true, asSold: true, promiseKept: true });

    await stack.drain();
    const scorecard = await api.GET('/v1/scorecards/{month}', {
      headers: bearer(leadership),
      params: { path: { month: '2026-10' }, query: { dimension: 'team:T-OPS' } },
    });
    expect(scorecard.error).toBeUndefined();
    expect(scorecard.data?.delivery).toMatchObject({ delivered: 1, promiseKept: 1, promiseKeptRate: 1 });
  });

  it('given the typed client, when a command is refused, then the error is the problem the document declares', async () => {
    const refused = await client().POST('/v1/deals/{dealId}/delivery', {
      headers: bearer(ops),
      params: { path: { dealId: 'T-NONE' } },
      body: { at: '2026-10-19T16:00:00Z', deliveredBy: { id: 'P-OPS-1' }, scope: [{ sku: 'SEALCOAT-SQFT', quantity: 1 }] },
    });

    expect(refused.response.status).toBe(404);
    expect(refused.error).toMatchObject({ status: 404, type: 'urn:handshake:problem:unknown-deal' });
  });
});
