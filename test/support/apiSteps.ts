import { expect } from 'vitest';
import type { RunningApi } from '../../functions/local/localApi.ts';
import { call, type CallOptions, type CallResponse, type TestApi } from './localApi.ts';
import { closeDealBody, handoffBody } from './sampleDeals.ts';
import { countItems } from './storedItems.ts';

type Api = Pick<RunningApi, 'url'>;

/** Closes a deal as API.md's example sells it and hands it off, checking each step was accepted. */
export const closeAndHandOff = async (api: Api, token: string, dealId: string) => {
  expect((await call(api, 'POST', '/v1/deals', { token, body: closeDealBody(dealId) })).status).toBe(201);
  expect((await call(api, 'POST', `/v1/deals/${dealId}/handoff`, { token, body: handoffBody() })).status).toBe(201);
};

/** The NPS of one month's scorecard for a dimension (the whole org unless named), checking it was readable. */
export const scorecardNpsOf = async (api: Api, token: string, month: string, dimension = 'org') => {
  const response = await call(api, 'GET', `/v1/scorecards/${month}?dimension=${encodeURIComponent(dimension)}`, { token });
  expect(response.status).toBe(200);
  return response.json.nps;
};

/**
 * Sends the request (to `api`, or `through` another instance on its tables) and asserts the events table
 * holds exactly as many items afterwards as before.
 */
export const callStoringNothing = async (
  api: Pick<TestApi, 'url' | 'client' | 'tableName'>,
  method: string,
  path: string,
  options: CallOptions,
  through: Api = api,
): Promise<CallResponse> => {
  const before = await countItems(api);
  const response = await call(through, method, path, options);
  expect(await countItems(api), 'items stored by a repeated or refused request').toBe(before);
  return response;
};
