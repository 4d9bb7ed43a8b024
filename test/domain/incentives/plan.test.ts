import { describe, expect, it } from 'vitest';
import { IncentivePlan, planInForce, samePlanContent } from '../../../domain/incentives/plan.ts';
import { jointPlan } from './incentiveSpec.ts';

/** Each issue as the HTTP layer reports it: a dotted path and a message. */
const issuesOf = (input: unknown) =>
  IncentivePlan.safeParse(input).error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) ?? [];

const pathsOf = (input: unknown) => issuesOf(input).map(({ path }) => path);

describe('IncentivePlan', () => {
  it('given the plan of INCENTIVES.md, then it is valid as it is', () => {
    expect(IncentivePlan.parse(jointPlan())).toEqual(jointPlan());
  });

  it('given no cap, then it is valid: the cap is optional', () => {
    const { capPerPerson: _cap, ...uncapped } = jointPlan();

    expect(IncentivePlan.safeParse(uncapped).success).toBe(true);
  });

  it.each(
    (
      [
        ['poolRateBps above 10000', { poolRateBps: 10_001 }, 'poolRateBps'],
        ['poolRateBps negative', { poolRateBps: -1 }, 'poolRateBps'],
        ['poolRateBps fractional', { poolRateBps: 2.5 }, 'poolRateBps'],
        ['split.salesBps above 10000', { split: { salesBps: 10_001, opsBps: 0 } }, 'split.salesBps'],
        [
          'a band multiplier above 100000',
          { nps: { minResponses: 5, bands: [{ minScore: -100, multiplierBps: 100_001 }] } },
          'nps.bands.0.multiplierBps',
        ],
        ['a band minScore above 100', { nps: { minResponses: 5, bands: [{ minScore: 101, multiplierBps: 10_000 }, { minScore: -100, multiplierBps: 10_000 }] } }, 'nps.bands.0.minScore'],
        ['a last band above -100', { nps: { minResponses: 5, bands: [{ minScore: 50, multiplierBps: 12_000 }, { minScore: 0, multiplierBps: 10_000 }] } }, 'nps.bands.1.minScore'],
        ['no band at all', { nps: { minResponses: 5, bands: [] } }, 'nps.bands'],
        ['a gate above 1', { gates: { minPromiseKeptRate: 1.01 } }, 'gates.minPromiseKeptRate'],
        ['a negative grace', { graceMinutes: -1 }, 'graceMinutes'],
        ['a grace over a week', { graceMinutes: 10_081 }, 'graceMinutes'],
        ['version 0', { version: 0 }, 'version'],
        ['a planId with a space', { planId: 'joint plan' }, 'planId'],
        ['a planId of 65 characters', { planId: 'p'.repeat(65) }, 'planId'],
        ['an empty planId', { planId: '' }, 'planId'],
        ['a month that is not one', { effectiveFrom: '2026-13' }, 'effectiveFrom'],
        ['an unknown currency', { currency: 'XYZ', capPerPerson: undefined }, 'currency'],
        ['an unknown currency beside a USD cap', { currency: 'XYZ' }, 'currency'],
        ['a negative cap', { capPerPerson: { amount: -1, currency: 'USD' } }, 'capPerPerson.amount'],
        ['an unknown field', { bonus: true }, ''],
        ['an unknown field in the split', { split: { salesBps: 5000, opsBps: 5000, extra: 0 } }, 'split'],
      ] as const
    ).map(([what, overrides, path]) => ({ what, overrides, path })),
  )('given $what, then the only issue is at "$path"', ({ overrides, path }) => {
    expect(pathsOf({ ...jointPlan(), ...overrides })).toEqual([path]);
  });

  it('given an unknown currency, then the message says what a currency is', () => {
    expect(issuesOf({ ...jointPlan(), currency: 'XYZ', capPerPerson: undefined })).toEqual([
      { path: 'currency', message: 'must be an ISO 4217 currency code, e.g. USD' },
    ]);
  });

  it('given a split that does not sum to 10000, then split.opsBps is at fault and the message shows the sum', () => {
    expect(issuesOf({ ...jointPlan(), split: { salesBps: 5000, opsBps: 4000 } })).toEqual([
      { path: 'split.opsBps', message: 'salesBps + opsBps must be exactly 10000, got 5000 + 4000 = 9000' },
    ]);
    expect(pathsOf({ ...jointPlan(), split: { salesBps: 6000, opsBps: 6000 } })).toEqual(['split.opsBps']);
  });

  it('given bands not in strictly decreasing minScore, then the band out of order is named', () => {
    const bands = [
      { minScore: 50, multiplierBps: 12000 },
      { minScore: 60, multiplierBps: 10000 },
      { minScore: -100, multiplierBps: 8000 },
    ];

    expect(issuesOf({ ...jointPlan(), nps: { minResponses: 5, bands } })).toEqual([
      { path: 'nps.bands.1.minScore', message: 'must be lower than the band before it (50): bands go by strictly decreasing minScore' },
    ]);
  });

  it('given two bands with the same minScore, then the second is named', () => {
    const bands = [
      { minScore: 50, multiplierBps: 12000 },
      { minScore: 0, multiplierBps: 10000 },
      { minScore: 0, multiplierBps: 8000 },
      { minScore: -100, multiplierBps: 6000 },
    ];

    expect(pathsOf({ ...jointPlan(), nps: { minResponses: 5, bands } })).toEqual(['nps.bands.2.minScore']);
  });

  it('given a cap in another currency than the plan, then capPerPerson.currency is at fault', () => {
    expect(issuesOf({ ...jointPlan(), capPerPerson: { amount: 500000, currency: 'EUR' } })).toEqual([
      { path: 'capPerPerson.currency', message: 'must be the plan currency USD, got EUR' },
    ]);
  });

  it('given several faults, then each is reported on its own path', () => {
    expect(pathsOf({ ...jointPlan(), poolRateBps: 20_000, split: { salesBps: 1, opsBps: 1 }, graceMinutes: -5 }).sort()).toEqual([
      'graceMinutes',
      'poolRateBps',
      'split.opsBps',
    ]);
  });
});

