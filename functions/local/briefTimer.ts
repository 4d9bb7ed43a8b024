import { isoWeekOf, weekStartMs } from '../../domain/isoWeek.ts';
import type { ScheduledBrief } from '../handlers/weeklyBriefSchedule.ts';

const MONDAY_RUN_MS = 6 * 3_600_000;

/**
 * When this week's brief run is due: Monday 06:00 on the business's wall clock (six hours after the
 * week's first instant; no zone moves its clocks in a Monday's small hours), or null before then.
 */
export const briefRunDue = (nowMs: number, timeZone: string): string | null => {
  const due = weekStartMs(isoWeekOf(nowMs, timeZone), timeZone) + MONDAY_RUN_MS;
  return nowMs >= due ? new Date(due).toISOString() : null;
};

/**
 * The local runtime's weekly brief schedule: each tick, once Monday 06:00 has passed, runs what the
 * AWS schedule runs with the time it was due. A brief is published once, so later ticks change nothing.
 */
export const briefTick =
  (publish: (event: ScheduledBrief) => Promise<unknown>, timeZone: string, now: () => Date) =>
  async (): Promise<void> => {
    const scheduledTime = briefRunDue(now().getTime(), timeZone);
    if (scheduledTime) await publish({ scheduledTime });
  };
