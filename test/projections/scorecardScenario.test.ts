import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDealCommandService } from '../../functions/commands/dealCommandService.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { call, startTestApi, tokenFor, type TestApi } from '../support/localApi.ts';
import { projectAllStoredEvents } from '../support/projection.ts';
import { cancellationBody, closeDealBody, deliveryBody, handoffBody, promiseRevisionBody, scopeChangeBody } from '../support/sampleDeals.ts';

/*
 * The hand-computed scorecard scenario: 13 deals over October and November 2026, driven through the
 * HTTP API, projected by the real projector handler, read back over HTTP. Every expected number below
 * was worked out by hand from this table; none is computed by the code under test.
 *
 * Business time zone: America/New_York (EDT, -04:00, until 2026-11-01 02:00; EST, -05:00, after).
 *   End of 2026-10 = 2026-11-01T04:00Z; due window for October = (2026-11-01T04:00Z, 2026-12-01T04:00Z].
 *   End of 2026-11 = 2026-12-01T05:00Z; due window for November = (2026-12-01T05:00Z, 2026-12-31T05:00Z].
 *   End of 2026-12 = 2027-01-01T05:00Z; due window for December = (2027-01-01T05:00Z, 2027-01-31T05:00Z].
 *
 * Two teams, four people: team T-A = seller P-S1 + ops P-O1; team T-B = seller P-S2 + ops P-O2.
 * A team is both a sales team (salesTeam) and an ops team (opsTeam). A deal counts, whole, for org,
 * its seller and sales team, and once handed off also its ops owner and ops team, and its deliverer.
 * All times below are New York wall clock; every deal has one scope line of SKU "S".
 *
 * deal seller ops   deliv value       closed            deliver-by in force      handoff: at, lag, checklist   what happens                                delivery: at, on time/as sold/kept  cancelled
 * D01  S1/A  O1/A  O1    100 000 USD  10-01 09:00       10-20 17:00              10-02 09:00, 24 h,  4/4       plain                                       10-15 12:00 Y/Y/Y                    -
 * D02  S1/A  O1/A  O1    200 000 USD  10-05 10:00       11-06 17:00 (customer)   10-05 16:00,  6 h,  4/4       customer moved 10-25 -> 11-06 on 10-10      11-04 12:00 Y/Y/Y                    -
 * D03  S1/A  O1/A  O1    300 000 USD  10-06 10:00       10-28 17:00              10-07 16:00, 30 h,  4/4       ops moved it to 11-10 on 10-20: not in force 11-09 12:00 N/Y/N                   -
 * D04  S2/B  O2/B  O2    400 000 USD  10-08 10:00       10-30 17:00              10-09 12:00, 26 h,  4/4       customer scope 100 -> 120 on 10-12          10-29 12:00 (120) Y/Y/Y              -
 * D05  S2/B  O2/B  O2    500 000 USD  10-09 10:00       10-27 17:00              10-10 06:00, 20 h,  4/4       delivered 49 of 50 (short by one)           10-26 12:00 Y/N/N                    -
 * D06  S2/B  O2/B  O2    600 000 USD  10-12 10:00       10-22 17:00              10-12 22:00, 12 h,  2/4       incomplete checklist; late by 16 h          10-23 09:00 N/Y/N                    -
 * D07  S1/A  O1/A  O1    700 000 USD  10-13 10:00       10-30 17:00              10-14 11:00, 25 h,  4/4       refunded after delivery                     10-28 12:00 (taken out: refunded)    11-03 10:00
 * D08  S2/B  -     -     800 000 USD  10-14 10:00       11-20 17:00              -                             cancelled before delivery                   -                                    11-02 10:00
 * D09  S1/A  O2/B  -     900 000 USD  10-20 10:00       11-25 17:00              10-21 13:30, 27.5 h, 4/4      cross-team; open at both month ends         -                                    -
 * D10  S2/B  O2/B  O1  1 000 000 USD  11-02 10:00       11-20 17:00              11-03 10:00, 24 h,  4/4       delivered by O1, not its owner O2           11-18 12:00 Y/Y/Y                    -
 * D11  S1/A  O1/A  -   1 100 000 USD  10-31 23:30 EDT   12-15 17:00              11-02 11:30, 37 h,  4/4       closed 2026-11-01T03:30Z: October here      -                                    -
 * D12  S2/B  -     -   1 200 000 USD  11-16 10:00       2027-01-15 17:00         -                             open at November's end                      -                                    -
 * D13  S1/A  O1/A  O1     50 000 EUR  11-10 10:00       11-30 17:00              11-10 14:00,  4 h,  4/4       not the reporting currency (USD)            11-25 10:00 Y/Y/Y                    -
 *
 * NPS (recorded through the command service: no NPS route is served yet), counted in the month given:
 *   N1 D01 10 on 10-20 (Oct, promoter); N2 D05 3 on 10-31 20:00 EDT = 2026-11-01T00:00Z (Oct here, detractor);
 *   N3 D04 8 on 11-02 (Nov, passive); N4 D06 6 on 11-05 (Nov, detractor); N5 D07 9 on 11-04, after its refund
 *   (Nov, promoter); N6 D10 10 on 11-20 (Nov, promoter).
 *
 * Who sees which deal:  org = all 13;  T-A = D01 D02 D03 D07 D09 D11 D13;  T-B = D04 D05 D06 D08 D09 D10 D12;
 *                       P-O1 = D01 D02 D03 D07 D10 D11 D13 (D10 as deliverer; D11's October close too, the whole deal counts).
 *
 * Where each deal counts:
 *   October:  closed D01-D09, D11.  Delivered D01 (YYY), D04 (YYY), D05 (YNN), D06 (NYN); D07 refunded: nowhere.
 *             Handoffs D01 D02 D03 D04 D05 D06 D07 D09.  NPS N1, N2.
 *             Open at the end: D02 D03 D08 D09 D11; of those due by 2026-12-01T04:00Z: D02 (11-06), D08 (11-20), D09 (11-25);
 *             not D03 (10-28 in force, already past) nor D11 (12-15).
 *   November: closed D10, D12, D13 (EUR).  Cancelled D07, D08.  Delivered D02 (YYY), D03 (NYN), D10 (YYY), D13 (YYY).
 *             Handoffs D10 D11 D13.  NPS N3 N4 N5 N6.
 *             Open at the end: D09 D11 D12; due by 2026-12-31T05:00Z: D11 (12-15); not D09 (11-25, past) nor D12 (2027-01-15).
 *   December: open at the end D09 D11 D12; due by 2027-01-31T05:00Z: D12.
 *
 * Scorecard  closed revenue(USD) canc | deliv onT asS kept  rates (onT, asS, kept)  | handoffs  completeness    median h                 | P Pa D  resp NPS | open due value(USD)
 * org  Oct   10   5 600 000      0    | 4     3   3   2     .75 .75 .5              | 8         30/32 = .9375   6 12 20 24|25 26 27.5 30 = 24.5 | 1 0 1  2    0   | 5    3   3 300 000
 * org  Nov   3    2 200 000      2    | 4     3   4   3     .75 1 .75               | 3         12/12 = 1       4 24 37 = 24             | 2 1 1  4    25  | 3    1   3 200 000
 * org  Sep   0    0              0    | 0     -                                     | 0         null            null                     | 0      0    null| 0    0   0
 * org  Dec   0    0              0    | 0     -                                     | 0         null            null                     | 0      0    null| 3    1   3 200 000
 * T-A  Oct   6    3 300 000      0    | 1     1   1   1     1 1 1                   | 5         20/20 = 1       6 24 25 27.5 30 = 25     | 1 0 0  1    100 | 4    2   2 500 000
 * T-A  Nov   1    0 (EUR only)   1    | 3     2   3   2     2/3 1 2/3               | 2         8/8 = 1         4 37 = 20.5              | 1 0 0  1    100 | 2    1   2 000 000
 * T-B  Oct   5    3 200 000      0    | 3     2   2   1     2/3 2/3 1/3             | 4         14/16 = .875    12 20|26 27.5 = 23       | 0 0 1  1    -100| 2    2   1 700 000
 * T-B  Nov   2    2 200 000      1    | 1     1   1   1     1 1 1                   | 1         4/4 = 1         24                       | 1 1 1  3    0   | 2    0   2 100 000
 * P-O1 Oct   5    2 400 000      0    | 1     1   1   1     1 1 1                   | 4         16/16 = 1       6 24|25 30 = 24.5        | 1 0 0  1    100 | 3    1   1 600 000
 * P-O1 Nov   2    1 000 000      1    | 4     3   4   3     .75 1 .75               | 3         12/12 = 1       4 24 37 = 24             | 2 0 0  2    100 | 1    1   1 100 000
 */

