import { describe, expect, it } from 'vitest';
import { computeMonthPayout } from '../../../domain/incentives/monthPayout.ts';
import { MonthPayout } from '../../../domain/incentives/statements.ts';
import {
  delivery,
  jointPlan,
  lineFacts,
  monthFacts,
  NEUTRAL_NPS,
  statementOf,
  totals,
  workedExampleDeals,
  type DealOptions,
} from './incentiveSpec.ts';

const MONTH = '2026-10';
const earned = (rule: string, dealIds: string[], amount: number) => ({ kind: 'earned', month: MONTH, dealIds, amount, rule });

/** n deliveries by one seller and one ops person, the first `kept` of them kept. */
const deliveries = (count: number, kept: number, options: DealOptions = {}) =>
  Array.from({ length: count }, (_, index) =>
    delivery(`D${String(index).padStart(3, '0')}`, 10_000, 'S1', 'O1', { ...options, late: index >= kept }),
  );

describe('computeMonthPayout: the worked example of INCENTIVES.md', () => {
  const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, workedExampleDeals()));

  it('given the five deals with D3 late and 2 NPS responses, then the pool is computed step by step', () => {
    expect(payout.plan).toEqual({ planId: 'joint', version: 1 });
    expect(payout.pool).toEqual({ amount: 36_000, currency: 'USD' });
    expect(payout.computation).toEqual({
      delivered: 5,
      kept: 4,
      promiseKeptRate: 0.8,
      gatePassed: true,
      basePool: { amount: 36_000, currency: 'USD' }, // 20000 + 10000 (10000.02) + 4000 + 2000
      npsResponses: 2,
      nps: 90,
      multiplierBps: 10_000,
      salesPool: { amount: 18_000, currency: 'USD' },
      opsPool: { amount: 18_000, currency: 'USD' },
    });
  });

  it('then S1 11000, S2 7000, O1 15000, O2 3000, sales first then by person', () => {
    expect(payout.statements.map(({ side, personId, total }) => [side, personId, total.amount, total.currency])).toEqual([
      ['sales', 'S1', 11_000, 'USD'],
      ['sales', 'S2', 7_000, 'USD'],
      ['ops', 'O1', 15_000, 'USD'],
      ['ops', 'O2', 3_000, 'USD'],
    ]);
  });

  it('then each line names its deals and rule: D3 credits nobody, on the statements of S1 and O2', () => {
    expect(lineFacts(statementOf(payout, 'sales', 'S1'))).toEqual([earned('allocation', ['D1', 'D5'], 11_000), earned('promise-broken', ['D3'], 0)]);
    expect(lineFacts(statementOf(payout, 'sales', 'S2'))).toEqual([earned('allocation', ['D2', 'D4'], 7_000)]);
    expect(lineFacts(statementOf(payout, 'ops', 'O1'))).toEqual([earned('allocation', ['D1', 'D2'], 15_000)]);
    expect(lineFacts(statementOf(payout, 'ops', 'O2'))).toEqual([earned('allocation', ['D4', 'D5'], 3_000), earned('promise-broken', ['D3'], 0)]);
  });

  it('then the explanations carry the numbers to recompute each line by hand', () => {
    const [s1Share, s1Broken] = statementOf(payout, 'sales', 'S1')!.lines;
    const [o2Share] = statementOf(payout, 'ops', 'O2')!.lines;

    expect(s1Share!.explanation).toContain(
      'share of the sales pool $180.00 by credited value $11,000.00 of $18,000.01 = $109.99 + $0.01 left over (largest remainder)',
    );
    expect(s1Share!.explanation).toContain('sales pool = 50% of pool $360.00');
    expect(s1Share!.explanation).toContain('pool = base $360.00 ×1.00 (NPS neutral: 2 responses, fewer than the 5 needed)');
    expect(s1Share!.explanation).toContain("base = 2% of each kept deal's value");
    expect(s1Share!.explanation).not.toMatch(/bps|\b36000\b/);
    expect(o2Share!.explanation).toContain('share of the ops pool $180.00 by credited value $3,000.00 of $18,000.01 = $29.99 + $0.01 left over');
    expect(o2Share!.explanation).toContain('ops pool = pool $360.00 - sales pool $180.00');
    expect(s1Broken!.explanation).toBe(
      'promise broken, credits nobody: D3 late (delivered 2026-10-21T09:00:00Z, deadline 2026-10-20T17:00:00Z + 0 min grace)',
    );
  });

  it('then it is a valid MonthPayout and every total is the sum of its lines', () => {
    expect(MonthPayout.parse(payout)).toEqual(payout);
    for (const statement of payout.statements) {
      expect(statement.total.amount).toBe(statement.lines.reduce((sum, line) => sum + line.amount.amount, 0));
    }
  });

  it('given the same deals in another order, then the same payout', () => {
    expect(computeMonthPayout(jointPlan(), monthFacts(MONTH, workedExampleDeals().reverse()))).toEqual(payout);
  });
});

