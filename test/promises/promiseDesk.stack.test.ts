import { beforeAll, describe, expect, it } from 'vitest';
import { useTestStack } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { catalogueEntryBody, hoursAfter, T0 } from '../support/promiseDesk.ts';
import { closeDealBody } from '../support/sampleDeals.ts';

/**
 * The promise desk end to end on the running local stack: the projector keeps the open commitments and
 * the escalations from the real stream, and the desk reads them back (PROMISES.md, worked by hand).
 *
 * T-OPS: 40 h a week, no reserve = 2,400 min a week. SEALCOAT-SQFT: 0.5 min a unit, so a lot of
 * 12,000 units is 6,000 min. T0 is Monday 1 March 2027 09:00 UTC, in ISO week 2027-W09.
 */
const { stack } = useTestStack();
let admin: string;
let sales: string;
let ops: string;

const rules = {
  version: 1,
  agreedBy: { sales: 'P-SALES-LEAD', ops: 'P-OPS-LEAD' },
  slaHours: { '1': 24, '2': 48, '3': 72 },
  rules: [{ id: 'beyond-capacity', when: { beyondCapacity: true }, level: 1 }],
};
const daysAfter = (days: number) => hoursAfter(T0, days * 24);
/** D-A: closed at T0, due in five weeks (2027-W14); scheduled W09, W10 and half of W11. */
const roomy = closeDealBody('D-A', { closedAt: T0, promise: { deliverBy: daysAfter(35) } });
/** D-B: the same work due in a week (2027-W10): first in line, it still needs until W11. */
const rushed = closeDealBody('D-B', { closedAt: T0, promise: { deliverBy: daysAfter(7) } });

beforeAll(async () => {
  [admin, sales, ops] = await Promise.all([tokenFor('A-1', 'admin'), tokenFor('P-SALES-1', 'sales'), tokenFor('P-OPS-1', 'ops')]);
  expect((await call(stack, 'PUT', '/v1/catalog/SEALCOAT-SQFT', { token: ops, body: catalogueEntryBody() })).status).toBe(201);
  expect((await call(stack, 'PUT', '/v1/capacity/T-OPS', { token: ops, body: { weeklyHours: 40, reservePercent: 0 } })).status).toBe(201);
  expect((await call(stack, 'PUT', '/v1/rules-of-engagement', { token: admin, body: rules })).status).toBe(201);
  expect((await call(stack, 'POST', '/v1/deals', { token: sales, body: roomy })).status).toBe(201);
  await stack.drain();
});

describe('given D-A closed within the rules and projected', () => {
  it('when anyone reads the capacity view, then D-A is a commitment of 6,000 minutes finishing in W11, not at risk', async () => {
    const view = await call(stack, 'GET', `/v1/capacity/T-OPS?from=2027-W09&weeks=3&at=${encodeURIComponent(T0)}`, { token: sales });

    expect(view.status).toBe(200);
    expect(view.json.commitments).toEqual([{ dealId: 'D-A', minutes: 6000, deliverBy: roomy.promise.deliverBy, finishWeek: '2027-W11', atRisk: false }]);
    expect(view.json.weeks.map((week: { scheduledMinutes: number }) => week.scheduledMinutes)).toEqual([2400, 2400, 1200]);
  });

  it('when sales checks D-B due in a week, then it does not fit, needs operations (beyond-capacity) and its honest date is the end of W11', async () => {
    const check = await call(stack, 'POST', '/v1/promise-checks', { token: sales, body: rushed });

    expect(check.status).toBe(200);
    expect(check.json).toMatchObject({ fits: false, beyondCapacity: true, verdict: { level: 1, rules: ['beyond-capacity'], rulesVersion: 1 } });
    expect(check.json.teams[0]).toMatchObject({ opsTeam: 'T-OPS', minutes: 6000, finishWeek: '2027-W11' });
  });
});

describe('given D-B escalated, approved by operations with a later date and closed under that approval', () => {
  beforeAll(async () => {
    const opened = await call(stack, 'POST', '/v1/escalations', { token: sales, body: { escalationId: 'E-1', at: T0, proposal: rushed } });
    expect(opened.status).toBe(201);
    await stack.drain();
  });

  it('then the open escalation is listed, at level 1, due 24 hours later', async () => {
    const open = await call(stack, 'GET', '/v1/escalations?status=open', { token: admin });

    expect(open.status).toBe(200);
    expect(open.json.items).toEqual([expect.objectContaining({ escalationId: 'E-1', dealId: 'D-B', status: 'open', level: 1 })]);
    expect(Date.parse(open.json.items[0].dueBy)).toBe(Date.parse(hoursAfter(T0, 24)));
  });

  it('then the deal closes as approved and the scorecard counts one close of each class and one approved escalation', async () => {
    const approvedDate = daysAfter(21);
    const decided = await call(stack, 'POST', '/v1/escalations/E-1/decision', {
      token: ops,
      body: { at: hoursAfter(T0, 2), decision: 'approved', deliverBy: approvedDate, note: 'Crew B takes it after D-A' },
    });
    expect(decided.status).toBe(201);

    const closed = await call(stack, 'POST', '/v1/deals', { token: sales, body: { ...rushed, promise: { deliverBy: approvedDate }, escalationId: 'E-1' } });
    expect(closed.status).toBe(201);
    await stack.drain();

    const deal = await call(stack, 'GET', '/v1/deals/D-B', { token: admin });
    // The check at the close judges the approved date (W12), which fits: no rule fires, and the class is the approval's.
    expect(deal.json.engagement).toEqual({ class: 'approved', level: 0, rules: [], rulesVersion: 1, escalationId: 'E-1' });
    const scorecard = await call(stack, 'GET', '/v1/scorecards/2027-03', { token: admin });
    expect(scorecard.json.engagement).toMatchObject({ withinRules: 1, approved: 1, outsideRules: 0, escalations: { opened: 1, approved: 1, rejected: 0 } });
    expect((await call(stack, 'GET', '/v1/escalations?status=open', { token: admin })).json.items).toEqual([]);
  });
});
