import * as z from './zod.ts';
import { civilFromDays } from './civilDays.ts';
import { isTimeZone, wallClockMs, zoneOffsetMs } from './wallClock.ts';
import { BoundedCache } from './boundedCache.ts';
import { toEpochMs } from './instant.ts';

const DAY_MS = 86_400_000;

/** A calendar month in the business time zone. */
export const Month = z.string().check(
  z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM'),
  z.meta({ example: '2026-10' }),
);
export type Month = z.infer<typeof Month>;

export { isTimeZone };

// A fold names the months of every instant it reads, and deals fall in a few dozen months: each
// month's name is written once and kept (keyed by months since year 0).
const monthNames = new BoundedCache<number, Month>(4_096, (index) => {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
});

/** The month an instant falls in, on the business's wall calendar. */
export const monthOf = (instant: string | number, timeZone: string): Month => {
  const wall = wallClockMs(typeof instant === 'number' ? instant : toEpochMs(instant), timeZone);
  const { year, month } = civilFromDays(Math.floor(wall / DAY_MS));
  return monthNames.get(year * 12 + month - 1);
};

/** The year and month number of `YYYY-MM`. */
const partsOf = (month: Month): [year: number, monthNumber: number] => [Number(month.slice(0, -3)), Number(month.slice(-2))];

export const addMonths = (month: Month, count: number): Month => {
  const [year, monthNumber] = partsOf(month);
  const index = year * 12 + (monthNumber - 1) + count;
  const next = (index % 12) + 1;
  return `${Math.floor(index / 12)}-${next < 10 ? '0' : ''}${next}`;
};

// A month's start never changes for a zone, and the scorecard fold asks for the same few months for
// every deal: each is worked out once and kept, per zone.
const monthStarts = new Map<string, Map<Month, number>>();

/** The instant (epoch ms) the month begins at midnight in the business time zone. */
export const monthStartMs = (month: Month, timeZone: string): number => {
  let starts = monthStarts.get(timeZone);
  if (!starts) {
    starts = new Map();
    monthStarts.set(timeZone, starts);
  }
  let start = starts.get(month);
  if (start === undefined) {
    const [year, monthNumber] = partsOf(month);
    const wallMidnight = Date.UTC(year, monthNumber - 1, 1);
    // Two passes settle the offset even when a DST change falls near midnight.
    start = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
    start = wallMidnight - zoneOffsetMs(start, timeZone);
    starts.set(month, start);
  }
  return start;
};

const monthEnds = new Map<string, BoundedCache<Month, number>>();

/** The instant the month ends: the first instant of the next month. */
export const monthEndMs = (month: Month, timeZone: string): number => {
  let ends = monthEnds.get(timeZone);
  if (!ends) {
    ends = new BoundedCache(4_096, (month) => monthStartMs(addMonths(month, 1), timeZone));
    monthEnds.set(timeZone, ends);
  }
  return ends.get(month);
};

/** Every month from `from` to `to`, both included. */
export const monthRange = (from: Month, to: Month): Month[] => {
  const months: Month[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
};
