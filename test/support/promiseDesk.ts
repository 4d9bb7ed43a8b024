import { expect } from 'vitest';
import * as z from 'zod';
import type { RunningApi } from '../../functions/local/localApi.ts';
import { call } from './localApi.ts';
import { closeDealBody } from './sampleDeals.ts';

/** Bodies shaped like PROMISES.md's examples, with overrides for each case. */
export const catalogueEntryBody = (overrides: Record<string, unknown> = {}) => ({
  sku: 'SEALCOAT-SQFT',
  description: 'Sealcoat, per square foot',
  opsTeam: 'T-OPS',
  minutesPerUnit: 0.5,
  ...overrides,
});

export const capacityBody = (overrides: Record<string, unknown> = {}) => ({
  weeklyHours: 40,
  weeks: { '2026-W52': 8 },
  reservePercent: 10,
  ...overrides,
});

/** Rules that look at lead time and value only, so a case needs no catalogue unless it says so. */
export const rulesBody = (overrides: Record<string, unknown> = {}) => ({
  version: 1,
  agreedBy: { sales: 'P-SALES-LEAD', ops: 'P-OPS-LEAD' },
  slaHours: { '1': 24, '2': 48, '3': 72 },
  rules: [
    { id: 'short-lead', when: { leadDaysBelow: 5 }, level: 1 },
    { id: 'big-deal', when: { valueAtLeast: { amount: 5_000_000, currency: 'USD' } }, level: 2 },
    { id: 'absurd-deal', when: { valueAtLeast: { amount: 90_000_000, currency: 'USD' } }, level: 'off-the-table' },
  ],
  ...overrides,
});

/** The instant the escalation cases are opened at. */
export const T0 = '2027-03-01T09:00:00.000Z';
export const hoursAfter = (instant: string, hours: number): string => new Date(Date.parse(instant) + hours * 3_600_000).toISOString();

/** A proposal closed at T0 promising delivery two days later: short lead, so level 1 under rulesBody. */
export const shortLeadProposal = (dealId: string, overrides: Record<string, unknown> = {}) =>
  closeDealBody(dealId, { closedAt: T0, promise: { deliverBy: hoursAfter(T0, 48) }, ...overrides });

/** A proposal closed at T0 with three weeks of lead: within rulesBody unless its value is big. */
export const roomyProposal = (dealId: string, overrides: Record<string, unknown> = {}) =>
  closeDealBody(dealId, { closedAt: T0, promise: { deliverBy: hoursAfter(T0, 21 * 24) }, ...overrides });

export const escalationBody = (escalationId: string, proposal: Record<string, unknown>, at = T0) => ({ escalationId, at, proposal });

export const decisionBody = (at: string, overrides: Record<string, unknown> = {}) => ({
  at,
  decision: 'approved',
  note: 'Crew B can take it',
  ...overrides,
});

type Doc = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, any> } };

/** Checks answers against the schemas the served OpenAPI document gives for them. */
export const openApiChecker = async (api: Pick<RunningApi, 'url'>) => {
  const doc = (await call(api, 'GET', '/v1/openapi.json')).json as Doc;
  const fits = (jsonSchema: unknown, value: unknown) => {
    const parsed = z.fromJSONSchema(jsonSchema as Parameters<typeof z.fromJSONSchema>[0]).safeParse(value);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 2)).toBe(true);
  };
  return {
    /** The answer fits the success schema of `method path` for `status`. */
    expectDocumented: (method: string, path: string, status: number, value: unknown) => {
      const operation = doc.paths[path]?.[method.toLowerCase()];
      expect(operation, `${method} ${path} is documented`).toBeDefined();
      fits(operation.responses[String(status)].content['application/json'].schema, value);
    },
    expectProblemDocumented: (value: unknown) => fits(doc.components.schemas.Problem, value),
  };
};
