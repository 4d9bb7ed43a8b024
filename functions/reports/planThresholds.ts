import * as z from '../../domain/zod.ts';
import type { IncentivePlan } from '../../domain/incentives/plan.ts';
import type { MonthPayout } from '../../domain/incentives/statements.ts';

/**
 * What the month's plan asked and what the month reached, so the report can say "80% needed, 75%
 * reached" and "5 answers needed, 3 received" rather than a bare pass or fail.
 */
export const PlanThresholds = z.strictObject({
  /** The plan's share of each kept deal's value, in basis points (200 is 2%). */
  poolRateBps: z.int().check(z.nonnegative()),
  gate: z.strictObject({ minPromiseKeptRate: z.number(), promiseKeptRate: z.nullable(z.number()), passed: z.boolean() }),
  nps: z.strictObject({ minResponses: z.int().check(z.nonnegative()), responses: z.int().check(z.nonnegative()), counted: z.boolean() }),
  /** The sales side's share of the pool, in basis points; ops has the rest. */
  salesShareBps: z.int().check(z.nonnegative()),
});
export type PlanThresholds = z.infer<typeof PlanThresholds>;

/** null when no plan was in force (no pool, nothing to reach). */
export const planThresholdsOf = (plan: IncentivePlan | null, payout: MonthPayout): PlanThresholds | null => {
  if (!plan) return null;
  const c = payout.computation;
  return {
    poolRateBps: plan.poolRateBps,
    gate: { minPromiseKeptRate: plan.gates.minPromiseKeptRate, promiseKeptRate: c.promiseKeptRate, passed: c.gatePassed },
    nps: { minResponses: plan.nps.minResponses, responses: c.npsResponses, counted: c.npsResponses >= plan.nps.minResponses },
    salesShareBps: plan.split.salesBps,
  };
};