const TIME_ZONE = 'America/New_York';

interface Expected {
  closed: number;
  revenue: number;
  cancelled: number;
  delivered: number;
  onTime: number;
  asSold: number;
  promiseKept: number;
  onTimeRate: number | null;
  asSoldRate: number | null;
  promiseKeptRate: number | null;
  handoffs: number;
  averageCompleteness: number | null;
  medianHoursToHandoff: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
  score: number | null;
  open: number;
  dueNext30Days: number;
  openValue: number;
}

/** Lays the hand-written numbers out as the API's scorecard body; it derives nothing. */
const scorecard = (month: string, dimension: string, e: Expected) => ({
  month,
  dimension,
  deals: { closed: e.closed, revenueClosed: { amount: e.revenue, currency: 'USD' }, cancelled: e.cancelled },
  delivery: {
    delivered: e.delivered,
    onTime: e.onTime,
    asSold: e.asSold,
    promiseKept: e.promiseKept,
    onTimeRate: e.onTimeRate,
    asSoldRate: e.asSoldRate,
    promiseKeptRate: e.promiseKeptRate,
  },
  // No handoff is returned in this scenario: every one is right first time.
  handoff: {
    count: e.handoffs,
    averageCompleteness: e.averageCompleteness,
    medianHoursToHandoff: e.medianHoursToHandoff,
    returned: 0,
    firstTimeRight: e.handoffs === 0 ? null : 1,
  },
  nps: { responses: e.responses, promoters: e.promoters, passives: e.passives, detractors: e.detractors, score: e.score },
  openCommitments: { count: e.open, dueNext30Days: e.dueNext30Days, value: { amount: e.openValue, currency: 'USD' } },
  // No rules of engagement are published in this scenario, so every deal closes within the rules:
  // its closes and its kept rate are all in that class.
  engagement: {
    withinRules: e.closed,
    approved: 0,
    outsideRules: 0,
    promiseKeptRate: { withinRules: e.promiseKeptRate, approved: null, outsideRules: null },
    escalations: { opened: 0, approved: 0, rejected: 0, raised: 0, decidedByOwner: 0, medianHoursToDecision: null },
  },
});

