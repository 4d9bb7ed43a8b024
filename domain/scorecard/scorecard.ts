import * as z from '../zod.ts';
import { Month } from '../calendar.ts';
import { Money } from '../money.ts';
import { CHECKLIST_ITEMS, type CommitmentLedger, type MonthCounts, type Tally } from './contributions.ts';
import type { Dimension } from './dimensions.ts';
import { EngagementSectionSchema, readEngagement, type EngagementSection } from './engagement.ts';
import { medianOfHistogram } from './histogram.ts';
import { netPromoterScore, npsCountsOf } from './nps.ts';

export { medianOfHistogram };

export interface Scorecard {
  month: Month;
  dimension: Dimension;
  deals: { closed: number; revenueClosed: Money; cancelled: number };
  delivery: {
    delivered: number;
    onTime: number;
    asSold: number;
    promiseKept: number;
    onTimeRate: number | null;
    asSoldRate: number | null;
    promiseKeptRate: number | null;
  };
  handoff: {
    /** Handoffs made in the month: one made again after a return counts again. */
    count: number;
    averageCompleteness: number | null;
    medianHoursToHandoff: number | null;
    /** Returns recorded in the month (CADENCE.md), attributed to the month of the return. */
    returned: number;
    /** Handoffs made in the month never returned / handoffs made in the month; a fraction 0..1 like the other rates. */
    firstTimeRight: number | null;
  };
  nps: { responses: number; promoters: number; passives: number; detractors: number; score: number | null };
  openCommitments: { count: number; dueNext30Days: number; value: Money };
  engagement: EngagementSection;
}

const Rate = z.nullable(z.number().check(z.minimum(0), z.maximum(1)));
const Count = z.int().check(z.nonnegative());

/** The scorecard as the API answers it and the reports carry it: one schema for the document and the checks. */
export const ScorecardSchema = z.strictObject({
  month: Month,
  dimension: z.union([z.literal('org'), z.templateLiteral(['team:', z.string()]), z.templateLiteral(['person:', z.string()])]),
  deals: z.strictObject({ closed: Count, revenueClosed: Money, cancelled: Count }),
  delivery: z.strictObject({
    delivered: Count,
    onTime: Count,
    asSold: Count,
    promiseKept: Count,
    onTimeRate: Rate,
    asSoldRate: Rate,
    promiseKeptRate: Rate,
  }),
  handoff: z.strictObject({
    count: Count,
    averageCompleteness: Rate,
    medianHoursToHandoff: z.nullable(z.number().check(z.nonnegative())),
    returned: Count,
    firstTimeRight: Rate,
  }),
  nps: z.strictObject({
    responses: Count,
    promoters: Count,
    passives: Count,
    detractors: Count,
    score: z.nullable(z.int().check(z.minimum(-100), z.maximum(100))),
  }),
  openCommitments: z.strictObject({ count: Count, dueNext30Days: Count, value: Money }),
  engagement: EngagementSectionSchema,
}) satisfies z.ZodMiniType<Scorecard>;

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * Reads a month's scorecard from its counts and its dimension's commitment ledger.
 * Money is shown in the reporting currency; deals in other currencies are left out of those sums.
 */
export const readScorecard = (input: {
  month: Month;
  dimension: Dimension;
  counts: MonthCounts;
  ledger: CommitmentLedger;
  currency: string;
}): Scorecard => {
  const { counts: c, ledger, month, currency } = input;
  const n = (tally: Tally) => c[tally] ?? 0;
  const delivered = n('delivered');
  const handoffs = n('handoffs');
  const lags = new Map(Object.entries(c.handoffLags ?? {}).map(([tenths, count]) => [Number(tenths), count]));
  const lagTenths = medianOfHistogram(lags);
  let open = 0;
  let openValue = 0;
  for (const [entryMonth, amount] of Object.entries(ledger.open ?? {})) if (entryMonth <= month) open += amount;
  for (const [entryMonth, amounts] of Object.entries(ledger.openValue ?? {})) if (entryMonth <= month) openValue += amounts[currency] ?? 0;
  const nps = npsCountsOf(c);
  return {
    month,
    dimension: input.dimension,
    deals: {
      closed: n('closed'),
      revenueClosed: { amount: c.revenue?.[currency] ?? 0, currency },
      cancelled: n('cancelled'),
    },
    delivery: {
      delivered,
      onTime: n('onTime'),
      asSold: n('asSold'),
      promiseKept: n('promiseKept'),
      onTimeRate: rate(n('onTime'), delivered),
      asSoldRate: rate(n('asSold'), delivered),
      promiseKeptRate: rate(n('promiseKept'), delivered),
    },
    handoff: {
      count: handoffs,
      averageCompleteness: rate(n('checklistTrue'), handoffs * CHECKLIST_ITEMS),
      medianHoursToHandoff: lagTenths === null ? null : lagTenths / 10,
      returned: n('handoffReturns'),
      // Counted as the returned ones, so months projected before returns existed read every handoff as right.
      firstTimeRight: rate(handoffs - n('returnedHandoffs'), handoffs),
    },
    nps: { responses: nps.promoters + nps.passives + nps.detractors, ...nps, score: netPromoterScore(nps) },
    openCommitments: { count: open, dueNext30Days: n('dueNext30Days'), value: { amount: openValue, currency } },
    engagement: readEngagement(c),
  };
};
