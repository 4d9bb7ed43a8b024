import { addWeeks, isoWeekOf, weekStartMs, type IsoWeek } from '../isoWeek.ts';
import { weekCapacityMinutes, type Capacity } from './capacity.ts';

/** How far ahead operations plans: two years of weeks (PROMISES.md, "Scheduling"). */
export const HORIZON_WEEKS = 104;

/** The weeks a schedule fills, from W0 (the week of the instant planned at) on. */
export interface PlanningHorizon {
  timeZone: string;
  /** W0, W0+1, ... W0+(length-1). */
  weeks: readonly IsoWeek[];
  /** length + 1 instants (epoch ms): the start of each week, then the end of the last one. */
  boundariesMs: readonly number[];
}

export const planningHorizon = (at: string | number, timeZone: string, length: number = HORIZON_WEEKS): PlanningHorizon => {
  const first = isoWeekOf(at, timeZone);
  const weeks = Array.from({ length }, (_, index) => addWeeks(first, index));
  const boundariesMs = [...weeks, addWeeks(first, length)].map((week) => weekStartMs(week, timeZone));
  return { timeZone, weeks, boundariesMs };
};

/**
 * The index of the week an instant falls in: -1 for any week before W0 (an overdue deadline), the
 * horizon's length for any week after it.
 */
export const weekIndexOf = (horizon: PlanningHorizon, epochMs: number): number => {
  const { boundariesMs } = horizon;
  // The number of boundaries at or before the instant, less one.
  let low = 0;
  let high = boundariesMs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((boundariesMs[middle] as number) <= epochMs) low = middle + 1;
    else high = middle;
  }
  return low - 1;
};

/** Each week's capacity in minutes; every week is 0 for a team that has published no capacity. */
export const capacityOverHorizon = (horizon: PlanningHorizon, capacity: Capacity | null): number[] =>
  horizon.weeks.map((week) => (capacity ? weekCapacityMinutes(capacity, week) : 0));