const NOTHING: Expected = {
  closed: 0, revenue: 0, cancelled: 0,
  delivered: 0, onTime: 0, asSold: 0, promiseKept: 0, onTimeRate: null, asSoldRate: null, promiseKeptRate: null,
  handoffs: 0, averageCompleteness: null, medianHoursToHandoff: null,
  promoters: 0, passives: 0, detractors: 0, responses: 0, score: null,
  open: 0, dueNext30Days: 0, openValue: 0,
};

const ORG_OCT = scorecard('2026-10', 'org', {
  closed: 10, revenue: 5_600_000, cancelled: 0,
  delivered: 4, onTime: 3, asSold: 3, promiseKept: 2, onTimeRate: 0.75, asSoldRate: 0.75, promiseKeptRate: 0.5,
  handoffs: 8, averageCompleteness: 0.9375, medianHoursToHandoff: 24.5,
  promoters: 1, passives: 0, detractors: 1, responses: 2, score: 0,
  open: 5, dueNext30Days: 3, openValue: 3_300_000,
});
const ORG_NOV = scorecard('2026-11', 'org', {
  closed: 3, revenue: 2_200_000, cancelled: 2,
  delivered: 4, onTime: 3, asSold: 4, promiseKept: 3, onTimeRate: 0.75, asSoldRate: 1, promiseKeptRate: 0.75,
  handoffs: 3, averageCompleteness: 1, medianHoursToHandoff: 24,
  promoters: 2, passives: 1, detractors: 1, responses: 4, score: 25,
  open: 3, dueNext30Days: 1, openValue: 3_200_000,
});
const ORG_SEP = scorecard('2026-09', 'org', NOTHING);
const ORG_DEC = scorecard('2026-12', 'org', { ...NOTHING, open: 3, dueNext30Days: 1, openValue: 3_200_000 });

