/**
 * The business time zone's wall clock, read through Intl: the one place months and ISO weeks learn
 * what the local date and time is at an instant.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

export const isTimeZone = (timeZone: string): boolean => {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

/**
 * The wall clock at an instant as Intl reads it: the reference every cached answer below is taken
 * from. Epoch ms of the local date and time, in whole seconds, written as if it were a UTC time.
 */
export const intlWallClockMs = (epochMs: number, timeZone: string): number => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const wall = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  // Date.UTC reads years 0-99 as 1900-1999; the year is set on its own so every year reads as itself.
  wall.setUTCFullYear(year, month - 1, day);
  return wall.getTime();
};

const SECOND_MS = 1_000;
const HOUR_MS = 3_600_000;
const floorToSecond = (epochMs: number) => Math.floor(epochMs / SECOND_MS) * SECOND_MS;

/**
 * A zone's offset over one UTC hour: the offset at its start, and when the zone changes its offset
 * within the hour, the first second of the new offset and that offset.
 */
interface HourOffsets {
  offset: number;
  changesAt: number;
  offsetAfter: number;
}

/**
 * Intl costs microseconds a call, and a fold asks for the month of every event, so each zone's
 * offsets are learnt from Intl once per UTC hour the first time an instant in it is asked about, and
 * kept. An hour is narrow enough that no zone changes its offset twice within one (zones change at
 * most a few times a year), so the offsets at its two ends tell whether and to what it changes, and a
 * search over its seconds finds exactly when. What is kept depends only on the zone and the hour, never
 * on when or in what order it was asked: the answers are Intl's, for every instant.
 */
const hoursByZone = new Map<string, Map<number, HourOffsets>>();
// The zone asked last and its hours: a process works in one business time zone, found without a lookup by name.
let lastTimeZone: string | null = null;
let lastHours: Map<number, HourOffsets> | undefined;

const intlOffsetMs = (epochMs: number, timeZone: string) => intlWallClockMs(epochMs, timeZone) - floorToSecond(epochMs);

const learnHour = (hour: number, timeZone: string): HourOffsets => {
  const start = hour * HOUR_MS;
  const end = start + HOUR_MS;
  const offset = intlOffsetMs(start, timeZone);
  const offsetAfter = intlOffsetMs(end, timeZone);
  if (offsetAfter === offset) return { offset, changesAt: end, offsetAfter };
  // The first whole second reading the new offset: offsets change on whole seconds.
  let before = start;
  let after = end;
  while (after - before > SECOND_MS) {
    const middle = before + Math.floor((after - before) / 2 / SECOND_MS) * SECOND_MS;
    if (intlOffsetMs(middle, timeZone) === offset) before = middle;
    else after = middle;
  }
  return { offset, changesAt: after, offsetAfter };
};

// Beyond four-digit years Intl writes the year in another era; those instants are left to Intl itself.
const FIRST_CACHED_MS = Date.UTC(1000, 0, 2);
const LAST_CACHED_MS = Date.UTC(9999, 11, 30);

/** How far the zone's wall clock is ahead of UTC at this instant (whole seconds). */
export const zoneOffsetMs = (epochMs: number, timeZone: string): number => {
  if (!(epochMs >= FIRST_CACHED_MS && epochMs <= LAST_CACHED_MS)) return intlOffsetMs(epochMs, timeZone);
  let hours = timeZone === lastTimeZone ? lastHours : hoursByZone.get(timeZone);
  if (!hours) {
    formatterFor(timeZone); // an unknown zone throws here, before anything is kept for it
    hours = new Map();
    hoursByZone.set(timeZone, hours);
  }
  lastTimeZone = timeZone;
  lastHours = hours;
  const hour = Math.floor(epochMs / HOUR_MS);
  let offsets = hours.get(hour);
  if (!offsets) {
    offsets = learnHour(hour, timeZone);
    hours.set(hour, offsets);
  }
  return epochMs < offsets.changesAt ? offsets.offset : offsets.offsetAfter;
};

/**
 * The wall clock at an instant, written as if it were a UTC time: the epoch ms of the local date and
 * time, in whole seconds. Its UTC fields (getUTCFullYear, getUTCMonth, ...) are the local ones.
 */
export const wallClockMs = (epochMs: number, timeZone: string): number => floorToSecond(epochMs) + zoneOffsetMs(epochMs, timeZone);
