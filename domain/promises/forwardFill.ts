import type { IsoWeek } from '../isoWeek.ts';
import { jobsInOrder, type Commitment } from './commitment.ts';
import { weekIndexOf, type PlanningHorizon } from './planningHorizon.ts';

export interface ScheduledCommitment {
  commitment: Commitment;
  /** The week of its last minute; null when it does not finish within the horizon. */
  finishWeek: IsoWeek | null;
  /** Finishes after the week of its deadline, or not within the horizon. */
  atRisk: boolean;
  /** Minutes that found no room within the horizon. */
  minutesBeyondHorizon: number;
}

export interface Schedule {
  /** In the order they were served. */
  commitments: ScheduledCommitment[];
  /** Minutes scheduled in each week of the horizon. */
  scheduledMinutes: number[];
}

/**
 * The schedule of one ops team (PROMISES.md, "Scheduling"): each job in turn, by deadline, takes
 * minutes from the earliest week with minutes left, from W0 on, spilling into later weeks.
 */
export const forwardFill = (horizon: PlanningHorizon, capacityMinutes: readonly number[], commitments: readonly Commitment[]): Schedule => {
  const length = horizon.weeks.length;
  const scheduledMinutes: number[] = new Array(length).fill(0);
  const scheduled: ScheduledCommitment[] = [];
  let week = 0;
  let left = capacityMinutes[0] ?? 0;
  for (const job of jobsInOrder(commitments)) {
    let needed = job.commitment.minutes;
    let finish: number | null = null;
    while (needed > 0 && week < length) {
      const taken = Math.min(needed, left);
      needed -= taken;
      left -= taken;
      scheduledMinutes[week] = (scheduledMinutes[week] as number) + taken;
      if (needed === 0) finish = week;
      else {
        week += 1;
        left = capacityMinutes[week] ?? 0;
      }
    }
    const deadlineWeek = weekIndexOf(horizon, job.deadlineMs);
    scheduled.push({
      commitment: job.commitment,
      finishWeek: finish === null ? null : (horizon.weeks[finish] as IsoWeek),
      atRisk: finish === null || finish > deadlineWeek,
      minutesBeyondHorizon: needed,
    });
  }
  return { commitments: scheduled, scheduledMinutes };
};
