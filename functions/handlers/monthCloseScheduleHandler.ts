import { addMonths, monthOf, Month } from '../../domain/calendar.ts';
import type { Actor } from '../../domain/roles.ts';
import type { IncentiveService } from '../incentives/incentiveService.ts';
import { logger } from '../observability.ts';

/** Who closes a month on schedule, as recorded on the MonthClosed event. */
export const SCHEDULER_ACTOR: Actor = { id: 'monthly-close-schedule', roles: ['admin'] };

export interface ScheduledClose {
  /** A month to close; by default the month before the one the schedule fired in. */
  month?: string;
}

/**
 * Runs on the 1st of each month in the business time zone and closes the month before. A retry by
 * the scheduler closes nothing twice: the close answers with the first result.
 */
export const createMonthCloseScheduleHandler =
  (deps: { incentives: IncentiveService; timeZone: string; now?: () => Date }) =>
  async (event: ScheduledClose = {}) => {
    const month = event.month === undefined ? addMonths(monthOf((deps.now ?? (() => new Date()))().getTime(), deps.timeZone), -1) : Month.parse(event.month);
    const { created, closing } = await deps.incentives.close(month, SCHEDULER_ACTOR);
    logger.info('month closed on schedule', { month, created, pool: closing.closed.payout.pool });
    return { month, created, closedAt: closing.closed.closedAt, pool: closing.closed.payout.pool, reports: closing.reports };
  };
