import * as z from '../zod.ts';
import { Month } from '../calendar.ts';
import { Instant } from '../instant.ts';
import { IncentivePlan } from './plan.ts';
import { MonthPayout, Statement } from './statements.ts';

/** Where each report of a closed month can be fetched, by format. */
export const IssuedReports = z.strictObject({
  json: z.string().check(z.minLength(1)),
  payrollCsv: z.string().check(z.minLength(1)),
  html: z.string().check(z.minLength(1)),
});
export type IssuedReports = z.infer<typeof IssuedReports>;

export const incentiveEventData = {
  /** A plan version, immutable once published; it is in force from its month on. */
  IncentivePlanPublished: z.strictObject({ plan: IncentivePlan }),
  /**
   * A month's payout, frozen: what payroll pays. Later facts become corrections on a later close.
   * Its statements follow in `statementParts` StatementsIssued events, recorded with it all at once,
   * because a large month's statements are too large for one event.
   */
  MonthClosed: z.strictObject({ month: Month, closedAt: Instant, payout: MonthPayout, statementParts: z.int().check(z.nonnegative()) }),
  /** One part of a closed month's statements, in order. */
  StatementsIssued: z.strictObject({ month: Month, part: z.int().check(z.positive()), statements: z.array(Statement) }),
  /** The month's reports are issued, for payroll and leadership. */
  IncentiveReportPublished: z.strictObject({ month: Month, reports: IssuedReports }),
} as const;

export type IncentiveEventType = keyof typeof incentiveEventData;

const eventOf = <T extends IncentiveEventType>(type: T) =>
  z.object({ type: z.literal(type), occurredAt: Instant, data: incentiveEventData[type] });

/** What the plans' stream holds: every plan version, in the order they were published. */
export const PlanEvent = z.discriminatedUnion('type', [eventOf('IncentivePlanPublished')]);
export type PlanEvent = z.infer<typeof PlanEvent>;

/** What the closes' stream holds: each month's close, its statements and its reports. */
export const MonthClosingEvent = z.discriminatedUnion('type', [
  eventOf('MonthClosed'),
  eventOf('StatementsIssued'),
  eventOf('IncentiveReportPublished'),
]);
export type MonthClosingEvent = z.infer<typeof MonthClosingEvent>;
