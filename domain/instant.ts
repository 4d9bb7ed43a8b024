import * as z from './zod.ts';
import { daysFromCivil, daysInMonth } from './civilDays.ts';

/** An instant: ISO 8601 date-time with an explicit offset (Z or ±hh:mm). */
export const Instant = z.iso.datetime({ offset: true }).check(
  z.meta({ description: 'ISO 8601 instant with offset', example: '2026-10-20T17:00:00Z' }),
);
export type Instant = z.infer<typeof Instant>;

const DAY_MS = 86_400_000;
const ZERO = 48;

/** The number written by `count` digits from `at`, or NaN when one of them is not a digit. */
const digitsAt = (text: string, at: number, count: number): number => {
  let value = 0;
  for (let index = at; index < at + count; index++) {
    const digit = text.charCodeAt(index) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
};

/**
 * Epoch ms of an instant in the one shape instants are written in (YYYY-MM-DDTHH:MM:SS, then .sss or
 * not, then Z or ±HH:MM), read digit by digit; NaN for anything else, and for a date that does not
 * exist (Date.parse rolls 30 February over into March: that is left to it).
 */
const writtenInstantMs = (text: string): number => {
  const length = text.length;
  const fraction = length === 24 || length === 29;
  const zoneAt = fraction ? 23 : 19;
  if (!(length === zoneAt + 1 || length === zoneAt + 6)) return Number.NaN;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') return Number.NaN;
  if (fraction && text[19] !== '.') return Number.NaN;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const millisecond = fraction ? digitsAt(text, 20, 3) : 0;
  let offsetMinutes = 0;
  const zone = text[zoneAt];
  if (length === zoneAt + 1) {
    if (zone !== 'Z') return Number.NaN;
  } else {
    if ((zone !== '+' && zone !== '-') || text[zoneAt + 3] !== ':') return Number.NaN;
    const offsetHours = digitsAt(text, zoneAt + 1, 2);
    const offsetRest = digitsAt(text, zoneAt + 4, 2);
    if (!(offsetHours <= 23 && offsetRest <= 59)) return Number.NaN;
    offsetMinutes = (zone === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  // NaN fails every comparison, so a field that was no number leaves this too.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  if (!(hour <= 23 && minute <= 59 && second <= 59 && millisecond >= 0)) return Number.NaN;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1_000 + millisecond;
};

/**
 * Epoch ms of an instant: Date.parse's answer. A fold reads every instant of every event and Date.parse
 * is a call into the runtime each time, so instants as they are written are read here instead; any
 * other text is Date.parse's to read.
 */
export const toEpochMs = (instant: Instant): number => {
  const epochMs = writtenInstantMs(instant);
  return Number.isNaN(epochMs) ? Date.parse(instant) : epochMs;
};

export const isAfter = (a: Instant, b: Instant): boolean => toEpochMs(a) > toEpochMs(b);
