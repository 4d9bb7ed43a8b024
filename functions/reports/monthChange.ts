import * as z from '../../domain/zod.ts';
import { Month } from '../../domain/calendar.ts';
import type { Scorecard } from '../../domain/scorecard/scorecard.ts';

/**
 * How a scorecard's headline figures moved since the month before: counts and money as differences,
 * rates in fractions (0.05 is five points), NPS in points. null where either month has nothing to
 * compare (a rate with no deliveries, an NPS with no answers), shown as "—".
 */
export const MonthChange = z.strictObject({
  previousMonth: Month,
  dealsClosed: z.int(),
  revenueClosed: z.strictObject({ amount: z.int(), currency: z.string() }),
  delivered: z.int(),
  promiseKeptRate: z.nullable(z.number()),
  nps: z.nullable(z.int()),
  npsResponses: z.int(),
});
export type MonthChange = z.infer<typeof MonthChange>;

const difference = (now: number | null, before: number | null): number | null => (now === null || before === null ? null : now - before);

export const monthChange = (previous: Scorecard, current: Scorecard): MonthChange => ({
  previousMonth: previous.month,
  dealsClosed: current.deals.closed - previous.deals.closed,
  revenueClosed: {
    amount: current.deals.revenueClosed.amount - previous.deals.revenueClosed.amount,
    currency: current.deals.revenueClosed.currency,
  },
  delivered: current.delivery.delivered - previous.delivery.delivered,
  promiseKeptRate: difference(current.delivery.promiseKeptRate, previous.delivery.promiseKeptRate),
  nps: difference(current.nps.score, previous.nps.score),
  npsResponses: current.nps.responses - previous.nps.responses,
});
