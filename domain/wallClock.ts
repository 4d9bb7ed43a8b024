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
 * The wall clock at an instant, written as if it were a UTC time: the epoch ms of the local date and
 * time, in whole seconds. Its UTC fields (getUTCFullYear, getUTCMonth, ...) are the local ones.
 */
export const wallClockMs = (epochMs: number, timeZone: string): number => {
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

/** How far the zone's wall clock is ahead of UTC at this instant. */
export const zoneOffsetMs = (epochMs: number, timeZone: string): number =>
  wallClockMs(epochMs, timeZone) - Math.floor(epochMs / 1000) * 1000;
