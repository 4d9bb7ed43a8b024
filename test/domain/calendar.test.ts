import { describe, expect, it } from 'vitest';
import { addMonths, isTimeZone, Month, monthEndMs, monthOf, monthRange, monthStartMs } from '../../domain/calendar.ts';

/** The business calendar: months on the wall clock of the business time zone, DST included. */

const at = (iso: string): number => Date.parse(iso);

describe('monthOf', () => {
  it.each([
    // instant, zone, month
    ['2026-10-31T23:30:00-04:00', 'America/New_York', '2026-10'],
    ['2026-10-31T23:30:00-04:00', 'UTC', '2026-11'],
    ['2026-10-31T23:30:00-04:00', 'Asia/Tokyo', '2026-11'],
    ['2026-11-01T03:59:59.999Z', 'America/New_York', '2026-10'],
    ['2026-11-01T04:00:00Z', 'America/New_York', '2026-11'],
    ['2026-10-31T14:59:59.999Z', 'Asia/Tokyo', '2026-10'],
    ['2026-10-31T15:00:00Z', 'Asia/Tokyo', '2026-11'],
    ['2026-10-31T23:59:59.999Z', 'UTC', '2026-10'],
    ['2026-11-01T00:00:00Z', 'UTC', '2026-11'],
    ['2026-11-01T00:00:00+09:00', 'UTC', '2026-10'],
    ['2026-12-31T23:30:00Z', 'Asia/Tokyo', '2027-01'],
    ['2027-01-01T02:00:00Z', 'America/New_York', '2026-12'],
  ])('given %s, in %s it falls in %s', (instant, zone, month) => {
    expect(monthOf(instant, zone)).toBe(month);
  });

  it('given an instant as epoch milliseconds, then the same month as its ISO form', () => {
    expect(monthOf(at('2026-10-31T23:30:00-04:00'), 'America/New_York')).toBe('2026-10');
    expect(monthOf(at('2026-10-31T23:30:00-04:00'), 'UTC')).toBe('2026-11');
  });
});

describe('monthStartMs and monthEndMs', () => {
  it.each([
    // month, zone, first instant of the month
    ['2026-10', 'UTC', '2026-10-01T00:00:00.000Z'],
    ['2026-01', 'UTC', '2026-01-01T00:00:00.000Z'],
    // New York: EDT (-4) on 1 Nov 2026 (the clocks go back at 02:00 that day), EST (-5) on 1 Mar 2026.
    ['2026-11', 'America/New_York', '2026-11-01T04:00:00.000Z'],
    ['2026-12', 'America/New_York', '2026-12-01T05:00:00.000Z'],
    ['2026-03', 'America/New_York', '2026-03-01T05:00:00.000Z'],
    ['2026-04', 'America/New_York', '2026-04-01T04:00:00.000Z'],
    ['2026-11', 'Asia/Tokyo', '2026-10-31T15:00:00.000Z'],
  ])('given %s in %s, then it starts at %s', (month, zone, start) => {
    expect(new Date(monthStartMs(month, zone)).toISOString()).toBe(start);
  });

  it('given a month in New York that contains the autumn DST change, then it ends where the next begins and lasts 30 days and 1 hour', () => {
    const start = monthStartMs('2026-11', 'America/New_York');
    const end = monthEndMs('2026-11', 'America/New_York');
    expect(new Date(end).toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(end).toBe(monthStartMs('2026-12', 'America/New_York'));
    expect(end - start).toBe((30 * 24 + 1) * 3_600_000);
  });

  it('given a month in New York that contains the spring DST change, then it is one hour short of 31 days', () => {
    const start = monthStartMs('2026-03', 'America/New_York');
    const end = monthEndMs('2026-03', 'America/New_York');
    expect(new Date(end).toISOString()).toBe('2026-04-01T04:00:00.000Z');
    expect(end - start).toBe((31 * 24 - 1) * 3_600_000);
  });

  it('given 2026-10 in New York, then it ends at 2026-11-01T04:00Z, and the instant before is still October there', () => {
    const end = monthEndMs('2026-10', 'America/New_York');
    expect(new Date(end).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(monthOf(end - 1, 'America/New_York')).toBe('2026-10');
    expect(monthOf(end, 'America/New_York')).toBe('2026-11');
  });

  it('given December, then it ends at the start of January of the next year', () => {
    expect(new Date(monthEndMs('2026-12', 'UTC')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(new Date(monthEndMs('2026-12', 'Asia/Tokyo')).toISOString()).toBe('2026-12-31T15:00:00.000Z');
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-10', 1, '2026-11'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-10', 27, '2029-01'],
    ['2026-03', -15, '2024-12'],
    ['2026-05', 0, '2026-05'],
    ['2026-11', 12, '2027-11'],
    ['2026-11', -12, '2025-11'],
  ] as const)('given %s plus %i months, then %s', (month, count, expected) => {
    expect(addMonths(month, count)).toBe(expected);
  });
});

describe('monthRange', () => {
  it('given a range across a year end, then every month once, both ends included', () => {
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('given the same month twice, then that one month', () => {
    expect(monthRange('2026-10', '2026-10')).toEqual(['2026-10']);
  });

  it('given from after to, then no months', () => {
    expect(monthRange('2026-11', '2026-10')).toEqual([]);
  });
});

describe('Month', () => {
  it.each(['2026-10', '2026-01', '2026-12'])('given %s, then it is a month', (value) => {
    expect(Month.safeParse(value).success).toBe(true);
  });

  it.each(['2026-13', '2026-00', '2026-1', '26-10', '2026-10-01', ''])('given %j, then it is not a month', (value) => {
    expect(Month.safeParse(value).success).toBe(false);
  });
});

describe('isTimeZone', () => {
  it.each(['UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/Berlin'])('given %s, then it is a time zone', (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Olympus_Mons', 'not a zone', ''])('given %j, then it is not a time zone', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});
