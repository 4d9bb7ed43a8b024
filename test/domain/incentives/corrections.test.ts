import { describe, expect, it } from 'vitest';
import { correctionsFor, issuedFor, payoutWithCorrections } from '../../../domain/incentives/corrections.ts';
import { computeMonthPayout } from '../../../domain/incentives/monthPayout.ts';
import { MonthPayout } from '../../../domain/incentives/statements.ts';
import { delivery, jointPlan, lineFacts, monthFacts, statementOf, totals, workedExampleDeals } from './incentiveSpec.ts';

/**
 * September is closed with A (1,000,000, S1/O1) and B (500,000, S2/O1): pool 30000, S1 10000,
 * S2 5000, O1 15000. October (the worked example) is then closed with September reopened.
 */
const SEPTEMBER = '2026-09';
const OCTOBER = '2026-10';
const NOVEMBER = '2026-11';
const plan = jointPlan();

const a = delivery('A', 1_000_000, 'S1', 'O1');
const b = delivery('B', 500_000, 'S2', 'O1');
const septemberAsClosed = monthFacts(SEPTEMBER, [a, b]);
const closedSeptember = computeMonthPayout(plan, septemberAsClosed);

const correctionLines = (payout: MonthPayout) =>
  payout.statements.flatMap(({ side, personId, lines }) =>
    lines
      .filter(({ rule }) => rule === 'correction')
      .map(({ kind, month, dealIds, amount }) => ({ who: `${side}/${personId}`, kind, month, dealIds, amount: amount.amount })),
  );

const closeOctober = (septemberNow: typeof septemberAsClosed, octoberFacts = monthFacts(OCTOBER, workedExampleDeals())) =>
  payoutWithCorrections({
    month: OCTOBER,
    plan,
    facts: octoberFacts,
    reopened: [{ month: SEPTEMBER, plan, facts: septemberNow, issued: issuedFor(SEPTEMBER, [closedSeptember]) }],
  });