const TEAM_A_OCT = scorecard('2026-10', 'team:T-A', {
  closed: 6, revenue: 3_300_000, cancelled: 0,
  delivered: 1, onTime: 1, asSold: 1, promiseKept: 1, onTimeRate: 1, asSoldRate: 1, promiseKeptRate: 1,
  handoffs: 5, averageCompleteness: 1, medianHoursToHandoff: 25,
  promoters: 1, passives: 0, detractors: 0, responses: 1, score: 100,
  open: 4, dueNext30Days: 2, openValue: 2_500_000,
});
const TEAM_A_NOV = scorecard('2026-11', 'team:T-A', {
  closed: 1, revenue: 0, cancelled: 1,
  delivered: 3, onTime: 2, asSold: 3, promiseKept: 2, onTimeRate: 2 / 3, asSoldRate: 1, promiseKeptRate: 2 / 3,
  handoffs: 2, averageCompleteness: 1, medianHoursToHandoff: 20.5,
  promoters: 1, passives: 0, detractors: 0, responses: 1, score: 100,
  open: 2, dueNext30Days: 1, openValue: 2_000_000,
});
const TEAM_B_OCT = scorecard('2026-10', 'team:T-B', {
  closed: 5, revenue: 3_200_000, cancelled: 0,
  delivered: 3, onTime: 2, asSold: 2, promiseKept: 1, onTimeRate: 2 / 3, asSoldRate: 2 / 3, promiseKeptRate: 1 / 3,
  handoffs: 4, averageCompleteness: 0.875, medianHoursToHandoff: 23,
  promoters: 0, passives: 0, detractors: 1, responses: 1, score: -100,
  open: 2, dueNext30Days: 2, openValue: 1_700_000,
});
const TEAM_B_NOV = scorecard('2026-11', 'team:T-B', {
  closed: 2, revenue: 2_200_000, cancelled: 1,
  delivered: 1, onTime: 1, asSold: 1, promiseKept: 1, onTimeRate: 1, asSoldRate: 1, promiseKeptRate: 1,
  handoffs: 1, averageCompleteness: 1, medianHoursToHandoff: 24,
  promoters: 1, passives: 1, detractors: 1, responses: 3, score: 0,
  open: 2, dueNext30Days: 0, openValue: 2_100_000,
});
const OPS_1_OCT = scorecard('2026-10', 'person:P-O1', {
  closed: 5, revenue: 2_400_000, cancelled: 0,
  delivered: 1, onTime: 1, asSold: 1, promiseKept: 1, onTimeRate: 1, asSoldRate: 1, promiseKeptRate: 1,
  handoffs: 4, averageCompleteness: 1, medianHoursToHandoff: 24.5,
  promoters: 1, passives: 0, detractors: 0, responses: 1, score: 100,
  open: 3, dueNext30Days: 1, openValue: 1_600_000,
});
const OPS_1_NOV = scorecard('2026-11', 'person:P-O1', {
  closed: 2, revenue: 1_000_000, cancelled: 1,
  delivered: 4, onTime: 3, asSold: 4, promiseKept: 3, onTimeRate: 0.75, asSoldRate: 1, promiseKeptRate: 0.75,
  handoffs: 3, averageCompleteness: 1, medianHoursToHandoff: 24,
  promoters: 2, passives: 0, detractors: 0, responses: 2, score: 100,
  open: 1, dueNext30Days: 1, openValue: 1_100_000,
});

// ---------------------------------------------------------------------------------------------

const ALL_TRUE = { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms: true };
const line = (quantity: number) => [{ sku: 'S', description: 'Scope line', quantity }];

interface Tokens {
  s1: string;
  s2: string;
  o1: string;
  o2: string;
  lead: string;
}

let api: TestApi;
let tokens: Tokens;

const post = async (path: string, token: string, body: unknown) => {
  const response = await call(api, 'POST', path, { token, body });
  expect(response.status, `${path}: ${response.text}`).toBe(201);
};

