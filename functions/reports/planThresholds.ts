import * as z from 'zod';
import type { IncentivePlan } from '../../domain/incentives/plan.ts';
import type { MonthPayout } from '../../domain/incentives/statements.ts';

/**
 * What the month's plan asked and what the month reached, so the report can say "80% needed, 75%
 * reached" and "5 answers needed, 3 received" rather than a bare pass or fail.
 */
export const PlanThresholds = z
  .object({
    /** The plan's share of each kept deal's value, in basis points (200 is 2%). */
    poolRateBps: z.int().nonnegative(),
    gate: z.object({ minPromiseKeptRate: z.number(), promiseKeptRate: z.number().nullable(), passed: z.boolean() }).strict(),
    nps: z.object({ minResponses: z.int().nonnegative(), responses: z.int().nonnegative(), counted: z.boolean() }).strict(),
    /** The sales side's share of the pool, in basis points; ops has the rest. */
    salesShareBps: z.int().nonnegative(),
  })
  .strict();
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
