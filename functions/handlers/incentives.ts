import type { Month } from '../../domain/calendar.ts';
import { IncentivePlan } from '../../domain/incentives/plan.ts';
import { isClosed, type ClosedMonth } from '../incentives/incentiveRecords.ts';
import type { IncentiveService } from '../incentives/incentiveService.ts';
import { countClose } from '../incentives/monthCloseMetrics.ts';
import { flushingMetrics, processMetrics, type MetricsRecorder } from '../observability/metrics.ts';
import { payoutVisibleTo } from '../http/access.ts';
import { callerOf, requireRole } from '../http/caller.ts';
import { toHttpProblem } from '../http/errorResponse.ts';
import { createHttpHandler, type RouteHandler } from '../http/httpHandler.ts';
import { monthOfPath } from '../http/pathParameters.ts';
import { HttpProblem, jsonResponse } from '../http/problem.ts';
import { parseJsonBody } from '../http/requestBody.ts';
import type { ReportStore } from '../reports/reportStore.ts';

export interface IncentivesHandlerDeps {
  incentives: IncentiveService;
  reports: ReportStore;
  /** Where closes, failed closes and pools are counted (default: this process's recorder). */
  metrics?: MetricsRecorder;
}

const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];
const reportKeyOf = { json: 'json', csv: 'payrollCsv', html: 'html' } as const satisfies Record<ReportFormat, string>;

const reportLinks = (month: Month, closing: ClosedMonth) =>
  closing.reports
    ? Object.fromEntries(
        REPORT_FORMATS.map((format) => [reportKeyOf[format], { href: `/v1/reports/${month}/${format}`, key: closing.reports![reportKeyOf[format]] }]),
      )
    : null;

const issuedReport = (month: Month, closing: ClosedMonth) => ({
  status: 'closed' as const,
  closedAt: closing.closed.closedAt,
  ...closing.closed.payout,
  reports: reportLinks(month, closing),
});

const closedMonth = async (incentives: IncentiveService, month: Month): Promise<ClosedMonth> => {
  const closing = await incentives.closing(month);
  if (!isClosed(closing)) throw new HttpProblem(404, 'month-not-closed', `${month} is not closed, so it has no reports yet`);
  return closing;
};

/** One format of a closed month's issued reports, as it was stored. */
const issuedReportRoute =
  (deps: Pick<IncentivesHandlerDeps, 'incentives' | 'reports'>, format: ReportFormat): RouteHandler =>
  async (event, route) => {
    requireRole(callerOf(event), route);
    const month = monthOfPath(event);
    const closing = await closedMonth(deps.incentives, month);
    const stored = closing.reports ? await deps.reports.get(closing.reports[reportKeyOf[format]]) : null;
    if (!stored) throw new HttpProblem(404, 'report-not-issued', `the ${format} report of ${month} has not been issued yet; closing the month again issues it`);
    const filename = closing.reports![reportKeyOf[format]].split('/').at(-1)!;
    // Payroll imports the CSV as a file: a browser saves it under a name that says which month it pays.
    const disposition = format === 'csv' ? `attachment; filename="payroll-${month}.csv"` : `inline; filename="${filename}"`;
    return {
      statusCode: 200,
      headers: { 'content-type': stored.contentType, 'content-disposition': disposition },
      body: stored.body,
    };
  };

export const createIncentivesHandler = (deps: IncentivesHandlerDeps) => {
  const metrics = deps.metrics ?? processMetrics();
  return flushingMetrics(
    metrics,
    createHttpHandler('incentives', {
      'PUT /v1/incentive-plans/{planId}': async (event, route) => {
        const caller = callerOf(event);
        requireRole(caller, route);
        const plan = parseJsonBody(event, IncentivePlan);
        if (plan.planId !== event.pathParameters?.planId) {
          throw new HttpProblem(400, 'validation-failed', 'planId in the body must be the plan id in the path', [
            { path: 'planId', message: `must be ${event.pathParameters?.planId ?? 'the path plan id'}` },
          ]);
        }
        const { created } = await deps.incentives.publishPlan(plan, caller);
        return jsonResponse(created ? 201 : 200, plan, { location: `/v1/incentive-plans/${plan.planId}` });
      },
      'GET /v1/incentive-plans': async (event, route) => {
        requireRole(callerOf(event), route);
        const plans = await deps.incentives.plans();
        return jsonResponse(200, { plans: [...plans].sort((a, b) => a.version - b.version) });
      },
      'GET /v1/payouts/{month}': async (event, route) => {
        const caller = callerOf(event);
        requireRole(caller, route);
        return jsonResponse(200, payoutVisibleTo(caller, await deps.incentives.payouts(monthOfPath(event))));
      },
      'POST /v1/months/{month}/close': async (event, route) => {
        const caller = callerOf(event);
        requireRole(caller, route);
        const month = monthOfPath(event);
        try {
          const { created, closing } = await deps.incentives.close(month, caller);
          countClose(metrics, created, closing);
          return jsonResponse(created ? 201 : 200, issuedReport(month, closing), { location: `/v1/payouts/${month}` });
        } catch (error) {
          // A refused close (a month not over yet) is the caller's to fix; a 5xx left the month without its reports.
          const problem = toHttpProblem(error);
          if (problem.status >= 500) metrics.monthClose('failed');
          throw problem;
        }
      },
      'GET /v1/reports/{month}': async (event, route) => {
        requireRole(callerOf(event), route);
        const month = monthOfPath(event);
        const closing = await closedMonth(deps.incentives, month);
        return jsonResponse(200, { month, closedAt: closing.closed.closedAt, reports: reportLinks(month, closing) });
      },
      'GET /v1/reports/{month}/json': issuedReportRoute(deps, 'json'),
      'GET /v1/reports/{month}/csv': issuedReportRoute(deps, 'csv'),
      'GET /v1/reports/{month}/html': issuedReportRoute(deps, 'html'),
    }),
  );
};
