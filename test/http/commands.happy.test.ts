import { beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../functions/http/routes.ts';
import { documentSchema } from '../support/contractCheck.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { call, tokenFor, type CallResponse } from '../support/localApi.ts';
import {
  cancellationBody,
  closeDealBody,
  deliveryBody,
  handoffBody,
  promiseRevisionBody,
  scopeChangeBody,
} from '../support/sampleDeals.ts';
import { storedEventsOf } from '../support/storedItems.ts';

const { api } = useTestApi();
const sales = await tokenFor('P-SALES-1', 'sales');
const ops = await tokenFor('P-OPS-1', 'ops');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const expectAccepted = (response: CallResponse, dealId: string, version: number) => {
  expect(response.status, response.text).toBe(201);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.json).toEqual({ dealId, version });
  expect(response.headers.get('etag')).toBe(`"${version}"`);
  expect(response.headers.get('location')).toBe(`/v1/deals/${dealId}`);
};

describe('every command route, in the order a deal lives it', () => {
  it('given a closed deal, when it is handed off, re-scoped, re-promised, delivered late and refunded, then each step answers 201 with the next version and the deal reads back accordingly', async () => {
    const dealId = 'HAPPY-1';

    // when the seller closes the deal
    expectAccepted(await call(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) }), dealId, 1);
    // then it reads back as closed with the sold promise and no outcome yet
    const closed = await call(api, 'GET', `/v1/deals/${dealId}`, { token: sales });
    expect(closed.status).toBe(200);
    expect(closed.headers.get('etag')).toBe('"1"');
    expect(closed.json).toMatchObject({
      dealId,
      version: 1,
      status: 'closed',
      promise: { deliverBy: '2026-10-20T17:00:00Z' },
      outcome: null,
      nps: null,
    });

    expectAccepted(await call(api, 'POST', `/v1/deals/${dealId}/handoff`, { token: sales, body: handoffBody() }), dealId, 2);
    expect((await call(api, 'GET', `/v1/deals/${dealId}`, { token: sales })).json.status).toBe('handed-off');

    // the customer asks for more scope (15 000 sq ft) and a later date (Oct 24, 17:00)
    expectAccepted(
      await call(api, 'POST', `/v1/deals/${dealId}/scope-changes`, { token: sales, body: scopeChangeBody() }),
      dealId,
      3,
    );
    expectAccepted(
      await call(api, 'POST', `/v1/deals/${dealId}/promise-revisions`, { token: sales, body: promiseRevisionBody() }),
      dealId,
      4,
    );

    // ops delivers the new scope 26.5 hours after the revised deadline
    expectAccepted(
      await call(api, 'POST', `/v1/deals/${dealId}/delivery`, {
        token: ops,
        body: deliveryBody({ at: '2026-10-25T19:30:00Z', scope: [{ sku: 'SEALCOAT-SQFT', quantity: 15_000 }] }),
      }),
      dealId,
      5,
    );
    const delivered = await call(api, 'GET', `/v1/deals/${dealId}`, { token: ops });
    expect(delivered.status).toBe(200);
    expect(delivered.json).toMatchObject({
      dealId,
      version: 5,
      status: 'delivered',
      promise: { deliverBy: '2026-10-24T17:00:00Z' },
      outcome: { onTime: false, asSold: true, promiseKept: false, lateByHours: 26.5 },
    });

    // a refund after delivery is a cancellation; the outcome stays on record
    expectAccepted(
      await call(api, 'POST', `/v1/deals/${dealId}/cancellation`, {
        token: ops,
        body: cancellationBody({ at: '2026-10-27T10:00:00Z', reason: 'Refunded' }),
      }),
      dealId,
      6,
    );
    const cancelled = await call(api, 'GET', `/v1/deals/${dealId}`, { token: sales });
    expect(cancelled.headers.get('etag')).toBe('"6"');
    expect(cancelled.json).toMatchObject({
      version: 6,
      status: 'cancelled',
      outcome: { onTime: false, asSold: true, promiseKept: false, lateByHours: 26.5 },
    });

    // and the timeline lists every fact with its envelope
    const events = cancelled.json.events as Record<string, unknown>[];
    expect(events.map((event) => [event.type, event.version])).toEqual([
      ['DealClosed', 1],
      ['HandoffCompleted', 2],
      ['ScopeChanged', 3],
      ['PromiseRevised', 4],
      ['DeliveryCompleted', 5],
      ['DealCancelled', 6],
    ]);
    for (const event of events) {
      expect(Object.keys(event).sort()).toEqual(['actor', 'data', 'dealVersion', 'eventId', 'occurredAt', 'recordedAt', 'type', 'version']);
      expect(event.eventId).toMatch(UUID);
      expect(event.recordedAt).toMatch(ISO_INSTANT);
    }
    expect(new Set(events.map((event) => event.eventId)).size).toBe(6);
    expect(events.map((event) => event.occurredAt)).toEqual([
      '2026-10-02T15:00:00Z',
      '2026-10-03T09:00:00Z',
      '2026-10-05T10:00:00Z',
      '2026-10-06T10:00:00Z',
      '2026-10-25T19:30:00Z',
      '2026-10-27T10:00:00Z',
    ]);
    expect(events[0]!.actor).toEqual({ id: 'P-SALES-1', roles: ['sales'] });
    expect(events[4]!.actor).toEqual({ id: 'P-OPS-1', roles: ['ops'] });
    expect(events[0]!.data).toMatchObject({ dealId, value: { amount: 1_250_000, currency: 'USD' } });
    expect(events[0]!.data).not.toHaveProperty('closedAt');
    expect(events[1]!.data).toEqual({
      opsOwner: { id: 'P-OPS-1' },
      opsTeam: 'T-OPS',
      checklist: { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms: false },
      notes: 'Gate code 4411',
    });
    expect(events[5]!.data).toEqual({ reason: 'Refunded' });

    // and exactly six items are stored for the deal
    expect((await storedEventsOf(api, dealId)).map((item) => item.type)).toEqual(events.map((event) => event.type));
  });

  it('given a handed-off deal, when ops delivers the sold scope before the deadline, then the outcome is a kept promise', async () => {
    const dealId = 'HAPPY-2';
    await call(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) });
    await call(api, 'POST', `/v1/deals/${dealId}/handoff`, { token: sales, body: handoffBody() });
    expectAccepted(await call(api, 'POST', `/v1/deals/${dealId}/delivery`, { token: ops, body: deliveryBody() }), dealId, 3);

    const read = await call(api, 'GET', `/v1/deals/${dealId}`, { token: ops });
    expect(read.json.status).toBe('delivered');
    expect(read.json.outcome).toEqual({ onTime: true, asSold: true, promiseKept: true, lateByHours: 0 });
  });

  it('given a closed deal, when the seller cancels it, then it answers 201 version 2 and reads back as cancelled without an outcome', async () => {
    const dealId = 'HAPPY-3';
    await call(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) });
    expectAccepted(
      await call(api, 'POST', `/v1/deals/${dealId}/cancellation`, { token: sales, body: cancellationBody() }),
      dealId,
      2,
    );
    const read = await call(api, 'GET', `/v1/deals/${dealId}`, { token: sales });
    expect(read.json).toMatchObject({ status: 'cancelled', outcome: null, version: 2 });
  });

  it('given an admin, when they run every command, then each is accepted (admin may do anything)', async () => {
    const admin = await tokenFor('P-ADMIN', 'admin');
    const dealId = 'HAPPY-ADMIN';
    expectAccepted(await call(api, 'POST', '/v1/deals', { token: admin, body: closeDealBody(dealId) }), dealId, 1);
    expectAccepted(await call(api, 'POST', `/v1/deals/${dealId}/handoff`, { token: admin, body: handoffBody() }), dealId, 2);
    expectAccepted(await call(api, 'POST', `/v1/deals/${dealId}/scope-changes`, { token: admin, body: scopeChangeBody() }), dealId, 3);
    expectAccepted(
      await call(api, 'POST', `/v1/deals/${dealId}/promise-revisions`, { token: admin, body: promiseRevisionBody() }),
      dealId,
      4,
    );
    expectAccepted(await call(api, 'POST', `/v1/deals/${dealId}/delivery`, { token: admin, body: deliveryBody() }), dealId, 5);
    expectAccepted(
      await call(api, 'POST', `/v1/deals/${dealId}/cancellation`, { token: admin, body: cancellationBody({ at: '2026-10-28T00:00:00Z' }) }),
      dealId,
      6,
    );
  });

  it('given no deal, when GET /v1/deals/{id} asks for it, then 404 problem', async () => {
    const read = await call(api, 'GET', '/v1/deals/NO-SUCH-DEAL', { token: sales });
    expect(read.status).toBe(404);
    expect(read.headers.get('content-type')).toBe('application/problem+json');
    expect(read.json).toMatchObject({ status: 404, title: expect.any(String), type: expect.any(String), detail: expect.any(String) });
  });
});

