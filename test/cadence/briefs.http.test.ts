import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { streamKinds } from '../../domain/streams.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { readBusEvents } from '../../functions/local/localEventBus.ts';
import { expectProblem } from '../support/expectProblem.ts';
import { useTestStack } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { openApiChecker } from '../support/promiseDesk.ts';
import { closeDealBody, deliveryBody, handoffBody, handoffReturnBody } from '../support/sampleDeals.ts';

/**
 * The weekly brief over real HTTP on the local stack (API, projector and publisher on the real
 * stream): 2027-W10 (Mon 8 .. Sun 14 March 2027, UTC) with a kept delivery, a late one, a returned
 * handoff, an NPS detractor and a seller's forecast; the clock reads Monday 15 March, 07:00.
 */

let clock = new Date('2027-03-15T07:00:00Z');
const { stack } = useTestStack({ publishing: true, now: () => clock });
const admin = await tokenFor('P-ADMIN', 'admin');
const sales = await tokenFor('P-SALES-1', 'sales');
const ops = await tokenFor('P-OPS-1', 'ops');
const lead = await tokenFor('P-LEAD', 'leadership');
const HOSTILE_CUSTOMER = '<script>alert(1)</script>';
let checker: Awaited<ReturnType<typeof openApiChecker>>;

const expectStatus = async (response: Promise<{ status: number; text: string }>, status: number) => {
  const answered = await response;
  expect(answered.status, answered.text).toBe(status);
};

beforeAll(async () => {
  checker = await openApiChecker(stack);
  const close = (dealId: string, overrides: Record<string, unknown> = {}) =>
    expectStatus(call(stack, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId, { closedAt: '2027-03-08T09:00:00Z', promise: { deliverBy: '2027-03-12T17:00:00Z' }, ...overrides }) }), 201);
  const handOff = (dealId: string) => expectStatus(call(stack, 'POST', `/v1/deals/${dealId}/handoff`, { token: sales, body: handoffBody({ at: '2027-03-08T12:00:00Z' }) }), 201);
  const deliver = (dealId: string, at: string) => expectStatus(call(stack, 'POST', `/v1/deals/${dealId}/delivery`, { token: ops, body: deliveryBody({ at }) }), 201);

  await close('B-KEPT');
  await handOff('B-KEPT');
  await deliver('B-KEPT', '2027-03-12T16:00:00Z');
  await close('B-LATE', { customer: { id: 'C-X', name: HOSTILE_CUSTOMER } });
  await handOff('B-LATE');
  await deliver('B-LATE', '2027-03-13T19:30:00Z');
  await close('B-RETURNED', { promise: { deliverBy: '2027-04-02T17:00:00Z' } });
  await handOff('B-RETURNED');
  const store = new DynamoEventStore(stack.client, stack.tableName);
  // Recorded straight into the streams: NPS answers and forecasts have routes of their own, tested elsewhere.
  const recorded = (streamId: string, version: number, type: string, occurredAt: string, data: unknown) =>
    store.append({
      streamId,
      expectedVersion: version - 1,
      events: [
        {
          type,
          occurredAt,
          data,
          eventId: crypto.randomUUID(),
          schemaVersion: streamKinds[streamId.split('#')[0] as 'deal'].schemaVersion,
          streamId,
          version,
          recordedAt: occurredAt,
          actor: { id: 'P-OPS-1', roles: ['ops'] },
          tenantId: 'default',
        } as never,
      ],
    });
  await expectStatus(
    call(stack, 'POST', '/v1/deals/B-RETURNED/handoff-return', { token: ops, body: handoffReturnBody({ at: '2027-03-09T10:00:00Z', gaps: ['customerContact'], note: 'No site phone' }) }),
    201,
  );
  await recorded('deal#B-KEPT', 4, 'NpsResponseRecorded', '2027-03-13T09:00:00Z', {
    provider: 'import',
    responseId: 'n-1',
    score: 4,
    comment: 'Crew left a mess',
    dealId: 'B-KEPT',
    respondedAt: '2027-03-13T09:00:00Z',
  });
  await recorded('forecast#P-SALES-1', 1, 'ForecastSubmitted', '2027-03-10T09:00:00Z', { personId: 'P-SALES-1', month: '2027-04', commit: { amount: 5_000_000, currency: 'USD' } });
  await stack.drain();
});

