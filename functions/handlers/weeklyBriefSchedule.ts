import { addWeeks, isoWeekOf, IsoWeek } from '../../domain/isoWeek.ts';
import { Instant } from '../../domain/instant.ts';
import type { Actor } from '../../domain/roles.ts';
import type { BriefService } from '../cadence/briefService.ts';
import { logger } from '../observability/logger.ts';

/** Who publishes a brief on schedule, as recorded on the WeeklyBriefPublished event. */
export const BRIEF_SCHEDULE_ACTOR: Actor = { id: 'weekly-brief-schedule', roles: ['admin'] };

export interface ScheduledBrief {
  /** When the schedule was due (EventBridge Scheduler's `<aws.scheduler.scheduled-time>`). */
  scheduledTime?: string;
  /** A week to publish instead of the one before the scheduled time's week. */
  week?: string;
}

/**
 * Runs every Monday at 06:00 in the business time zone and publishes the brief of the week before the
 * one the run was due in, not the one it runs in, so a run redriven from the dead-letter queue later
 * still publishes the week it was meant for. A retry publishes nothing twice.
 */
export const createWeeklyBriefScheduleHandler = (deps: { briefs: BriefService; timeZone: string; now?: () => Date }) =>
  async (event: ScheduledBrief = {}) => {
    const due = event.scheduledTime === undefined ? (deps.now ?? (() => new Date()))().toISOString() : Instant.parse(event.scheduledTime);
    const week = event.week === undefined ? addWeeks(isoWeekOf(due, deps.timeZone), -1) : IsoWeek.parse(event.week);
    const { created, published } = await deps.briefs.publish(week, BRIEF_SCHEDULE_ACTOR);
    logger.info('weekly brief on schedule', { week, created, publishedAt: published.publishedAt });
    return { week, created, publishedAt: published.publishedAt, documents: published.documents };
  };