describe('payoutWithCorrections', () => {
  it('given the closed month is recomputed and nothing changed, then no correction line, only the month\'s own payout', () => {
    const october = closeOctober(septemberAsClosed);

    expect(correctionLines(october)).toEqual([]);
    expect(october).toEqual(computeMonthPayout(plan, monthFacts(OCTOBER, workedExampleDeals())));
  });

  it('given a deal credited in September is cancelled after the close, then clawbacks on October naming September and the deal', () => {
    const october = closeOctober(monthFacts(SEPTEMBER, [a, { ...b, cancelled: true }]));

    // September now: pool 20000, S1 10000 (unchanged), S2 0, O1 10000.
    expect(correctionLines(october)).toEqual([
      { who: 'sales/S2', kind: 'clawback', month: SEPTEMBER, dealIds: ['B'], amount: -5_000 },
      { who: 'ops/O1', kind: 'clawback', month: SEPTEMBER, dealIds: ['B'], amount: -5_000 },
    ]);
    expect(statementOf(october, 'sales', 'S2')!.lines.at(-1)!.explanation).toBe('2026-09 recomputed: issued $50.00, now $0.00 (B cancelled)');
    expect(statementOf(october, 'ops', 'O1')!.lines.at(-1)!.explanation).toBe('2026-09 recomputed: issued $150.00, now $100.00 (B cancelled)');
    // October's own lines come first, and each total is the sum of all its lines.
    expect(lineFacts(statementOf(october, 'sales', 'S2'))!.map(({ rule }) => rule)).toEqual(['allocation', 'correction']);
    expect(totals(october)).toEqual({ 'sales/S1': 11_000, 'sales/S2': 2_000, 'ops/O1': 10_000, 'ops/O2': 3_000 });
    expect(MonthPayout.parse(october)).toEqual(october);
  });

  it('given a delivery in September recorded after the close, then adjustments naming it; people only corrected still get a statement', () => {
    const c = delivery('C', 500_000, 'S1', 'O2');
    const october = closeOctober(monthFacts(SEPTEMBER, [a, b, c]), monthFacts(OCTOBER, []));

    // September now: pool 40000; S1 15000 (was 10000), S2 5000, O1 15000, O2 5000 (new).
    expect(correctionLines(october)).toEqual([
      { who: 'sales/S1', kind: 'adjustment', month: SEPTEMBER, dealIds: ['C'], amount: 5_000 },
      { who: 'ops/O2', kind: 'adjustment', month: SEPTEMBER, dealIds: ['C'], amount: 5_000 },
    ]);
    expect(statementOf(october, 'ops', 'O2')!.lines[0]!.explanation).toBe('2026-09 recomputed: issued $0.00, now $50.00 (C known since the close)');
    expect(totals(october)).toEqual({ 'sales/S1': 5_000, 'ops/O2': 5_000 });
    expect(october.pool.amount).toBe(0);
  });

  it('given only the pool changed (an NPS response given in September), then each adjustment names all the person\'s deals', () => {
    const october = closeOctober(monthFacts(SEPTEMBER, [a, b], { responses: 5, score: 70 }));

    // Pool 30000 x 1.2 = 36000: S1 12000, S2 6000, O1 18000.
    expect(correctionLines(october)).toEqual([
      { who: 'sales/S1', kind: 'adjustment', month: SEPTEMBER, dealIds: ['A'], amount: 2_000 },
      { who: 'sales/S2', kind: 'adjustment', month: SEPTEMBER, dealIds: ['B'], amount: 1_000 },
      { who: 'ops/O1', kind: 'adjustment', month: SEPTEMBER, dealIds: ['A', 'B'], amount: 3_000 },
    ]);
    expect(statementOf(october, 'sales', 'S1')!.lines.at(-1)!.explanation).toBe(
      '2026-09 recomputed: issued $100.00, now $120.00 (the pool or the shares changed)',
    );
  });

  it('given a cancellation that sinks the worked example\'s gate, then clawbacks for the deal\'s people, negative adjustments for the rest', () => {
    const closedOctober = computeMonthPayout(plan, monthFacts(OCTOBER, workedExampleDeals()));
    const octoberNow = monthFacts(OCTOBER, workedExampleDeals().map((deal) => (deal.dealId === 'D5' ? { ...deal, cancelled: true } : deal)));
    const november = payoutWithCorrections({
      month: NOVEMBER,
      plan,
      facts: monthFacts(NOVEMBER, []),
      reopened: [{ month: OCTOBER, plan, facts: octoberNow, issued: issuedFor(OCTOBER, [closedOctober]) }],
    });

    // 3 kept of 4 = 0.75 < 0.8: no pool for October any more.
    expect(correctionLines(november)).toEqual([
      { who: 'sales/S1', kind: 'clawback', month: OCTOBER, dealIds: ['D5'], amount: -11_000 },
      { who: 'sales/S2', kind: 'adjustment', month: OCTOBER, dealIds: ['D2', 'D4'], amount: -7_000 },
      { who: 'ops/O1', kind: 'adjustment', month: OCTOBER, dealIds: ['D1', 'D2'], amount: -15_000 },
      { who: 'ops/O2', kind: 'clawback', month: OCTOBER, dealIds: ['D5'], amount: -3_000 },
    ]);
  });

  it('given corrections already issued on a later close, then closing again issues them no more', () => {
    const septemberNow = monthFacts(SEPTEMBER, [a, { ...b, cancelled: true }]);
    const closedOctober = closeOctober(septemberNow);
    const octoberFacts = monthFacts(OCTOBER, workedExampleDeals());
    const closed = [closedSeptember, closedOctober];

    const november = payoutWithCorrections({
      month: NOVEMBER,
      plan,
      facts: monthFacts(NOVEMBER, []),
      reopened: [
        { month: SEPTEMBER, plan, facts: septemberNow, issued: issuedFor(SEPTEMBER, closed) },
        { month: OCTOBER, plan, facts: octoberFacts, issued: issuedFor(OCTOBER, closed) },
      ],
    });

    expect(november.statements).toEqual([]);
  });

  it('given a deal clawed back earlier, then a later pool change names the deals still there, not the old cancellation', () => {
    const septemberNow = monthFacts(SEPTEMBER, [a, { ...b, cancelled: true }]);
    const closed = [closedSeptember, closeOctober(septemberNow)];
    const withNps = monthFacts(SEPTEMBER, [a, { ...b, cancelled: true }], { responses: 5, score: 70 });

    const november = payoutWithCorrections({
      month: NOVEMBER,
      plan,
      facts: monthFacts(NOVEMBER, []),
      reopened: [{ month: SEPTEMBER, plan, facts: withNps, issued: issuedFor(SEPTEMBER, closed) }],
    });

    // Pool 20000 x 1.2 = 24000: S1 12000 (issued 10000), O1 12000 (issued 15000 - 5000), S2 still 0.
    expect(correctionLines(november)).toEqual([
      { who: 'sales/S1', kind: 'adjustment', month: SEPTEMBER, dealIds: ['A'], amount: 2_000 },
      { who: 'ops/O1', kind: 'adjustment', month: SEPTEMBER, dealIds: ['A'], amount: 2_000 },
    ]);
  });

  it('given several closed months, then corrections come oldest first after the month\'s own lines', () => {
    const closedOctober = computeMonthPayout(plan, monthFacts(OCTOBER, workedExampleDeals()));
    const closed = [closedSeptember, closedOctober];
    const november = payoutWithCorrections({
      month: NOVEMBER,
      plan,
      facts: monthFacts(NOVEMBER, [delivery('N1', 100_000, 'S1', 'O1')]),
      reopened: [
        { month: OCTOBER, plan, facts: monthFacts(OCTOBER, workedExampleDeals(), { responses: 5, score: 70 }), issued: issuedFor(OCTOBER, closed) },
        { month: SEPTEMBER, plan, facts: monthFacts(SEPTEMBER, [a, b], { responses: 5, score: 70 }), issued: issuedFor(SEPTEMBER, closed) },
      ],
    });

    expect(lineFacts(statementOf(november, 'sales', 'S1'))!.map(({ rule, month }) => `${rule} ${month}`)).toEqual([
      'allocation 2026-11',
      'correction 2026-09',
      'correction 2026-10',
    ]);
    // S1: November 1000 (pool 2000, half to sales), September +2000, October 13200 - 11000.
    expect(statementOf(november, 'sales', 'S1')!.total.amount).toBe(1_000 + 2_000 + 2_200);
  });

  it('given no plan for the month being closed, then its statements carry the corrections in their currency', () => {
    const october = payoutWithCorrections({
      month: OCTOBER,
      plan: null,
      facts: monthFacts(OCTOBER, [delivery('E1', 100, 'S1', 'O1', { currency: 'EUR' })]),
      reopened: [{ month: SEPTEMBER, plan, facts: monthFacts(SEPTEMBER, [a]), issued: issuedFor(SEPTEMBER, [closedSeptember]) }],
    });

    expect(statementOf(october, 'sales', 'S2')!.total).toEqual({ amount: -5_000, currency: 'USD' });
    expect(statementOf(october, 'sales', 'S1')!.lines.map(({ rule, amount }) => `${rule} ${amount.amount} ${amount.currency}`)).toEqual([
      'no-plan 0 USD',
    ]);
  });

  it('given corrections in another currency than the plan of the month being closed, then it refuses rather than add them up', () => {
    expect(() =>
      payoutWithCorrections({
        month: OCTOBER,
        plan: jointPlan({ version: 2, currency: 'EUR', capPerPerson: undefined }),
        facts: monthFacts(OCTOBER, []),
        reopened: [{ month: SEPTEMBER, plan, facts: monthFacts(SEPTEMBER, [a]), issued: issuedFor(SEPTEMBER, [closedSeptember]) }],
      }),
    ).toThrow('corrections in USD cannot be paid on 2026-10 statements in EUR');
  });

  it.each([
    ['the month itself', OCTOBER],
    ['a later month', NOVEMBER],
  ])('given %s as a reopened month, then it refuses', (_what, month) => {
    expect(() =>
      payoutWithCorrections({
        month: OCTOBER,
        plan,
        facts: monthFacts(OCTOBER, []),
        reopened: [{ month, plan, facts: monthFacts(month, []), issued: [] }],
      }),
    ).toThrow(`only an earlier month can be corrected on 2026-10, not ${month}`);
  });

  it('given facts of another month, then it refuses', () => {
    expect(() => payoutWithCorrections({ month: OCTOBER, plan, facts: monthFacts(SEPTEMBER, []), reopened: [] })).toThrow(
      'facts of 2026-09 given to compute 2026-10',
    );
  });
});

describe('correctionsFor', () => {
  it('given issued lines without their kind, then the amounts are still exact', () => {
    const issued = issuedFor(SEPTEMBER, [closedSeptember]).map(({ kind: _kind, ...line }) => line);

    expect(
      correctionsFor({ month: SEPTEMBER, plan, facts: monthFacts(SEPTEMBER, [a, { ...b, cancelled: true }]), issued }).map(
        ({ side, personId, line }) => [side, personId, line.amount.amount],
      ),
    ).toEqual([
      ['sales', 'S2', -5_000],
      ['ops', 'O1', -5_000],
    ]);
  });

  it('given September now has no plan in force, then everything issued for it is taken back', () => {
    expect(
      correctionsFor({ month: SEPTEMBER, plan: null, facts: septemberAsClosed, issued: issuedFor(SEPTEMBER, [closedSeptember]) }).map(
        ({ personId, line }) => [personId, line.kind, line.amount.amount, line.dealIds],
      ),
    ).toEqual([
      ['S1', 'adjustment', -10_000, ['A']],
      ['S2', 'adjustment', -5_000, ['B']],
      ['O1', 'adjustment', -15_000, ['A', 'B']],
    ]);
  });
});
