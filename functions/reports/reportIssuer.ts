import { addMonths, type Month } from '../../domain/calendar.ts';
import type { IssuedReports } from '../../domain/incentives/events.ts';
import type { IncentivePlan } from '../../domain/incentives/plan.ts';
import type { DeliveredDeal, MonthPayout } from '../../domain/incentives/statements.ts';
import type { MonthTeams } from '../projections/monthTeamsRepository.ts';
import type { ScorecardRepository } from '../projections/scorecardRepository.ts';
import { trendFor } from '../queries/scorecardQuery.ts';
import { renderHtmlReport } from './htmlReport.ts';
import { buildIncentiveReport, reportJson, TREND_MONTHS } from './incentiveReport.ts';
import { payrollCsv } from './payrollCsv.ts';
import type { ReportStore } from './reportStore.ts';

export const reportKeys = (month: Month): IssuedReports => ({
  json: `${month}/handshake-${month}.json`,
  payrollCsv: `${month}/payroll-${month}.csv`,
  html: `${month}/handshake-${month}.html`,
});

export interface ReportIssuerDeps {
  store: ReportStore;
  scorecards: ScorecardRepository;
  timeZone: string;
  /** The sales and ops teams that sold or delivered in a month. */
  teamsOf: (month: Month) => Promise<MonthTeams>;
  /** The deals delivered in a month, refunded ones included. */
  deliveriesOf: (month: Month) => Promise<DeliveredDeal[]>;
}

/**
 * Writes a closed month's three reports. Issuing again overwrites them with the same payout (the
 * frozen one) and the same issue time, so a close retried after a crash converges on one set.
 */
export const createReportIssuer =
  (deps: ReportIssuerDeps) =>
  async (closed: { closedAt: string; payout: MonthPayout; plan: IncentivePlan | null }): Promise<IssuedReports> => {
    const { payout } = closed;
    const currency = payout.pool.currency;
    const range = { from: addMonths(payout.month, -1), to: payout.month };
    const teamTrends = async (teams: string[]) =>
      Promise.all(
        teams.map(async (team) => {
          const [previous, current] = await trendFor(deps.scorecards, currency, `team:${team}`, range);
          return { team, previous: previous!, current: current! };
        }),
      );
    const [trend, teams, deliveries] = await Promise.all([
      trendFor(deps.scorecards, currency, 'org', { from: addMonths(payout.month, 1 - TREND_MONTHS), to: payout.month }),
      deps.teamsOf(payout.month).then(async ({ sales, ops }) => ({ sales: await teamTrends(sales), ops: await teamTrends(ops) })),
      deps.deliveriesOf(payout.month),
    ]);
    const report = buildIncentiveReport({
      timeZone: deps.timeZone,
      issuedAt: closed.closedAt,
      currency,
      payout,
      trend,
      plan: closed.plan,
      teams,
      deliveries,
    });
    const keys = reportKeys(payout.month);
    await Promise.all([
      deps.store.put(keys.json, { body: reportJson(report), contentType: 'application/json; charset=utf-8' }),
      deps.store.put(keys.payrollCsv, { body: payrollCsv(payout), contentType: 'text/csv; charset=utf-8' }),
      deps.store.put(keys.html, { body: renderHtmlReport(report), contentType: 'text/html; charset=utf-8' }),
    ]);
    return keys;
  };

export type ReportIssuer = ReturnType<typeof createReportIssuer>;
