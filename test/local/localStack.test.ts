import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBusEvents } from '../../functions/local/localEventBus.ts';
import { call, startTestStack, tokenFor, type TestStack } from '../support/localApi.ts';
import { closeDealBody, deliveryBody, handoffBody } from '../support/sampleDeals.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ publishing: true });
});
afterAll(() => stack.close());

describe('the local stack end to end', () => {
  it('given commands over HTTP, when the stream has been consumed, then the scorecard reflects them and the bus has every event', async () => {
    const sales = await tokenFor('P-SALES-1', 'sales');
    const ops = await tokenFor('P-OPS-1', 'ops');
    expect((await call(stack, 'POST', '/v1/deals', { token: sales, body: closeDealBody('E2E-1') })).status).toBe(201);
    expect((await call(stack, 'POST', '/v1/deals/E2E-1/handoff', { token: sales, body: handoffBody() })).status).toBe(201);
    expect((await call(stack, 'POST', '/v1/deals/E2E-1/delivery', { token: ops, body: deliveryBody() })).status).toBe(201);

    await stack.drain();

    const scorecard = await call(stack, 'GET', '/v1/scorecards/2026-10', { token: sales });
    expect(scorecard.json.deals.closed).toBe(1);
    expect(scorecard.json.delivery).toMatchObject({ delivered: 1, promiseKept: 1, promiseKeptRate: 1 });
    const published = await readBusEvents(stack.dataDir);
    expect(published.map((event) => event['detail-type'])).toEqual(['DealClosed', 'HandoffCompleted', 'DeliveryCompleted']);
    expect(published.every((event) => event.source === 'handshake.deals')).toBe(true);
  });
});
