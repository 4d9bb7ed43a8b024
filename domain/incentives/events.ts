import { z } from 'zod';
import { Month } from '../calendar.ts';
import { Instant } from '../instant.ts';
import { IncentivePlan } from './plan.ts';
import { MonthPayout, Statement } from './statements.ts';

/** Where each report of a closed month is kept, by format: keys in the reports store. */
export const IssuedReports = z
  .object({
    json: z.string().min(1),
    payrollCsv: z.string().min(1),
    html: z.string().min(1),
  })
  .strict();
export type IssuedReports = z.infer<typeof IssuedReports>;

export const incentiveEventData = {
  /** A plan version, immutable once published; it is in force from its month on. */
  IncentivePlanPublished: z.object({ plan: IncentivePlan }).strict(),
  /**
   * A month's payout, frozen: what payroll pays. Later facts become corrections on a later close.
   * Its statements follow in `statementParts` StatementsIssued events, recorded with it in one
   * transaction, because a large month's statements outgrow one DynamoDB item (400 KB).
   */
  MonthClosed: z.object({ month: Month, closedAt: Instant, payout: MonthPayout, statementParts: z.int().nonnegative() }).strict(),
  /** One part of a closed month's statements, in order. */
  StatementsIssued: z.object({ month: Month, part: z.int().positive(), statements: z.array(Statement) }).strict(),
  /** The month's reports are stored; announced on the bus for payroll and leadership. */
  IncentiveReportPublished: z.object({ month: Month, reports: IssuedReports }).strict(),
} as const;

export type IncentiveEventType = keyof typeof incentiveEventData;

const eventOf = <T extends IncentiveEventType>(type: T) =>
  z.object({ type: z.literal(type), occurredAt: Instant, data: incentiveEventData[type] });

export const IncentiveEvent = z.discriminatedUnion('type', [
  eventOf('IncentivePlanPublished'),
  eventOf('MonthClosed'),
  eventOf('StatementsIssued'),
  eventOf('IncentiveReportPublished'),
]);
export type IncentiveEvent = z.infer<typeof IncentiveEvent>;
export type IncentiveEventOf<T extends IncentiveEventType> = Extract<IncentiveEvent, { type: T }>;

/** Every plan version lives on one stream, so a version number names one plan and no race can publish it twice. */
export const PLANS_STREAM_ID = 'plans#org';
/** Every month's close and its reports, in the order they were recorded. */
export const CLOSES_STREAM_ID = 'closes#org';