describe('GET /v1/openapi.json', () => {
  it('given no token, when the document is fetched, then it is OpenAPI 3.1.0 and covers every route with its request schema', async () => {
    const response = await call(api, 'GET', '/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = response.json as {
      openapi: string;
      paths: Record<string, Record<string, any>>;
      components: { schemas: Record<string, any> };
    };
    expect(doc.openapi).toBe('3.1.0');

    for (const route of routes) {
      expect(doc.paths[route.path]?.[route.method.toLowerCase()], `${routeKey(route)} is documented`).toBeDefined();
    }

    const closeDeal = doc.paths['/v1/deals']!.post;
    const named = (schema: { $ref: string }) => doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    const schema = named(closeDeal.requestBody.content['application/json'].schema);
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(
      expect.arrayContaining(['dealId', 'closedAt', 'customer', 'seller', 'salesTeam', 'value', 'scope', 'promise']),
    );
    expect(schema.properties.value.required).toEqual(expect.arrayContaining(['amount', 'currency']));
    expect(schema.properties.value.properties.amount.type).toBe('integer');
    expect(schema.properties.value.properties.amount.minimum).toBe(0);
    expect(schema.properties.closedAt.format).toBe('date-time');
    expect(closeDeal.responses['201']).toBeDefined();
    expect(closeDeal.security).toEqual([{ bearer: [] }]);

    const handoff = doc.paths['/v1/deals/{dealId}/handoff']!.post;
    expect(handoff.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'dealId', in: 'path', required: true }),
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }),
        expect.objectContaining({ name: 'If-Match', in: 'header' }),
      ]),
    );
    expect(named(handoff.requestBody.content['application/json'].schema).required).toEqual(
      expect.arrayContaining(['at', 'opsOwner', 'opsTeam', 'checklist']),
    );
  });
});