describe('planInForce', () => {
  const v1 = jointPlan({ version: 1, effectiveFrom: '2026-01' });
  const v2 = jointPlan({ version: 2, effectiveFrom: '2026-07' });
  const v3 = jointPlan({ version: 3, effectiveFrom: '2026-04' });

  it.each([
    ['2025-12', null],
    ['2026-01', 1],
    ['2026-03', 1],
    ['2026-04', 3],
    ['2026-07', 3], // v3 outranks v2 although v2 starts later
    ['2027-01', 3],
  ])('given plans v1 from 2026-01, v2 from 2026-07 and v3 from 2026-04, in %s, then version %s', (month, version) => {
    expect(planInForce([v2, v1, v3], month)?.version ?? null).toBe(version);
  });

  it('given no plans, then none is in force', () => {
    expect(planInForce([], '2026-10')).toBeNull();
  });

  it('given the same version in two plans, then the later effectiveFrom, then the lower planId, whatever the order given', () => {
    const early = jointPlan({ planId: 'a', version: 2, effectiveFrom: '2026-01' });
    const late = jointPlan({ planId: 'b', version: 2, effectiveFrom: '2026-05' });
    const twin = jointPlan({ planId: 'a', version: 2, effectiveFrom: '2026-05' });

    expect(planInForce([early, late], '2026-06')).toBe(late);
    expect(planInForce([late, early], '2026-06')).toBe(late);
    expect(planInForce([late, twin], '2026-06')).toBe(twin);
    expect(planInForce([twin, late], '2026-06')).toBe(twin);
  });
});

describe('samePlanContent', () => {
  it('given the same plan with its keys in another order, then the same', () => {
    const plan = jointPlan();
    const reordered = JSON.parse(
      JSON.stringify({
        capPerPerson: { currency: 'USD', amount: 500000 },
        split: { opsBps: 5000, salesBps: 5000 },
        nps: { bands: plan.nps.bands.map(({ multiplierBps, minScore }) => ({ multiplierBps, minScore })), minResponses: 5 },
        gates: plan.gates,
        graceMinutes: 0,
        poolRateBps: 200,
        currency: 'USD',
        effectiveFrom: '2026-01',
        version: 1,
        planId: 'joint',
      }),
    ) as typeof plan;

    expect(samePlanContent(plan, reordered)).toBe(true);
  });

  it('given a cap left out on one side and undefined on the other, then the same', () => {
    expect(samePlanContent(jointPlan({ capPerPerson: undefined }), (({ capPerPerson: _cap, ...rest }) => rest)(jointPlan()))).toBe(true);
  });

  it.each([
    ['another pool rate', jointPlan({ poolRateBps: 300 })],
    ['another band multiplier', jointPlan({ nps: { minResponses: 5, bands: [{ minScore: 0, multiplierBps: 10000 }] } })],
    ['a cap of another amount', jointPlan({ capPerPerson: { amount: 1, currency: 'USD' } })],
    ['no cap', jointPlan({ capPerPerson: undefined })],
  ])('given %s, then not the same', (_what, other) => {
    expect(samePlanContent(jointPlan(), other)).toBe(false);
    expect(samePlanContent(other, jointPlan())).toBe(false);
  });

  it('given the bands in another order, then not the same: the order decides which band applies', () => {
    const plan = jointPlan();
    const reversed = jointPlan({ nps: { ...plan.nps, bands: [...plan.nps.bands].reverse() } });

    expect(samePlanContent(plan, reversed)).toBe(false);
  });
});
