import { addMonths, monthOf, Month } from '../../domain/calendar.ts';
import { Instant } from '../../domain/instant.ts';
import type { Actor } from '../../domain/roles.ts';
import type { IncentiveService } from '../incentives/incentiveService.ts';
import { logger } from '../observability/logger.ts';
import { flushingMetrics, processMetrics, type MetricsRecorder } from '../observability/metrics.ts';
import { countClose } from '../incentives/monthCloseMetrics.ts';

/** Who closes a month on schedule, as recorded on the MonthClosed event. */
export const SCHEDULER_ACTOR: Actor = { id: 'monthly-close-schedule', roles: ['admin'] };

export interface ScheduledClose {
  /** When the schedule was due (EventBridge Scheduler's `<aws.scheduler.scheduled-time>`). */
  scheduledTime?: string;
  /** A month to close instead of the one before the scheduled time's month. */
  month?: string;
}

/**
 * Runs on the 1st of each month in the business time zone and closes the month before the one the
 * schedule was due in, not the one it runs in, so a run redriven from the dead-letter queue weeks
 * later still closes the month it was meant for. A retry closes nothing twice, and any closed month
 * whose reports a failed run left unissued gets them now.
 */
export const createMonthCloseScheduleHandler = (deps: {
  incentives: IncentiveService;
  timeZone: string;
  now?: () => Date;
  /** Where closes, failed closes and pools are counted (default: this process's recorder). */
  metrics?: MetricsRecorder;
}) => {
  const metrics = deps.metrics ?? processMetrics();
  return flushingMetrics(metrics, async (event: ScheduledClose = {}) => {
    try {
      const due = event.scheduledTime === undefined ? (deps.now ?? (() => new Date()))().toISOString() : Instant.parse(event.scheduledTime);
      const month = event.month === undefined ? addMonths(monthOf(due, deps.timeZone), -1) : Month.parse(event.month);
      const { created, closing } = await deps.incentives.close(month, SCHEDULER_ACTOR);
      countClose(metrics, created, closing);
      const reissued = await deps.incentives.issueMissingReports(SCHEDULER_ACTOR);
      logger.info('month closed on schedule', { month, created, pool: closing.closed.payout.pool, reissued });
      return { month, created, closedAt: closing.closed.closedAt, pool: closing.closed.payout.pool, reports: closing.reports, reissued };
    } catch (error) {
      // Whatever stopped the scheduled run, payroll is left waiting on it: someone must look.
      metrics.monthClose('failed');
      throw error;
    }
  });
};