describe('computeMonthPayout: the promise-kept gate (rule 2)', () => {
  it('given 80 of 100 kept and a gate of 0.8, then the gate passes', () => {
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, deliveries(100, 80)));

    expect(payout.computation).toMatchObject({ delivered: 100, kept: 80, promiseKeptRate: 0.8, gatePassed: true });
    expect(payout.pool.amount).toBe(80 * 200);
  });

  it('given 79 of 100 kept, then no pool, and every statement lists the person\'s deals with rule gate', () => {
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, deliveries(100, 79)));
    const allDeals = deliveries(100, 79).map(({ dealId }) => dealId);

    expect(payout.computation).toMatchObject({ delivered: 100, kept: 79, promiseKeptRate: 0.79, gatePassed: false });
    expect(payout.computation.salesPool.amount).toBe(0);
    expect(payout.computation.opsPool.amount).toBe(0);
    expect(payout.pool.amount).toBe(0);
    expect(payout.statements.map(({ side, personId }) => `${side}/${personId}`)).toEqual(['sales/S1', 'ops/O1']);
    for (const statement of payout.statements) {
      expect(lineFacts(statement)).toEqual([earned('gate', allDeals, 0)]);
      expect(statement.lines[0]!.explanation).toBe('no pool for 2026-10: promise-kept rate 79 of 100 is below the gate of 80%');
    }
  });

  it('given the gate fails, then the base pool is still reported as computed, so the loss is visible', () => {
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, deliveries(100, 79)));

    expect(payout.computation.basePool.amount).toBe(79 * 200);
    expect(payout.computation.multiplierBps).toBe(10_000);
  });

  it('given 4 of 5 kept, then 0.8 is not below 0.8; given 7 of 10 and a gate of 0.7, then it passes too', () => {
    expect(computeMonthPayout(jointPlan(), monthFacts(MONTH, deliveries(5, 4))).computation.gatePassed).toBe(true);
    const seventy = jointPlan({ gates: { minPromiseKeptRate: 0.7 } });
    expect(computeMonthPayout(seventy, monthFacts(MONTH, deliveries(10, 7))).computation.gatePassed).toBe(true);
    expect(computeMonthPayout(seventy, monthFacts(MONTH, deliveries(10, 6))).computation.gatePassed).toBe(false);
  });

  it('given a deal delivered on time but not as sold, then it is not kept', () => {
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, [delivery('D1', 100, 'S1', 'O1', { asSold: false })]));

    expect(payout.computation).toMatchObject({ delivered: 1, kept: 0, gatePassed: false });
  });

  it('given nothing delivered, then no pool, a null rate and no statements', () => {
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, []));

    expect(payout.computation).toMatchObject({ delivered: 0, kept: 0, promiseKeptRate: null, gatePassed: false });
    expect(payout.pool).toEqual({ amount: 0, currency: 'USD' });
    expect(payout.statements).toEqual([]);
  });

  it('given a delivery within the grace minutes after its deadline, then it is on time; one minute more, then late', () => {
    const plan = jointPlan({ graceMinutes: 30 });
    const at = (deliveredAt: string) => monthFacts(MONTH, [delivery('D1', 100_000, 'S1', 'O1', { deliveredAt })]);

    expect(computeMonthPayout(plan, at('2026-10-20T17:30:00Z')).computation.kept).toBe(1);
    expect(computeMonthPayout(plan, at('2026-10-20T17:30:00.001Z')).computation.kept).toBe(0);
    // Offsets are instants: 19:30+02:00 is 17:30Z.
    expect(computeMonthPayout(plan, at('2026-10-20T19:30:00+02:00')).computation.kept).toBe(1);
  });
});

