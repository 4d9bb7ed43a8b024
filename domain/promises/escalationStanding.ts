import type { Instant } from '../instant.ts';
import type { EscalationLevel } from './engagementLevel.ts';
import type { SlaHoursByLevel } from './rulesOfEngagement.ts';
import { thousandthsOf } from './thousandths.ts';

/** A thousandth of an hour. */
const MS_PER_THOUSANDTH_HOUR = 3_600;

/** Where an undecided escalation stands: its level and when that level is due. */
export interface EscalationStanding {
  level: EscalationLevel;
  dueBy: Instant;
}

/** One rise: at `at` (when the due time passed) it went from `fromLevel` to `level`, due by `dueBy`. */
export interface EscalationRise {
  at: Instant;
  fromLevel: EscalationLevel;
  level: EscalationLevel;
  dueBy: Instant;
}

/** An SLA in ms, exactly: it has at most 3 decimals of hours and a thousandth of an hour is 3,600 ms. */
export const slaMs = (slaHours: SlaHoursByLevel, level: EscalationLevel): number => thousandthsOf(slaHours[level]) * MS_PER_THOUSANDTH_HOUR;

export const dueAfter = (at: Instant, slaHours: SlaHoursByLevel, level: EscalationLevel): Instant =>
  new Date(Date.parse(at) + slaMs(slaHours, level)).toISOString();

/**
 * The rises of an undecided escalation from where it stood up to `at` (PROMISES.md, "Escalations"):
 * once `at` is past the due time it has risen one level, due its own SLA after the previous due time,
 * and so on up to the owner (level 3), where it stays.
 */
export const risesUntil = (from: EscalationStanding, slaHours: SlaHoursByLevel, at: Instant): EscalationRise[] => {
  const atMs = Date.parse(at);
  const rises: EscalationRise[] = [];
  let { level, dueBy } = from;
  while (level < 3 && atMs > Date.parse(dueBy)) {
    const next = (level + 1) as EscalationLevel;
    const rise: EscalationRise = { at: dueBy, fromLevel: level, level: next, dueBy: dueAfter(dueBy, slaHours, next) };
    rises.push(rise);
    ({ level, dueBy } = rise);
  }
  return rises;
};

/** Where an undecided escalation stands at `at`. */
export const standingAt = (from: EscalationStanding, slaHours: SlaHoursByLevel, at: Instant): EscalationStanding => {
  const last = risesUntil(from, slaHours, at).at(-1);
  return last ? { level: last.level, dueBy: last.dueBy } : from;
};
