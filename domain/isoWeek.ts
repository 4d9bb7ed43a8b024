import * as z from './zod.ts';
import { civilFromDays, daysFromCivil } from './civilDays.ts';
import { wallClockMs, zoneOffsetMs } from './wallClock.ts';
import { BoundedCache } from './boundedCache.ts';
import { toEpochMs } from './instant.ts';

/**
 * ISO 8601 weeks on the business's wall calendar: a week starts Monday 00:00 local and week 1 of a
 * year is the week holding its first Thursday, so a year has 52 or 53 weeks.
 */

const WEEK_FORMAT = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

/** Monday is 0: 1970-01-01 was a Thursday. */
const weekdayOf = (days: number): number => (((days + 3) % 7) + 7) % 7;

/** A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
export const isoWeeksInYear = (year: number): 52 | 53 => {
  const startsOn = (y: number) => (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) % 7;
  return startsOn(year) === 4 || startsOn(year - 1) === 3 ? 53 : 52;
};

const formatWeek = (year: number, week: number): IsoWeek => `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;

const isoWeekOfDay = (days: number): IsoWeek => {
  const thursday = days - weekdayOf(days) + 3;
  const { year } = civilFromDays(thursday);
  return formatWeek(year, Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1);
};

/** Why a string is not an ISO week that exists, or null when it is one. */
const weekProblem = (text: string): string | null => {
  const match = WEEK_FORMAT.exec(text);
  if (!match) return `${text} is not an ISO week: expected YYYY-Www, e.g. 2026-W53`;
  const year = Number(match[1]);
  const week = Number(match[2]);
  const weeks = isoWeeksInYear(year);
  if (year < 1 || week < 1 || week > weeks) return `${text} does not exist: ${year} has ${weeks} ISO weeks`;
  return null;
};

/** An ISO week as `YYYY-Www`; a week the year does not have (2027-W53) is refused with a message naming it. */
export const IsoWeek = z.string().check(
  z.superRefine((text, ctx) => {
    const problem = weekProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  z.meta({ description: 'ISO 8601 week in the business time zone, YYYY-Www', example: '2026-W53', pattern: WEEK_FORMAT.source }),
);
export type IsoWeek = z.infer<typeof IsoWeek>;

export const isIsoWeek = (text: string): boolean => weekProblem(text) === null;

/** The week, or a RangeError naming what is wrong with it: for week strings that were not validated at the edge. */
export const parseIsoWeek = (text: string): { year: number; week: number } => {
  const problem = weekProblem(text);
  if (problem) throw new RangeError(problem);
  const match = WEEK_FORMAT.exec(text) as RegExpExecArray;
  return { year: Number(match[1]), week: Number(match[2]) };
};

/** The day number (since 1970-01-01) of the week's Monday. */
const mondayOf = (week: IsoWeek): number => {
  const { year, week: number } = parseIsoWeek(week);
  const january4 = daysFromCivil(year, 1, 4);
  return january4 - weekdayOf(january4) + 7 * (number - 1);
};

/** The week `count` weeks after (or, when negative, before) this one. */
export const addWeeks = (week: IsoWeek, count: number): IsoWeek => isoWeekOfDay(mondayOf(week) + 7 * count);

/** Weeks between two weeks: how many times `from` must be advanced to reach `to` (negative when `to` is earlier). */
export const weeksBetween = (from: IsoWeek, to: IsoWeek): number => (mondayOf(to) - mondayOf(from)) / 7;

/** `count` consecutive weeks starting with `from`. */
export const weekRange = (from: IsoWeek, count: number): IsoWeek[] => {
  const monday = mondayOf(from);
  return Array.from({ length: Math.max(0, count) }, (_, index) => isoWeekOfDay(monday + 7 * index));
};

/**
 * The first instant of a local day. Around a change of offset the day's midnight may occur twice (the
 * first one starts the day) or not at all, when the clocks jump over it: then the day starts at the jump.
 */
const localDayStartMs = (days: number, timeZone: string): number => {
  const midnightAsUtc = days * DAY_MS;
  const offsetBefore = zoneOffsetMs(midnightAsUtc - DAY_MS, timeZone);
  const offsetAfter = zoneOffsetMs(midnightAsUtc + DAY_MS, timeZone);
  const candidates = [midnightAsUtc - offsetBefore, midnightAsUtc - offsetAfter];
  const readingMidnight = candidates.filter((instant) => wallClockMs(instant, timeZone) === midnightAsUtc);
  if (readingMidnight.length > 0) return Math.min(...readingMidnight);
  // Midnight was skipped: the old clock would have read it at the moment of the jump.
  return midnightAsUtc - offsetBefore;
};

// A week's start never changes for a zone, and every promise check needs two years of them: computing
// one costs a few Intl calls, so each is worked out once and kept.
const weekStarts = new Map<string, number>();

/** The instant (epoch ms) the week starts: its Monday 00:00 in the business time zone. */
export const weekStartMs = (week: IsoWeek, timeZone: string): number => {
  const key = `${timeZone} ${week}`;
  let start = weekStarts.get(key);
  if (start === undefined) {
    start = localDayStartMs(mondayOf(week), timeZone);
    weekStarts.set(key, start);
  }
  return start;
};

/** The instant the week ends: the first instant of the next week (its Monday 00:00 local). */
export const weekEndMs = (week: IsoWeek, timeZone: string): number => weekStartMs(addWeeks(week, 1), timeZone);

// A fold files every fact it reads under its week, and facts fall on a few hundred days: each day's
// week is worked out once and kept (keyed by the local day's number).
const weeksOfDays = new BoundedCache<number, IsoWeek>(4_096, isoWeekOfDay);

/** The ISO week an instant falls in, on the business's wall calendar. */
export const isoWeekOf = (instant: string | number, timeZone: string): IsoWeek => {
  const epochMs = typeof instant === 'number' ? instant : toEpochMs(instant);
  return weeksOfDays.get(Math.floor(wallClockMs(epochMs, timeZone) / DAY_MS));
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * An instant written as the business's wall clock with its offset (`2027-03-29T00:00:00-05:00`, or `Z`
 * when the offset is zero), so a week boundary reads as the Monday midnight it is. Whole seconds.
 */
export const localInstant = (epochMs: number, timeZone: string): string => {
  const seconds = Math.floor(epochMs / 1000) * 1000;
  const wall = wallClockMs(seconds, timeZone);
  const offsetMinutes = Math.round((wall - seconds) / 60_000);
  const { year, month, day } = civilFromDays(Math.floor(wall / DAY_MS));
  const secondOfDay = (wall - Math.floor(wall / DAY_MS) * DAY_MS) / 1000;
  const time = `${pad(Math.floor(secondOfDay / 3600))}:${pad(Math.floor(secondOfDay / 60) % 60)}:${pad(secondOfDay % 60)}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset =
    offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${time}${offset}`;
};