const close = (dealId: string, seller: 'P-S1' | 'P-S2', token: string, o: { amount: number; currency?: string; closedAt: string; deliverBy: string; quantity?: number }) =>
  post('/v1/deals', token, closeDealBody(dealId, {
    closedAt: o.closedAt,
    customer: { id: `C-${dealId}`, name: `Customer of ${dealId}` },
    seller: { id: seller },
    salesTeam: seller === 'P-S1' ? 'T-A' : 'T-B',
    value: { amount: o.amount, currency: o.currency ?? 'USD' },
    scope: line(o.quantity ?? 10),
    promise: { deliverBy: o.deliverBy },
  }));

const handOff = (dealId: string, token: string, at: string, owner: 'P-O1' | 'P-O2', checklist = ALL_TRUE) =>
  post(`/v1/deals/${dealId}/handoff`, token, handoffBody({ at, opsOwner: { id: owner }, opsTeam: owner === 'P-O1' ? 'T-A' : 'T-B', checklist }));

const deliver = (dealId: string, token: string, at: string, by: 'P-O1' | 'P-O2', quantity = 10) =>
  post(`/v1/deals/${dealId}/delivery`, token, deliveryBody({ at, deliveredBy: { id: by }, scope: line(quantity) }));

/** Builds the history in the table at the top, through the HTTP API (and the command service for NPS). */
const recordScenario = async () => {
  const { s1, s2, o1, o2 } = tokens;

  // D01: plain, kept.
  await close('D01', 'P-S1', s1, { amount: 100_000, closedAt: '2026-10-01T09:00:00-04:00', deliverBy: '2026-10-20T17:00:00-04:00' });
  await handOff('D01', s1, '2026-10-02T09:00:00-04:00', 'P-O1');
  await deliver('D01', o1, '2026-10-15T12:00:00-04:00', 'P-O1');

  // D02: the customer moves the deadline; delivered before the new one.
  await close('D02', 'P-S1', s1, { amount: 200_000, closedAt: '2026-10-05T10:00:00-04:00', deliverBy: '2026-10-25T17:00:00-04:00' });
  await handOff('D02', s1, '2026-10-05T16:00:00-04:00', 'P-O1');
  await post('/v1/deals/D02/promise-revisions', s1, promiseRevisionBody({ at: '2026-10-10T10:00:00-04:00', deliverBy: '2026-11-06T17:00:00-05:00', initiatedBy: 'customer' }));
  await deliver('D02', o1, '2026-11-04T12:00:00-05:00', 'P-O1');

  // D03: ops moves the date internally; judged against the original, so late.
  await close('D03', 'P-S1', s1, { amount: 300_000, closedAt: '2026-10-06T10:00:00-04:00', deliverBy: '2026-10-28T17:00:00-04:00' });
  await handOff('D03', s1, '2026-10-07T16:00:00-04:00', 'P-O1');
  await post('/v1/deals/D03/promise-revisions', s1, promiseRevisionBody({ at: '2026-10-20T10:00:00-04:00', deliverBy: '2026-11-10T17:00:00-05:00', initiatedBy: 'ops', reason: 'Crew shortage' }));
  await deliver('D03', o1, '2026-11-09T12:00:00-05:00', 'P-O1');

  // D04: the customer adds scope (100 -> 120); 120 delivered is as sold.
  await close('D04', 'P-S2', s2, { amount: 400_000, closedAt: '2026-10-08T10:00:00-04:00', deliverBy: '2026-10-30T17:00:00-04:00', quantity: 100 });
  await handOff('D04', s2, '2026-10-09T12:00:00-04:00', 'P-O2');
  await post('/v1/deals/D04/scope-changes', s2, scopeChangeBody({ at: '2026-10-12T10:00:00-04:00', scope: line(120), initiatedBy: 'customer' }));
  await deliver('D04', o2, '2026-10-29T12:00:00-04:00', 'P-O2', 120);

  // D05: short by one unit.
  await close('D05', 'P-S2', s2, { amount: 500_000, closedAt: '2026-10-09T10:00:00-04:00', deliverBy: '2026-10-27T17:00:00-04:00', quantity: 50 });
  await handOff('D05', s2, '2026-10-10T06:00:00-04:00', 'P-O2');
  await deliver('D05', o2, '2026-10-26T12:00:00-04:00', 'P-O2', 49);

  // D06: handed off with gaps in the checklist; delivered 16 h late.
  await close('D06', 'P-S2', s2, { amount: 600_000, closedAt: '2026-10-12T10:00:00-04:00', deliverBy: '2026-10-22T17:00:00-04:00' });
  await handOff('D06', s2, '2026-10-12T22:00:00-04:00', 'P-O2', {
    scopeDocumented: true,
    deliveryDateConfirmed: false,
    customerContact: true,
    specialTerms: false,
  });
  await deliver('D06', o2, '2026-10-23T09:00:00-04:00', 'P-O2');

  // D07: delivered, then refunded in November.
  await close('D07', 'P-S1', s1, { amount: 700_000, closedAt: '2026-10-13T10:00:00-04:00', deliverBy: '2026-10-30T17:00:00-04:00' });
  await handOff('D07', s1, '2026-10-14T11:00:00-04:00', 'P-O1');
  await deliver('D07', o1, '2026-10-28T12:00:00-04:00', 'P-O1');
  await post('/v1/deals/D07/cancellation', s1, cancellationBody({ at: '2026-11-03T10:00:00-05:00', reason: 'Refund: customer unhappy with finish' }));

  // D08: cancelled before anything was delivered.
  await close('D08', 'P-S2', s2, { amount: 800_000, closedAt: '2026-10-14T10:00:00-04:00', deliverBy: '2026-11-20T17:00:00-05:00' });
  await post('/v1/deals/D08/cancellation', s2, cancellationBody({ at: '2026-11-02T10:00:00-05:00' }));

  // D09: sold by T-A, handed to T-B, still open at the end of both months.
  await close('D09', 'P-S1', s1, { amount: 900_000, closedAt: '2026-10-20T10:00:00-04:00', deliverBy: '2026-11-25T17:00:00-05:00' });
  await handOff('D09', s1, '2026-10-21T13:30:00-04:00', 'P-O2');

  // D10: closed and delivered in November, by O1 though O2 owns it.
  await close('D10', 'P-S2', s2, { amount: 1_000_000, closedAt: '2026-11-02T10:00:00-05:00', deliverBy: '2026-11-20T17:00:00-05:00' });
  await handOff('D10', s2, '2026-11-03T10:00:00-05:00', 'P-O2');
  await deliver('D10', o1, '2026-11-18T12:00:00-05:00', 'P-O1');

  // D11: closed half an hour before October ends in New York (already November in UTC); open at both ends.
  await close('D11', 'P-S1', s1, { amount: 1_100_000, closedAt: '2026-10-31T23:30:00-04:00', deliverBy: '2026-12-15T17:00:00-05:00' });
  await handOff('D11', s1, '2026-11-02T11:30:00-05:00', 'P-O1');

  // D12: closed in November, not handed off.
  await close('D12', 'P-S2', s2, { amount: 1_200_000, closedAt: '2026-11-16T10:00:00-05:00', deliverBy: '2027-01-15T17:00:00-05:00' });

  // D13: sold in euros.
  await close('D13', 'P-S1', s1, { amount: 50_000, currency: 'EUR', closedAt: '2026-11-10T10:00:00-05:00', deliverBy: '2026-11-30T17:00:00-05:00' });
  await handOff('D13', s1, '2026-11-10T14:00:00-05:00', 'P-O1');
  await deliver('D13', o1, '2026-11-25T10:00:00-05:00', 'P-O1');

  // NPS: no NPS route is served yet, so the answers go through the same command service the API uses.
  const recordNps = createDealCommandService({
    store: new DynamoEventStore(api.client, api.tableName),
    tenantId: 'default',
    now: () => new Date(),
    newEventId: randomUUID,
  });
  const answers: [responseId: string, dealId: string, score: number, respondedAt: string][] = [
    ['N1', 'D01', 10, '2026-10-20T10:00:00-04:00'],
    ['N2', 'D05', 3, '2026-10-31T20:00:00-04:00'],
    ['N3', 'D04', 8, '2026-11-02T10:00:00-05:00'],
    ['N4', 'D06', 6, '2026-11-05T10:00:00-05:00'],
    ['N5', 'D07', 9, '2026-11-04T10:00:00-05:00'],
    ['N6', 'D10', 10, '2026-11-20T10:00:00-05:00'],
  ];
  for (const [responseId, dealId, score, respondedAt] of answers) {
    await recordNps({
      dealId,
      command: { type: 'RecordNpsResponse', body: { provider: 'import', responseId, dealId, score, respondedAt } },
      actor: { id: 'P-ADMIN', roles: ['admin'] },
      fingerprint: `nps-${responseId}`,
    });
  }
};

