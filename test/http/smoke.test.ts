import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestApi, tokenFor, type TestApi } from '../support/localApi.ts';
import { closeDealBody } from '../support/sampleDeals.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('smoke', () => {
  it('closes a deal and reads it back', async () => {
    const token = await tokenFor('P-SALES-1', 'sales');
    const closed = await call(api, 'POST', '/v1/deals', { token, body: closeDealBody('D-1') });
    expect(closed.status).toBe(201);
    expect(closed.json).toEqual({ dealId: 'D-1', version: 1 });
    const read = await call(api, 'GET', '/v1/deals/D-1', { token });
    expect(read.status).toBe(200);
    expect(read.json.status).toBe('closed');
  });
});