describe('computeMonthPayout: the NPS multiplier (rule 4)', () => {
  const oneDeal = [delivery('D1', 1_000_000, 'S1', 'O1')]; // base pool 20000

  it.each([
    // responses, nps, multiplierBps, pool
    [4, 90, 10_000, 20_000], // fewer than 5 responses: neutral whatever the score
    [4, -100, 10_000, 20_000],
    [5, 50, 12_000, 24_000],
    [9, 100, 12_000, 24_000],
    [5, 49, 10_000, 20_000],
    [5, 0, 10_000, 20_000],
    [5, -1, 8_000, 16_000],
    [5, -100, 8_000, 16_000],
  ])('given %i responses and an NPS of %i, then %i bps and a pool of %i', (responses, score, multiplierBps, pool) => {
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, oneDeal, { responses, score }));

    expect(payout.computation).toMatchObject({ npsResponses: responses, nps: score, multiplierBps });
    expect(payout.pool.amount).toBe(pool);
  });

  it('given too few responses, then the statement says the multiplier was neutral and why', () => {
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, oneDeal, { responses: 4, score: 90 }));

    expect(payout.statements[0]!.lines[0]!.explanation).toContain('NPS neutral: 4 responses, fewer than the 5 needed');
  });

  it('given an NPS below every band, then neutral, and the statement says no band was reached', () => {
    const plan = jointPlan({ nps: { minResponses: 5, bands: [{ minScore: 0, multiplierBps: 15_000 }] } });
    const payout = computeMonthPayout(plan, monthFacts(MONTH, oneDeal, { responses: 6, score: -10 }));

    expect(payout.computation.multiplierBps).toBe(10_000);
    expect(payout.statements[0]!.lines[0]!.explanation).toContain('NPS -10 reaches no band, neutral');
  });

  it('given bands read in order, then the first band reached wins and the statement names it', () => {
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, oneDeal, { responses: 7, score: 62 }));

    expect(payout.statements[0]!.lines[0]!.explanation).toContain('pool = base $200.00 ×1.20 (NPS 62 from 7 responses, band from 50)');
  });

  it('given no responses required and none given, then neutral for want of a score', () => {
    const plan = jointPlan({ nps: { minResponses: 0, bands: [{ minScore: -100, multiplierBps: 5_000 }] } });

    expect(computeMonthPayout(plan, monthFacts(MONTH, oneDeal, { responses: 0, score: null })).computation.multiplierBps).toBe(10_000);
  });
});