const project = () =>
  projectAllStoredEvents({ client: api.client, eventsTable: api.tableName, projectionsTable: api.projectionsTableName, timeZone: TIME_ZONE });

const get = (path: string, token = tokens.lead) => call(api, 'GET', path, { token });

const monthCard = async (month: string, dimension?: string, token?: string) => {
  const response = await get(`/v1/scorecards/${month}${dimension ? `?dimension=${encodeURIComponent(dimension)}` : ''}`, token);
  expect(response.status, response.text).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json;
};

const trend = async (from: string, to: string, dimension?: string) => {
  const response = await get(`/v1/scorecards?from=${from}&to=${to}${dimension ? `&dimension=${encodeURIComponent(dimension)}` : ''}`);
  expect(response.status, response.text).toBe(200);
  return response.json;
};

let projectedEventCount = 0;
let orgOctoberBeforeProjection: unknown;

beforeAll(async () => {
  api = await startTestApi();
  tokens = {
    s1: await tokenFor('P-S1', 'sales'),
    s2: await tokenFor('P-S2', 'sales'),
    o1: await tokenFor('P-O1', 'ops'),
    o2: await tokenFor('P-O2', 'ops'),
    lead: await tokenFor('P-VP', 'leadership'),
  };
  await recordScenario();
  orgOctoberBeforeProjection = await monthCard('2026-10');
  projectedEventCount = (await project()).length;
});
afterAll(() => api.close());

