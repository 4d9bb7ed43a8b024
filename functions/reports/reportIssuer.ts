import { addMonths, type Month } from '../../domain/calendar.ts';
import type { IssuedReports } from '../../domain/incentives/events.ts';
import type { MonthPayout } from '../../domain/incentives/statements.ts';
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
}

/**
 * Writes a closed month's three reports. Issuing again overwrites them with the same payout (the
 * frozen one) and the same issue time, so a close retried after a crash converges on one set.
 */
export const createReportIssuer = (deps: ReportIssuerDeps) => async (closed: { closedAt: string; payout: MonthPayout }): Promise<IssuedReports> => {
  const { payout } = closed;
  const currency = payout.pool.currency;
  const trend = await trendFor(deps.scorecards, currency, 'org', { from: addMonths(payout.month, 1 - TREND_MONTHS), to: payout.month });
  const report = buildIncentiveReport({ timeZone: deps.timeZone, issuedAt: closed.closedAt, currency, payout, trend });
  const keys = reportKeys(payout.month);
  await Promise.all([
    deps.store.put(keys.json, { body: reportJson(report), contentType: 'application/json; charset=utf-8' }),
    deps.store.put(keys.payrollCsv, { body: payrollCsv(payout), contentType: 'text/csv; charset=utf-8' }),
    deps.store.put(keys.html, { body: renderHtmlReport(report), contentType: 'text/html; charset=utf-8' }),
  ]);
  return keys;
};

export type ReportIssuer = ReturnType<typeof createReportIssuer>;
