import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecordedDealEvent } from '../../domain/envelope.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { scorecardNpsOf } from '../support/apiSteps.ts';
import { useTestStack } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { closeDealBody, handoffBody, promiseRevisionBody, scopeChangeBody } from '../support/sampleDeals.ts';
import { countItems, storedEventsOf } from '../support/storedItems.ts';

/*
 * A customer's survey answer is recorded on its deal's stream, but it arrives beside the deal's
 * commands: the version clients see (201 body, ETag, If-Match, the deal view) counts the commands
 * only. Over HTTP, on the whole local stack, with answers sent as signed Delighted webhooks.
 */

const SECRET = 'beside-commands-secret-5e2a';
const { stack } = useTestStack({ processEnv: { HANDSHAKE_DELIGHTED_SECRET: SECRET } });
const sales = await tokenFor('P-SALES-1', 'sales');
const leadership = await tokenFor('P-LEAD', 'leadership');

/** A signed Delighted survey response (the documented body) answering for a deal. */
const sendAnswer = async (dealId: string, id: string, score: number, createdAt: string) => {
  const fixture = new URL('../fixtures/nps/delighted-survey-response-created.json', import.meta.url);
  const body = JSON.parse(readFileSync(fixture, 'utf8'));
  body.event_data.id = id;
  body.event_data.score = score;
  body.event_data.created_at = body.event_data.updated_at = Date.parse(createdAt) / 1000;
  body.event_data.person_properties.deal_id = dealId;
  const raw = Buffer.from(JSON.stringify(body));
  const signature = createHmac('sha256', SECRET).update(raw).digest('hex');
  const response = await fetch(`${stack.url}/v1/nps/delighted`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-delighted-webhook-signature': `sha256=${signature}` },
    body: raw,
  });
  return { status: response.status, json: await response.json() };
};

const scopeChange = (dealId: string, ifMatch: string, reason: string, at = '2026-10-05T10:00:00Z') =>
  call(stack, 'POST', `/v1/deals/${dealId}/scope-changes`, {
    token: sales,
    body: scopeChangeBody({ reason, at }),
    headers: { 'if-match': ifMatch },
  });