describe('computeMonthPayout: rounding half to even at every step', () => {
  const halfPlan = (overrides = {}) =>
    jointPlan({ gates: { minPromiseKeptRate: 0 }, nps: { minResponses: 0, bands: [{ minScore: -100, multiplierBps: 5_000 }] }, ...overrides });

  it.each([
    // value, base pool: value x 200 / 10000
    [25, 0], // 0.5
    [75, 2], // 1.5
    [125, 2], // 2.5
    [175, 4], // 3.5
    [500_001, 10_000], // 10000.02
  ])('given a deal of %i at 200 bps, then it adds %i to the base pool', (value, base) => {
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, [delivery('D1', value, 'S1', 'O1')]));

    expect(payout.computation.basePool.amount).toBe(base);
  });

  it('given several deals, then each is rounded before they are summed', () => {
    // 0.5 + 1.5 + 2.5 = 4.5 rounded once would be 4; rounded per deal it is 0 + 2 + 2 = 4, and 3 x 0.5 is 0, not 2.
    const halves = [delivery('D1', 25, 'S1', 'O1'), delivery('D2', 25, 'S1', 'O1'), delivery('D3', 25, 'S1', 'O1')];

    expect(computeMonthPayout(jointPlan(), monthFacts(MONTH, halves)).computation.basePool.amount).toBe(0);
  });

  it.each([
    // value, base pool, pool at 5000 bps
    [250, 5, 2], // 2.5
    [150, 3, 2], // 1.5
    [350, 7, 4], // 3.5
  ])('given a base pool of %i (value %i) and a multiplier of 5000 bps, then the pool is %i', (value, base, pool) => {
    const payout = computeMonthPayout(halfPlan(), monthFacts(MONTH, [delivery('D1', value, 'S1', 'O1')], { responses: 1, score: 0 }));

    expect(payout.computation.basePool.amount).toBe(base);
    expect(payout.pool.amount).toBe(pool);
  });

  it.each([
    // value, pool, sales pool, ops pool
    [250, 5, 2, 3], // 2.5 -> 2
    [150, 3, 2, 1], // 1.5 -> 2
    [350, 7, 4, 3], // 3.5 -> 4
    [50, 1, 0, 1], // 0.5 -> 0
  ])('given a deal of %i, a pool of %i split 5000/5000, then sales %i and ops the rest, %i', (value, pool, sales, ops) => {
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, [delivery('D1', value, 'S1', 'O1')]));

    expect(payout.pool.amount).toBe(pool);
    expect(payout.computation.salesPool.amount).toBe(sales);
    expect(payout.computation.opsPool.amount).toBe(ops);
    expect(totals(payout)).toEqual({ 'sales/S1': sales, 'ops/O1': ops });
  });

  it('given an uneven split, then ops gets the pool minus the rounded sales pool', () => {
    const plan = jointPlan({ split: { salesBps: 3333, opsBps: 6667 } });
    const payout = computeMonthPayout(plan, monthFacts(MONTH, [delivery('D1', 500_000, 'S1', 'O1')])); // pool 10000

    expect(payout.computation.salesPool.amount).toBe(3333);
    expect(payout.computation.opsPool.amount).toBe(6667);
  });
});

describe('computeMonthPayout: the cap (rule 7)', () => {
  const capped = jointPlan({ capPerPerson: { amount: 10_000, currency: 'USD' } });
  const payout = computeMonthPayout(capped, monthFacts(MONTH, workedExampleDeals()));

  it('given a cap of 10000, then S1 (11000) and O1 (15000) are cut to it; the cut goes to nobody else', () => {
    expect(totals(payout)).toEqual({ 'sales/S1': 10_000, 'sales/S2': 7_000, 'ops/O1': 10_000, 'ops/O2': 3_000 });
    expect(payout.pool.amount).toBe(36_000);
  });

  it('then the statement shows the share earned and the cut as its own line, naming the same deals', () => {
    expect(lineFacts(statementOf(payout, 'sales', 'S1'))).toEqual([
      earned('allocation', ['D1', 'D5'], 11_000),
      earned('cap', ['D1', 'D5'], -1_000),
      earned('promise-broken', ['D3'], 0),
    ]);
    expect(statementOf(payout, 'sales', 'S1')!.lines[1]!.explanation).toBe(
      'capped at $100.00 per person: the $10.00 above the cap is cut and not redistributed',
    );
    expect(lineFacts(statementOf(payout, 'ops', 'O1'))).toEqual([earned('allocation', ['D1', 'D2'], 15_000), earned('cap', ['D1', 'D2'], -5_000)]);
  });

  it('given an amount exactly at the cap, then no cap line', () => {
    const atCap = jointPlan({ capPerPerson: { amount: 11_000, currency: 'USD' } });

    expect(lineFacts(statementOf(computeMonthPayout(atCap, monthFacts(MONTH, workedExampleDeals())), 'sales', 'S1'))).toEqual([
      earned('allocation', ['D1', 'D5'], 11_000),
      earned('promise-broken', ['D3'], 0),
    ]);
  });

  it('given no cap, then nobody is cut', () => {
    const uncapped = computeMonthPayout(jointPlan({ capPerPerson: undefined }), monthFacts(MONTH, workedExampleDeals()));

    expect(uncapped.statements.flatMap(({ lines }) => lines).some(({ rule }) => rule === 'cap')).toBe(false);
  });
});