describe('the hand-computed scenario, October and November 2026', () => {
  it('given the history recorded, then 44 events were projected, and nothing showed before the projector ran', () => {
    // 13 closes + 11 handoffs + 2 revisions + 1 scope change + 9 deliveries (D01-D07, D10, D13) + 2 cancellations + 6 NPS answers.
    expect(projectedEventCount).toBe(13 + 11 + 2 + 1 + 9 + 2 + 6);
    expect(orgOctoberBeforeProjection).toEqual(scorecard('2026-10', 'org', NOTHING));
  });

  it('given the organisation, then October and November are as computed by hand', async () => {
    expect(await monthCard('2026-10')).toEqual(ORG_OCT);
    expect(await monthCard('2026-10', 'org')).toEqual(ORG_OCT);
    expect(await monthCard('2026-11', 'org')).toEqual(ORG_NOV);
  });

  it('given team T-A (sold D09 to T-B, and D13 in euros), then October and November are as computed by hand', async () => {
    expect(await monthCard('2026-10', 'team:T-A')).toEqual(TEAM_A_OCT);
    expect(await monthCard('2026-11', 'team:T-A')).toEqual(TEAM_A_NOV);
  });

  it('given team T-B (took D09 from T-A), then October and November are as computed by hand', async () => {
    expect(await monthCard('2026-10', 'team:T-B')).toEqual(TEAM_B_OCT);
    expect(await monthCard('2026-11', 'team:T-B')).toEqual(TEAM_B_NOV);
  });

  it('given ops person P-O1 (delivered D10 for P-O2), then October and November are as computed by hand', async () => {
    expect(await monthCard('2026-10', 'person:P-O1')).toEqual(OPS_1_OCT);
    expect(await monthCard('2026-11', 'person:P-O1')).toEqual(OPS_1_NOV);
  });

  it('given the trend route from 2026-10 to 2026-11, then the same two scorecards in order', async () => {
    expect(await trend('2026-10', '2026-11')).toEqual({ months: [ORG_OCT, ORG_NOV] });
    expect(await trend('2026-10', '2026-11', 'team:T-B')).toEqual({ months: [TEAM_B_OCT, TEAM_B_NOV] });
    expect(await trend('2026-10', '2026-11', 'person:P-O1')).toEqual({ months: [OPS_1_OCT, OPS_1_NOV] });
  });

  it('given a trend from September to December, then an empty September, and a December carrying the open commitments forward', async () => {
    expect(await trend('2026-09', '2026-12')).toEqual({ months: [ORG_SEP, ORG_OCT, ORG_NOV, ORG_DEC] });
    expect(await monthCard('2026-12')).toEqual(ORG_DEC);
  });

  it('given every stored event delivered again (at least once), then the scorecards do not change', async () => {
    await project();
    expect(await trend('2026-10', '2026-11')).toEqual({ months: [ORG_OCT, ORG_NOV] });
    expect(await trend('2026-10', '2026-11', 'team:T-A')).toEqual({ months: [TEAM_A_OCT, TEAM_A_NOV] });
  });
});

