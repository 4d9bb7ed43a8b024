import * as z from '../../domain/zod.ts';
import { addMonths, isTimeZone, Month } from '../../domain/calendar.ts';
import type { IncentivePlan } from '../../domain/incentives/plan.ts';
import { MonthPayout, type DeliveredDeal } from '../../domain/incentives/statements.ts';
import { Instant } from '../../domain/instant.ts';
import { Currency } from '../../domain/money.ts';
import { Money } from '../../domain/money.ts';
import { ScorecardSchema, type Scorecard } from '../../domain/scorecard/scorecard.ts';
import { MonthChange, monthChange } from './monthChange.ts';
import { PlanThresholds, planThresholdsOf } from './planThresholds.ts';
import { SideSummary, sideSummaryOf, TeamScorecard, teamScorecardOf } from './teamScorecards.ts';

/** How many months the trend shows: a year, so a seasonal dip reads as one. */
export const TREND_MONTHS = 12;

/** The organisation's scorecard of one month, as GET /v1/scorecards/{month} answers it. */
export const OrgScorecard = z.extend(ScorecardSchema, { dimension: z.literal('org') });
export type OrgScorecard = z.infer<typeof OrgScorecard>;

/** A deal delivered in the month, as its pool saw it; `refunded` when it was cancelled after delivery. */
export const ReportDelivery = z.strictObject({
  dealId: z.string(),
  sellerId: z.string(),
  opsId: z.string(),
  value: Money,
  deliveredAt: Instant,
  refunded: z.boolean(),
});
export type ReportDelivery = z.infer<typeof ReportDelivery>;

/**
 * What closing a month issues for leadership (and, through the payout, payroll): the payout with
 * how it was computed, and the organisation's scorecard for the month and the year before it; then
 * what the plan asked and what was reached, how the headline figures moved since the month before,
 * every sales and ops team's scorecard, each side's summary, and the month's deliveries.
 * Key order here is the order of the JSON report (the fields added later come last).
 */
export const IncentiveReport = z
  .strictObject({
    month: Month,
    timeZone: z.string().check(z.refine(isTimeZone, { message: 'must be an IANA time zone, e.g. Europe/Berlin' })),
    /** When the report was issued; passed in by whoever closes the month, so building it stays pure. */
    issuedAt: Instant,
    currency: Currency,
    payout: MonthPayout,
    scorecard: OrgScorecard,
    /** The last TREND_MONTHS months ending with `month`, oldest first. */
    trend: z.array(OrgScorecard).check(z.length(TREND_MONTHS)),
    /** null when no plan was in force. */
    thresholds: z.nullable(PlanThresholds),
    /** The organisation's headline figures against the month before. */
    change: MonthChange,
    teams: z.strictObject({ sales: z.array(TeamScorecard), ops: z.array(TeamScorecard) }),
    sides: z.strictObject({ sales: SideSummary, ops: SideSummary }),
    deliveries: z.array(ReportDelivery),
  })
  .check(
    z.superRefine((report, context) => {
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
    }),
  );
export type IncentiveReport = z.infer<typeof IncentiveReport>;

export interface IncentiveReportInput {
  timeZone: string;
  issuedAt: Instant;
  currency: string;
  payout: MonthPayout;
  /** The organisation's scorecards of the TREND_MONTHS months ending with the payout's month, oldest first. */
  trend: Scorecard[];
  /** The plan the payout was computed with (none: no thresholds to state). */
  plan?: IncentivePlan | null;
  /** Each team's scorecards of the month before and the month, by side. */
  teams?: { sales: TeamTrend[]; ops: TeamTrend[] };
  /** The deals delivered in the month, refunded ones included. */
  deliveries?: DeliveredDeal[];
}

export interface TeamTrend {
  team: string;
  previous: Scorecard;
  current: Scorecard;
}

const byDealId = (a: DeliveredDeal, b: DeliveredDeal): number => (a.dealId < b.dealId ? -1 : a.dealId > b.dealId ? 1 : 0);

/** Assembles the month's report; throws a ZodError when the parts do not describe one month in one currency. */
export const buildIncentiveReport = (input: IncentiveReportInput): IncentiveReport => {
  const teamCards = (side: 'sales' | 'ops') =>
    (input.teams?.[side] ?? []).map(({ team, previous, current }) => teamScorecardOf(team, side, previous, current));
  const teams = { sales: teamCards('sales'), ops: teamCards('ops') };
  const all = [...teams.sales, ...teams.ops];
  const [previous, current] = input.trend.slice(-2);
  return IncentiveReport.parse({
    month: input.payout.month,
    timeZone: input.timeZone,
    issuedAt: input.issuedAt,
    currency: input.currency,
    payout: input.payout,
    scorecard: input.trend.at(-1),
    trend: input.trend,
    thresholds: planThresholdsOf(input.plan ?? null, input.payout),
    change: previous && current ? monthChange(previous, current) : undefined,
    teams,
    sides: { sales: sideSummaryOf('sales', all, input.payout, input.currency), ops: sideSummaryOf('ops', all, input.payout, input.currency) },
    deliveries: [...(input.deliveries ?? [])].sort(byDealId).map((deal) => ({
      dealId: deal.dealId,
      sellerId: deal.sellerId,
      opsId: deal.opsId,
      value: deal.value,
      deliveredAt: deal.deliveredAt,
      refunded: deal.cancelled,
    })),
  });
};

/** The JSON report: two-space indented, keys in the schema's order whatever order they were built in, ending in a newline. */
export const reportJson = (report: IncentiveReport): string => `${JSON.stringify(IncentiveReport.parse(report), null, 2)}\n`;
