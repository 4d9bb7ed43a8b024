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

// Every check within a week plans over the same weeks: working out their boundaries once per zone and
// week keeps a check on the close path to a sort of the commitments and two passes over them.
const horizons = new Map<string, PlanningHorizon>();

export const planningHorizon = (at: string | number, timeZone: string, length: number = HORIZON_WEEKS): PlanningHorizon => {
  const first = isoWeekOf(at, timeZone);
  const key = `${timeZone} ${first} ${length}`;
  let horizon = horizons.get(key);
  if (!horizon) {
    const weeks = Object.freeze(Array.from({ length }, (_, index) => addWeeks(first, index)));
    const boundariesMs = Object.freeze([...weeks, addWeeks(first, length)].map((week) => weekStartMs(week, timeZone)));
    horizon = Object.freeze({ timeZone, weeks, boundariesMs });
    horizons.set(key, horizon);
  }
  return horizon;
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
