import * as z from 'zod';
import { addMonths, isTimeZone, Month } from '../../domain/calendar.ts';
import { MonthPayout } from '../../domain/incentives/statements.ts';
import { Instant } from '../../domain/instant.ts';
import { Currency } from '../../domain/money.ts';
import { ScorecardSchema, type Scorecard } from '../../domain/scorecard/scorecard.ts';

/** How many months the trend shows: a year, so a seasonal dip reads as one. */
export const TREND_MONTHS = 12;

/** The organisation's scorecard of one month, as GET /v1/scorecards/{month} answers it. */
export const OrgScorecard = ScorecardSchema.extend({ dimension: z.literal('org') });
export type OrgScorecard = z.infer<typeof OrgScorecard>;

/**
 * What closing a month issues for leadership (and, through the payout, payroll): the payout with
 * how it was computed, and the organisation's scorecard for the month and the year before it.
 * Key order here is the order of the JSON report.
 */
export const IncentiveReport = z
  .object({
    month: Month,
    timeZone: z.string().refine(isTimeZone, { message: 'must be an IANA time zone, e.g. Europe/Berlin' }),
    /** When the report was issued; passed in by whoever closes the month, so building it stays pure. */
    issuedAt: Instant,
    currency: Currency,
    payout: MonthPayout,
    scorecard: OrgScorecard,
    /** The last TREND_MONTHS months ending with `month`, oldest first. */
    trend: z.array(OrgScorecard).length(TREND_MONTHS),
  })
  .strict()
  .superRefine((report, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    if (report.payout.month !== report.month) issue(['payout', 'month'], `must be the report's month ${report.month}`);
    if (report.scorecard.month !== report.month) issue(['scorecard', 'month'], `must be the report's month ${report.month}`);
    report.trend.forEach((scorecard, index) => {
      const expected = addMonths(report.month, index - (report.trend.length - 1));
      if (scorecard.month !== expected) issue(['trend', index, 'month'], `must be ${expected}: the trend runs oldest first and ends with the report's month`);
    });
    // One report, one currency: a sum of mixed currencies would be a number that means nothing.
    const amounts: [(string | number)[], { currency: string }][] = [
      [['payout', 'pool'], report.payout.pool],
      [['scorecard', 'deals', 'revenueClosed'], report.scorecard.deals.revenueClosed],
      [['scorecard', 'openCommitments', 'value'], report.scorecard.openCommitments.value],
    ];
    report.payout.statements.forEach((statement, s) => {
      amounts.push([['payout', 'statements', s, 'total'], statement.total]);
      statement.lines.forEach((line, l) => amounts.push([['payout', 'statements', s, 'lines', l, 'amount'], line.amount]));
      const sum = statement.lines.reduce((total, line) => total + line.amount.amount, 0);
      if (sum !== statement.total.amount) issue(['payout', 'statements', s, 'total', 'amount'], `must be the sum of the lines, ${sum}`);
    });
    for (const [path, money] of amounts) {
      if (money.currency !== report.currency) issue([...path, 'currency'], `must be the report's currency ${report.currency}`);
    }
  });
export type IncentiveReport = z.infer<typeof IncentiveReport>;

export interface IncentiveReportInput {
  timeZone: string;
  issuedAt: Instant;
  currency: string;
  payout: MonthPayout;
  /** The organisation's scorecards of the TREND_MONTHS months ending with the payout's month, oldest first. */
  trend: Scorecard[];
}

/** Assembles the month's report; throws a ZodError when the parts do not describe one month in one currency. */
export const buildIncentiveReport = (input: IncentiveReportInput): IncentiveReport =>
  IncentiveReport.parse({
    month: input.payout.month,
    timeZone: input.timeZone,
    issuedAt: input.issuedAt,
    currency: input.currency,
    payout: input.payout,
    scorecard: input.trend.at(-1),
    trend: input.trend,
  });

/** The JSON report: two-space indented, keys in the schema's order whatever order they were built in, ending in a newline. */
export const reportJson = (report: IncentiveReport): string => `${JSON.stringify(IncentiveReport.parse(report), null, 2)}\n`;
