import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthOf } from '../../domain/calendar.ts';
import { isoWeekOf } from '../../domain/isoWeek.ts';
import { intlWallClockMs, wallClockMs, zoneOffsetMs } from '../../domain/wallClock.ts';

/**
 * The wall clock keeps each zone's offsets per UTC hour instead of asking Intl every time: for every
 * instant it must answer what Intl answers, DST changes included (30-minute ones, 45-minute zones).
 */

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'] as const;
const HOUR = 3_600_000;

// The month and ISO week straight from Intl's date fields: the answers the cached wall clock must give.
const dateFields = (epochMs: number, timeZone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(new Date(epochMs))
      .map((part) => [part.type, Number(part.value)]),
  );
  return { year: parts.year!, month: parts.month!, day: parts.day! };
};
const intlMonth = (epochMs: number, timeZone: string) => {
  const { year, month } = dateFields(epochMs, timeZone);
  return `${year}-${String(month).padStart(2, '0')}`;
};
const intlIsoWeek = (epochMs: number, timeZone: string) => {
  const { year, month, day } = dateFields(epochMs, timeZone);
  const date = new Date(Date.UTC(year, month - 1, day));
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
};

const expectSameAsIntl = (epochMs: number, timeZone: string) => {
  expect(wallClockMs(epochMs, timeZone)).toBe(intlWallClockMs(epochMs, timeZone));
  expect(monthOf(epochMs, timeZone)).toBe(intlMonth(epochMs, timeZone));
  expect(isoWeekOf(epochMs, timeZone)).toBe(intlIsoWeek(epochMs, timeZone));
};

/** Hand-picked changes of offset (the first instant of the new offset), each one checked to be one. */
const TRANSITIONS: [zone: string, at: string, what: string][] = [
  ['America/New_York', '2026-03-08T07:00:00Z', 'EST to EDT, 02:00 local'],
  ['America/New_York', '2026-11-01T06:00:00Z', 'EDT to EST, 02:00 local'],
  ['Europe/London', '2026-03-29T01:00:00Z', 'GMT to BST'],
  ['Europe/London', '2026-10-25T01:00:00Z', 'BST to GMT'],
  ['Australia/Lord_Howe', '2026-04-04T15:00:00Z', '+11:00 to +10:30, a 30-minute change'],
  ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', '+10:30 to +11:00'],
  ['Pacific/Chatham', '2026-04-04T14:00:00Z', '+13:45 to +12:45'],
  ['Pacific/Chatham', '2026-09-26T14:00:00Z', '+12:45 to +13:45'],
  ['Asia/Kolkata', '1945-10-14T17:30:00Z', '+06:30 (war time) to +05:30'],
];

describe('the wall clock of a business time zone', () => {
  it.each(TRANSITIONS)('given %s changes its offset at %s (%s), then around it every answer is Intl\'s', (zone, at, _what) => {
    const change = Date.parse(at);
    // Given: it is a change of offset, to the second.
    expect(intlWallClockMs(change, zone) - change).not.toBe(intlWallClockMs(change - 1_000, zone) - (change - 1_000));
    // When / then: the last millisecond before, the instant itself, and the minutes and hours around.
    for (const delta of [-HOUR - 1, -HOUR, -60_001, -1_001, -1_000, -999, -1, 0, 1, 999, 1_000, 59_999, HOUR - 1, HOUR, 2 * HOUR]) {
      expectSameAsIntl(change + delta, zone);
    }
    expect(zoneOffsetMs(change - 1, zone)).toBe(intlWallClockMs(change - 1, zone) - (change - 1_000));
  });

  it('given any instant from 1850 to 2200 in any of the zones, then the wall clock, month and ISO week are Intl\'s', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2200, 0, 1) }), (zone, epochMs) => {
        expectSameAsIntl(epochMs, zone);
      }),
      { numRuns: 1_500 },
    );
  });

  it('given instants within hours of a DST change, asked in any order, then every answer is Intl\'s', () => {
    const near = fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -3 * HOUR, max: 3 * HOUR }));
    fc.assert(
      fc.property(fc.array(near, { minLength: 1, maxLength: 20 }), (instants) => {
        for (const [[zone, at], delta] of instants) expectSameAsIntl(Date.parse(at) + delta, zone);
      }),
      { numRuns: 300 },
    );
  });

  it('given instants in the years each zone changed its rules, then every answer is Intl\'s', () => {
    // Decades with many changes: wars, new standard times, DST rules adopted and dropped.
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1940, 0, 1), max: Date.UTC(1950, 0, 1) }),
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2000, 0, 1) }),
        (zone, wartime, recent) => {
          expectSameAsIntl(wartime, zone);
          expectSameAsIntl(recent, zone);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('given an instant beyond four-digit years, then it is still Intl\'s answer', () => {
    for (const epochMs of [Date.UTC(-50, 5, 1), Date.UTC(12_000, 0, 1)]) {
      expect(wallClockMs(epochMs, 'America/New_York')).toBe(intlWallClockMs(epochMs, 'America/New_York'));
    }
  });

  it('given an unknown zone, then asking the offset throws', () => {
    expect(() => zoneOffsetMs(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