describe('NPS answers beside the deal commands', () => {
  it('given a client holding version 2 after close and handoff, when two answers arrive by webhook, then a scope change with If-Match "2" succeeds as version 3, and the view shows version 3 with every event in place', async () => {
    const dealId = 'B-1';
    expect((await call(stack, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) })).status).toBe(201);
    const handoff = await call(stack, 'POST', `/v1/deals/${dealId}/handoff`, { token: sales, body: handoffBody() });
    expect(handoff.json.version).toBe(2);
    expect(handoff.headers.get('etag')).toBe('"2"');

    expect((await sendAnswer(dealId, 'b1-first', 9, '2026-10-04T09:00:00Z')).status).toBe(201);
    expect((await sendAnswer(dealId, 'b1-second', 4, '2026-10-04T10:00:00Z')).status).toBe(201);
    const held = await call(stack, 'GET', `/v1/deals/${dealId}`, { token: sales });
    expect(held.json.version).toBe(2);
    expect(held.headers.get('etag')).toBe('"2"');

    const changed = await scopeChange(dealId, '"2"', 'Lot B added');

    expect(changed.status, changed.text).toBe(201);
    expect(changed.json).toEqual({ dealId, version: 3 });
    expect(changed.headers.get('etag')).toBe('"3"');
    const view = await call(stack, 'GET', `/v1/deals/${dealId}`, { token: sales });
    expect(view.json.version).toBe(3);
    expect(view.headers.get('etag')).toBe('"3"');
    expect(view.json.nps).toMatchObject({ score: 4 });
    expect(view.json.events.map((event: any) => [event.type, event.version, event.dealVersion])).toEqual([
      ['DealClosed', 1, 1],
      ['HandoffCompleted', 2, 2],
      ['NpsResponseRecorded', 3, 2],
      ['NpsResponseRecorded', 4, 2],
      ['ScopeChanged', 5, 3],
    ]);
    // The store keeps every event in its place: the answers still take part in its optimistic concurrency.
    expect((await storedEventsOf(stack, dealId)).map((item) => item.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('given a deal whose answers arrived after version 2, when a second client still holding "2" changes it after the first did, then that client gets 412 naming the command version', async () => {
    const dealId = 'B-2';
    expect((await call(stack, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) })).status).toBe(201);
    expect((await call(stack, 'POST', `/v1/deals/${dealId}/handoff`, { token: sales, body: handoffBody() })).status).toBe(201);
    expect((await sendAnswer(dealId, 'b2-first', 10, '2026-10-04T09:00:00Z')).status).toBe(201);
    expect((await scopeChange(dealId, '"2"', 'first client')).status).toBe(201);
    const before = await countItems(stack);

    const late = await scopeChange(dealId, '"2"', 'second client');

    expect(late.status).toBe(412);
    expect(late.headers.get('content-type')).toBe('application/problem+json');
    expect(late.json.detail).toBe('If-Match expected version 2 but it is at version 3');
    expect(await countItems(stack)).toBe(before);
  });

  it('given a recorded answer, when the provider retries the same webhook, then it is a duplicate, nothing is stored and the version clients hold still works', async () => {
    const dealId = 'B-3';
    expect((await call(stack, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) })).status).toBe(201);
    expect((await sendAnswer(dealId, 'b3-only', 8, '2026-10-04T09:00:00Z')).status).toBe(201);
    const before = await countItems(stack);

    const retry = await sendAnswer(dealId, 'b3-only', 8, '2026-10-04T09:00:00Z');

    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ responseId: 'b3-only', dealId, attributed: true, status: 'duplicate' });
    expect(await countItems(stack)).toBe(before);
    const revised = await call(stack, 'POST', `/v1/deals/${dealId}/promise-revisions`, {
      token: sales,
      body: promiseRevisionBody(),
      headers: { 'if-match': '"1"' },
    });
    expect(revised.status, revised.text).toBe(201);
    expect(revised.json.version).toBe(2);
  });

  it('given a deal stored the old way (answers between commands, a pre-engagement close), when it is read and changed, then its version counts its commands and the scorecard counts it as before', async () => {
    const dealId = 'B-OLD';
    const store = new DynamoEventStore(stack.client, stack.tableName);
    const envelope = (version: number) => ({
      eventId: randomUUID(),
      streamId: `deal#${dealId}`,
      version,
      recordedAt: '2026-11-20T12:00:00Z',
      actor: { id: 'P-SALES-1', roles: ['sales'] },
      tenantId: 'default',
    });
    const answer = (version: number, responseId: string, score: number) =>
      ({
        ...envelope(version),
        schemaVersion: 1,
        actor: { id: 'survey-tool:delighted', roles: [] },
        type: 'NpsResponseRecorded',
        occurredAt: '2026-11-12T09:00:00Z',
        data: { provider: 'delighted', responseId, score, dealId, respondedAt: '2026-11-12T09:00:00Z' },
      }) as unknown as RecordedDealEvent;
    // As the code before command versions wrote it, in schema version 1 (a close with no engagement yet).
    const { closedAt: _closedAt, ...sold } = closeDealBody(dealId, { promise: { deliverBy: '2026-11-20T17:00:00Z' } });
    const { at: _at, ...handedOff } = handoffBody();
    const old = [
      { ...envelope(1), schemaVersion: 1, type: 'DealClosed', occurredAt: '2026-11-02T15:00:00Z', data: sold },
      answer(2, 'old-first', 10),
      { ...envelope(3), schemaVersion: 1, type: 'HandoffCompleted', occurredAt: '2026-11-03T09:00:00Z', data: handedOff },
      answer(4, 'old-second', 2),
    ] as unknown as RecordedDealEvent[];
    for (const event of old) await store.append({ streamId: event.streamId, expectedVersion: event.version - 1, events: [event] });

    const read = await call(stack, 'GET', `/v1/deals/${dealId}`, { token: sales });
    expect(read.status, read.text).toBe(200);
    expect(read.json.version).toBe(2);
    expect(read.json.engagement).toBeNull();
    expect(read.json.events.map((event: any) => event.dealVersion)).toEqual([1, 1, 2, 2]);
    const changed = await scopeChange(dealId, '"2"', 'read the new way', '2026-11-05T10:00:00Z');
    expect(changed.status, changed.text).toBe(201);
    expect(changed.json.version).toBe(3);

    await stack.drain();
    const nps = await scorecardNpsOf(stack, leadership, '2026-11');
    expect(nps).toEqual({ responses: 2, promoters: 1, passives: 0, detractors: 1, score: 0 });
    const org = await call(stack, 'GET', '/v1/scorecards/2026-11', { token: leadership });
    expect(org.json.deals.closed).toBe(1);
    expect(org.json.handoff.count).toBe(1);
  });
});
