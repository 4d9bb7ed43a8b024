import * as z from '../zod.ts';
import { Month } from '../calendar.ts';
import { Instant } from '../instant.ts';
import { Currency } from '../money.ts';

/** An amount that may be negative (a clawback, or a statement that owes): integer minor units. */
export const SignedMoney = z.strictObject({
  amount: z.int().check(z.meta({ description: 'integer minor units; negative for a clawback' })),
  currency: Currency,
});
export type SignedMoney = z.infer<typeof SignedMoney>;

export const Side = z.enum(['sales', 'ops']);
export type Side = z.infer<typeof Side>;

/** Which rule of the incentive rules produced a line, so anyone can recompute it by hand. */
export const PayoutRule = z.enum([
  /** rule 6: a share of the side's pool by credited value */
  'allocation',
  /** rule 2: the month's promise-kept rate is below the gate (or nothing was delivered) */
  'gate',
  /** rule 1: delivered late or not as sold, credits nobody */
  'promise-broken',
  /** rule 3: the deal's currency is not the plan's */
  'currency',
  /** rule 7: the person's amount was cut to the cap */
  'cap',
  /** a month with no plan in force has no pool */
  'no-plan',
  /** a closed month recomputed with what is known now */
  'correction',
]);
export type PayoutRule = z.infer<typeof PayoutRule>;

export const StatementLine = z.strictObject({
  kind: z.enum(['earned', 'adjustment', 'clawback']),
  /** The month the line pays for: the statement's own month for `earned`, an earlier closed month otherwise. */
  month: Month,
  dealIds: z.array(z.string()),
  amount: SignedMoney,
  rule: PayoutRule,
  explanation: z.string(),
});
export type StatementLine = z.infer<typeof StatementLine>;

export const Statement = z.strictObject({
  personId: z.string(),
  side: Side,
  /** The sum of the lines. */
  total: SignedMoney,
  lines: z.array(StatementLine),
});
export type Statement = z.infer<typeof Statement>;

export const PayoutComputation = z.strictObject({
  delivered: z.int().check(z.nonnegative()),
  kept: z.int().check(z.nonnegative()),
  promiseKeptRate: z.nullable(z.number()),
  gatePassed: z.boolean(),
  basePool: SignedMoney,
  npsResponses: z.int().check(z.nonnegative()),
  nps: z.nullable(z.int()),
  multiplierBps: z.int().check(z.nonnegative()),
  salesPool: SignedMoney,
  opsPool: SignedMoney,
});
export type PayoutComputation = z.infer<typeof PayoutComputation>;

export const PlanRef = z.strictObject({ planId: z.string(), version: z.int().check(z.positive()) });

/** One month's payout: the pool, how it was computed, and every person's statement. */
export const MonthPayout = z.strictObject({
  month: Month,
  /** null when no plan is in force for the month (no pool). */
  plan: z.nullable(PlanRef),
  pool: SignedMoney,
  computation: PayoutComputation,
  statements: z.array(Statement),
});
export type MonthPayout = z.infer<typeof MonthPayout>;

/** What the payout of a month is computed from: the deals delivered in it and the month's NPS. */
export interface DeliveredDeal {
  dealId: string;
  value: { amount: number; currency: string };
  sellerId: string;
  /** The ops person who delivered it (`deliveredBy`). */
  opsId: string;
  deliveredAt: Instant;
  /** The deadline in force at delivery (a customer-requested revision re-baselines it; an internal one does not). */
  deadline: Instant;
  asSold: boolean;
  cancelled: boolean;
}

export interface MonthFacts {
  month: Month;
  deliveries: DeliveredDeal[];
  /** Every NPS response given in the month, the organisation's. */
  nps: { responses: number; score: number | null };
}