describe('the served OpenAPI document describes the real traffic', () => {
  type Doc = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, any> } };
  let doc: Doc;
  beforeAll(async () => {
    doc = (await call(api, 'GET', '/v1/openapi.json')).json as Doc;
  });
  const schemaOf = (jsonSchema: unknown) => documentSchema(jsonSchema, doc.components.schemas);
  const expectFits = (jsonSchema: unknown, value: unknown) => {
    const parsed = schemaOf(jsonSchema).safeParse(value);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 2)).toBe(true);
  };

  it('given the API.md example body, then it fits the documented request schema, and a negative amount does not', () => {
    const request = doc.paths['/v1/deals']!.post.requestBody.content['application/json'].schema;
    expectFits(request, closeDealBody('D-1001'));
    expect(schemaOf(request).safeParse(closeDealBody('D-1001', { value: { amount: -5, currency: 'USD' } })).success).toBe(false);
  });

  it('given real 201, 200 and problem responses, then each fits the schema the document gives for it', async () => {
    const dealId = 'HAPPY-DOC';
    const closed = await call(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) });
    expectFits(doc.paths['/v1/deals']!.post.responses['201'].content['application/json'].schema, closed.json);
    await call(api, 'POST', `/v1/deals/${dealId}/handoff`, { token: sales, body: handoffBody() });
    const delivered = await call(api, 'POST', `/v1/deals/${dealId}/delivery`, { token: ops, body: deliveryBody() });
    expectFits(doc.paths['/v1/deals/{dealId}/delivery']!.post.responses['201'].content['application/json'].schema, delivered.json);

    const read = await call(api, 'GET', `/v1/deals/${dealId}`, { token: sales });
    expect(read.json.outcome).not.toBeNull();
    expectFits(doc.paths['/v1/deals/{dealId}']!.get.responses['200'].content['application/json'].schema, read.json);

    const invalid = await call(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody('HAPPY-DOC-2', { closedAt: 'soon' }) });
    expect(invalid.status).toBe(400);
    expectFits({ $ref: '#/components/schemas/Problem' }, invalid.json);
  });
});