describe('computeMonthPayout: who is credited', () => {
  it('given a kept deal in another currency, then it counts for the gate but not for the pool, and says so', () => {
    const deals = [...workedExampleDeals(), delivery('D6', 900_000, 'S2', 'O2', { currency: 'EUR' })];
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, deals));

    expect(payout.computation).toMatchObject({ delivered: 6, kept: 5, basePool: { amount: 36_000, currency: 'USD' } });
    expect(totals(payout)).toEqual({ 'sales/S1': 11_000, 'sales/S2': 7_000, 'ops/O1': 15_000, 'ops/O2': 3_000 });
    expect(lineFacts(statementOf(payout, 'sales', 'S2'))).toEqual([earned('allocation', ['D2', 'D4'], 7_000), earned('currency', ['D6'], 0)]);
    expect(statementOf(payout, 'sales', 'S2')!.lines[1]!.explanation).toBe('not credited, the plan pays in USD only: D6 in EUR');
    expect(lineFacts(statementOf(payout, 'ops', 'O2'))).toEqual([
      earned('allocation', ['D4', 'D5'], 3_000),
      earned('promise-broken', ['D3'], 0),
      earned('currency', ['D6'], 0),
    ]);
  });

  it('given a cancelled delivery, then it credits nobody, counts nowhere and puts nobody on a statement', () => {
    const deals = [...workedExampleDeals(), delivery('D9', 5_000_000, 'S9', 'O9', { cancelled: true })];
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, deals));

    expect(payout).toEqual(computeMonthPayout(jointPlan(), monthFacts(MONTH, workedExampleDeals())));
  });

  it('given a person whose deals were all late, then a statement of 0 naming them with rule promise-broken', () => {
    const deals = [...workedExampleDeals(), delivery('D7', 10, 'S3', 'O1', { late: true, asSold: false })];
    const payout = computeMonthPayout(jointPlan({ gates: { minPromiseKeptRate: 0.5 } }), monthFacts(MONTH, deals));

    expect(lineFacts(statementOf(payout, 'sales', 'S3'))).toEqual([earned('promise-broken', ['D7'], 0)]);
    expect(statementOf(payout, 'sales', 'S3')!.lines[0]!.explanation).toBe(
      'promise broken, credits nobody: D7 late (delivered 2026-10-21T09:00:00Z, deadline 2026-10-20T17:00:00Z + 0 min grace) and not as sold',
    );
    expect(statementOf(payout, 'sales', 'S3')!.total.amount).toBe(0);
  });

  it('given one person selling and delivering, then a statement on each side, sales first, people by plain string order', () => {
    const deals = [delivery('D1', 100_000, 'P10', 'P2'), delivery('D2', 100_000, 'P2', 'P10')];
    const payout = computeMonthPayout(jointPlan(), monthFacts(MONTH, deals));

    expect(payout.statements.map(({ side, personId }) => `${side}/${personId}`)).toEqual(['sales/P10', 'sales/P2', 'ops/P10', 'ops/P2']);
  });
});

describe('computeMonthPayout: no plan in force', () => {
  it('given no plan, then no pool, plan null, and each person a 0 line with rule no-plan naming their deals', () => {
    const payout = computeMonthPayout(null, monthFacts(MONTH, workedExampleDeals(), NEUTRAL_NPS));

    expect(payout.plan).toBeNull();
    expect(payout.pool).toEqual({ amount: 0, currency: 'USD' });
    expect(payout.computation).toMatchObject({ delivered: 5, kept: 4, gatePassed: false, basePool: { amount: 0, currency: 'USD' } });
    expect(lineFacts(statementOf(payout, 'sales', 'S1'))).toEqual([earned('no-plan', ['D1', 'D3', 'D5'], 0)]);
    expect(statementOf(payout, 'sales', 'S1')!.lines[0]!.explanation).toBe('no incentive plan in force for 2026-10: no pool');
    expect(payout.statements).toHaveLength(4);
  });

  it('given no plan, then amounts are in the currency of the lowest dealId delivered, or the one asked for', () => {
    const deals = [delivery('D2', 100, 'S1', 'O1', { currency: 'USD' }), delivery('D1', 100, 'S1', 'O1', { currency: 'EUR' })];

    expect(computeMonthPayout(null, monthFacts(MONTH, deals)).pool.currency).toBe('EUR');
    expect(computeMonthPayout(null, monthFacts(MONTH, deals), { currencyWithoutPlan: 'GBP' }).statements[0]!.total.currency).toBe('GBP');
    expect(computeMonthPayout(null, monthFacts(MONTH, [])).pool.currency).toBe('USD');
  });
});