describe('POST /v1/briefs/{week}', () => {
  it('given the week has ended, when an admin publishes it, then 201 with every section from the projected facts', async () => {
    const response = await call(stack, 'POST', '/v1/briefs/2027-W10', { token: admin });

    expect(response.status, response.text).toBe(201);
    checker.expectDocumented('POST', '/v1/briefs/{week}', 201, response.json);
    const brief = response.json;
    expect(brief).toMatchObject({ week: '2027-W10', from: '2027-03-08T00:00:00Z', to: '2027-03-15T00:00:00Z', preparedAt: '2027-03-15T07:00:00.000Z' });
    expect(brief.links).toEqual({ json: '/v1/briefs/2027-W10', html: '/v1/briefs/2027-W10/html' });
    expect(brief.closes.find((c: { class: string }) => c.class === 'within-rules').count).toBe(3);
    expect(brief.deliveries.kept.map((d: { dealId: string }) => d.dealId)).toEqual(['B-KEPT']);
    expect(brief.deliveries.missed.map((d: { dealId: string; why: string[] }) => [d.dealId, d.why])).toEqual([['B-LATE', ['late by 1 d 2.5 h (26.5 h)']]]);
    expect(brief.handoffsReturned).toMatchObject([{ dealId: 'B-RETURNED', gaps: ['customerContact'], note: 'No site phone' }]);
    expect(brief.nps).toMatchObject([{ dealId: 'B-KEPT', score: 4, category: 'detractor', comment: 'Crew left a mess' }]);
    expect(brief.forecasts).toMatchObject({ month: '2027-04', called: [{ personId: 'P-SALES-1', commit: { amount: 5_000_000 } }], notCalled: [] });
  });

  it('given the week is published, when it is published again (a retry or the schedule), then 200 with the first brief and nothing more recorded or announced', async () => {
    const first = await call(stack, 'GET', '/v1/briefs/2027-W10', { token: admin });
    clock = new Date('2027-03-15T09:00:00Z');

    const again = await call(stack, 'POST', '/v1/briefs/2027-W10', { token: admin });

    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    const stream = await new DynamoEventStore(stack.client, stack.tableName).readStream('brief#2027-W10');
    expect(stream.events.map((stored) => [stored.event.type, stored.event.data])).toEqual([
      ['WeeklyBriefPublished', { week: '2027-W10', preparedAt: '2027-03-15T07:00:00.000Z', documents: { json: '2027-W10/brief-2027-W10.json', html: '2027-W10/brief-2027-W10.html' } }],
    ]);
    await stack.drain();
    const announced = (await readBusEvents(stack.dataDir)).filter((event) => event['detail-type'] === 'WeeklyBriefPublished');
    expect(announced).toHaveLength(1);
    expect(announced[0]!.detail).toMatchObject({ streamId: 'brief#2027-W10', data: { week: '2027-W10' } });
  });

  it('given the brief is published, when the stored files are read, then the JSON and the HTML are in the briefs folder', async () => {
    const json = JSON.parse(await readFile(join(stack.dataDir, 'briefs', '2027-W10', 'brief-2027-W10.json'), 'utf8'));
    const html = await readFile(join(stack.dataDir, 'briefs', '2027-W10', 'brief-2027-W10.html'), 'utf8');

    expect(json.week).toBe('2027-W10');
    expect(html).toContain('<h1>Weekly brief, 2027-W10, Mon 8 Mar to Sun 14 Mar</h1>');
  });

  it('given the week still running, when an admin publishes it, then 409 week-not-ended and nothing is recorded', async () => {
    const response = await call(stack, 'POST', '/v1/briefs/2027-W11', { token: admin });

    expectProblem(response, 409, 'week-not-ended');
    const stream = await new DynamoEventStore(stack.client, stack.tableName).readStream('brief#2027-W11');
    expect(stream.events).toEqual([]);
  });

  it.each([
    ['a week the year does not have', '2027-W53', admin, 400],
    ['a week that is not one', '2027-10', admin, 400],
    ['a seller', '2027-W09', sales, 403],
  ])('given %s, when the brief is published, then it is refused', async (_, week, token, status) => {
    const response = await call(stack, 'POST', `/v1/briefs/${week}`, { token });

    expect(response.status).toBe(status);
    if (status === 400) expect(response.json.errors).toEqual([{ path: 'path.week', message: expect.stringContaining(week) }]);
  });
});

describe('GET /v1/briefs/{week}', () => {
  it.each([
    ['sales', sales],
    ['ops', ops],
    ['leadership', lead],
  ])('given a published brief, when %s reads it, then 200 and the same brief', async (_, token) => {
    const response = await call(stack, 'GET', '/v1/briefs/2027-W10', { token });

    expect(response.status).toBe(200);
    checker.expectDocumented('GET', '/v1/briefs/{week}', 200, response.json);
    expect(response.json.week).toBe('2027-W10');
  });

  it('given a published brief, when its HTML is read, then the page comes as text/html under a strict CSP with the customer name escaped', async () => {
    const response = await call(stack, 'GET', '/v1/briefs/2027-W10/html', { token: ops });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(response.text).not.toContain(HOSTILE_CUSTOMER);
    expect(response.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('given no brief of a week, when it is read, then 404 brief-not-published', async () => {
    expectProblem(await call(stack, 'GET', '/v1/briefs/2027-W09', { token: sales }), 404, 'brief-not-published');
    expectProblem(await call(stack, 'GET', '/v1/briefs/2027-W09/html', { token: sales }), 404, 'brief-not-published');
  });
});