describe('who may read which scorecard', () => {
  const expectProblem = (response: Awaited<ReturnType<typeof call>>, status: number) => {
    expect(response.status, response.text).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.json).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  };

  it('given a sales person, then they see the organisation and their own scorecard', async () => {
    expect(await monthCard('2026-10', undefined, tokens.s1)).toEqual(ORG_OCT);
    expect(await monthCard('2026-10', 'person:P-S1', tokens.s1)).toMatchObject({ month: '2026-10', dimension: 'person:P-S1', deals: { closed: 6 } });
  });

  it("given a sales person, then another person's scorecard is 403, by month and by trend", async () => {
    expectProblem(await get('/v1/scorecards/2026-10?dimension=person:P-S2', tokens.s1), 403);
    expectProblem(await get('/v1/scorecards/2026-10?dimension=person:P-O1', tokens.s1), 403);
    expectProblem(await get('/v1/scorecards?from=2026-10&to=2026-11&dimension=person:P-S2', tokens.s1), 403);
  });

  it("given an ops person, then their own scorecard is 200 and another's 403", async () => {
    expect(await monthCard('2026-11', 'person:P-O1', tokens.o1)).toEqual(OPS_1_NOV);
    expectProblem(await get('/v1/scorecards/2026-11?dimension=person:P-O2', tokens.o1), 403);
  });

  it('given leadership, then every scorecard is 200', async () => {
    for (const dimension of ['org', 'team:T-A', 'team:T-B', 'person:P-S1', 'person:P-S2', 'person:P-O1', 'person:P-O2']) {
      const card = await monthCard('2026-10', dimension, tokens.lead);
      expect(card.dimension).toBe(dimension);
    }
    expect((await get('/v1/scorecards?from=2026-10&to=2026-11&dimension=person:P-S2')).status).toBe(200);
  });

  it('given an admin, then another person’s scorecard is 200', async () => {
    expect(await monthCard('2026-10', 'person:P-O1', await tokenFor('P-ADMIN', 'admin'))).toEqual(OPS_1_OCT);
  });

  it('given no token, then 401', async () => {
    expectProblem(await call(api, 'GET', '/v1/scorecards/2026-10'), 401);
  });
});

describe('bad scorecard requests', () => {
  const expectBadRequest = (response: Awaited<ReturnType<typeof call>>, path: string) => {
    expect(response.status, response.text).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.json.errors).toEqual([{ path, message: expect.any(String) }]);
  };

  it('given month 2026-13, then 400 naming path.month', async () => {
    expectBadRequest(await get('/v1/scorecards/2026-13'), 'path.month');
  });

  it('given dimension planet:x, then 400 naming query.dimension', async () => {
    expectBadRequest(await get('/v1/scorecards/2026-10?dimension=planet:x'), 'query.dimension');
    expectBadRequest(await get('/v1/scorecards?from=2026-10&to=2026-11&dimension=planet:x'), 'query.dimension');
  });

  it('given from after to, then 400', async () => {
    expectBadRequest(await get('/v1/scorecards?from=2026-11&to=2026-10'), 'query.from');
  });

  it('given a trend without from, or with to 2026-13, then 400 naming the parameter', async () => {
    expectBadRequest(await get('/v1/scorecards?to=2026-10'), 'query.from');
    expectBadRequest(await get('/v1/scorecards?from=2026-10&to=2026-13'), 'query.to');
  });
});
