import { describe, expect, it } from 'vitest';
import {
  addWeeks,
  isIsoWeek,
  IsoWeek,
  isoWeekOf,
  isoWeeksInYear,
  localInstant,
  parseIsoWeek,
  weekEndMs,
  weekRange,
  weeksBetween,
  weekStartMs,
} from '../../../domain/isoWeek.ts';

/** ISO weeks on the business's wall calendar: a week starts Monday 00:00 local, DST included. */

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

describe('isoWeekOf', () => {
  it.each([
    // instant, zone, week
    ['2027-03-01T09:00:00Z', 'UTC', '2027-W09'],
    ['2027-01-04T00:00:00Z', 'UTC', '2027-W01'],
    ['2027-01-03T23:59:59Z', 'UTC', '2026-W53'],
    ['2026-12-28T00:00:00Z', 'UTC', '2026-W53'],
    ['2026-12-27T23:59:59Z', 'UTC', '2026-W52'],
    ['2025-12-29T00:00:00Z', 'UTC', '2026-W01'],
    ['2021-01-03T12:00:00Z', 'UTC', '2020-W53'],
    // Chicago: Sunday 23:30 local is still the week before, whatever UTC says.
    ['2027-03-15T04:30:00Z', 'America/Chicago', '2027-W10'],
    ['2027-03-15T05:00:00Z', 'America/Chicago', '2027-W11'],
    ['2027-03-15T04:30:00Z', 'UTC', '2027-W11'],
    ['2027-01-04T05:59:59Z', 'America/Chicago', '2026-W53'],
    ['2027-01-04T06:00:00Z', 'America/Chicago', '2027-W01'],
  ])('given %s, in %s it falls in %s', (instant, zone, week) => {
    expect(isoWeekOf(instant, zone)).toBe(week);
  });
});

describe('weekStartMs and weekEndMs', () => {
  it.each([
    // week, zone, first instant, first instant of the next week
    ['2027-W09', 'UTC', '2027-03-01T00:00:00.000Z', '2027-03-08T00:00:00.000Z'],
    ['2026-W53', 'UTC', '2026-12-28T00:00:00.000Z', '2027-01-04T00:00:00.000Z'],
    // Chicago springs forward on Sunday 14 March 2027: W10 starts in CST (-6), W11 in CDT (-5), and W10 is 167 hours long.
    ['2027-W10', 'America/Chicago', '2027-03-08T06:00:00.000Z', '2027-03-15T05:00:00.000Z'],
    // ... and falls back on Sunday 7 November 2027: W44 starts in CDT, W45 in CST, and W44 is 169 hours long.
    ['2027-W44', 'America/Chicago', '2027-11-01T05:00:00.000Z', '2027-11-08T06:00:00.000Z'],
    ['2026-W01', 'Asia/Tokyo', '2025-12-28T15:00:00.000Z', '2026-01-04T15:00:00.000Z'],
  ])('given %s in %s, then it starts at %s and ends at %s', (week, zone, start, end) => {
    expect(iso(weekStartMs(week, zone))).toBe(start);
    expect(iso(weekEndMs(week, zone))).toBe(end);
  });

  it('given the week across the spring DST change in Chicago, then it lasts 167 hours and the fall one 169', () => {
    const hours = (week: string) => (weekEndMs(week, 'America/Chicago') - weekStartMs(week, 'America/Chicago')) / 3_600_000;

    expect(hours('2027-W10')).toBe(167);
    expect(hours('2027-W44')).toBe(169);
    expect(hours('2027-W20')).toBe(168);
  });

  it('given a Monday whose midnight the clocks skipped (Tehran, 22 March 2021), then the week starts at the jump', () => {
    // Iran sprang forward from 00:00 (+03:30) to 01:00 (+04:30) on Monday 22 March 2021: that Monday had no midnight.
    const start = weekStartMs('2021-W12', 'Asia/Tehran');

    expect(iso(start)).toBe('2021-03-21T20:30:00.000Z');
    expect(localInstant(start, 'Asia/Tehran')).toBe('2021-03-22T01:00:00+04:30');
    expect(isoWeekOf(start - 1, 'Asia/Tehran')).toBe('2021-W11');
    expect(isoWeekOf(start, 'Asia/Tehran')).toBe('2021-W12');
  });
});

describe('addWeeks, weeksBetween and weekRange', () => {
  it('given the last week of a 53-week year, when one week is added, then it is week 1 of the next year', () => {
    expect(addWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W52', 1)).toBe('2028-W01');
    expect(addWeeks('2027-W01', -1)).toBe('2026-W53');
  });

  it('given two weeks across a 53-week year, then the weeks between count week 53', () => {
    expect(weeksBetween('2026-W50', '2027-W02')).toBe(5);
    expect(weeksBetween('2027-W02', '2026-W50')).toBe(-5);
    expect(weekRange('2026-W52', 3)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
  });

  it('given 104 weeks added, then it is two years on less the 53rd week', () => {
    expect(addWeeks('2027-W09', 104)).toBe('2029-W09');
    expect(addWeeks('2026-W09', 104)).toBe('2028-W08');
  });
});

describe('IsoWeek', () => {
  it('given 2026 and 2027, then 2026 has 53 ISO weeks and 2027 has 52', () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2027)).toBe(52);
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2032)).toBe(53);
  });

  it('given 2026-W53, then it is a week', () => {
    expect(IsoWeek.parse('2026-W53')).toBe('2026-W53');
    expect(isIsoWeek('2026-W53')).toBe(true);
  });

  it.each([
    ['2027-W53', '2027-W53 does not exist: 2027 has 52 ISO weeks'],
    ['2026-W54', '2026-W54 does not exist: 2026 has 53 ISO weeks'],
    ['2026-W00', '2026-W00 does not exist: 2026 has 53 ISO weeks'],
    ['2026-W1', '2026-W1 is not an ISO week: expected YYYY-Www, e.g. 2026-W53'],
    ['2026-03', '2026-03 is not an ISO week: expected YYYY-Www, e.g. 2026-W53'],
  ])('given %s, then it is refused with a message naming it', (week, message) => {
    expect(IsoWeek.safeParse(week).error?.issues.map((issue) => issue.message)).toEqual([message]);
    expect(() => parseIsoWeek(week)).toThrow(message);
  });
});

describe('localInstant', () => {
  it.each([
    [Date.parse('2027-03-29T00:00:00Z'), 'UTC', '2027-03-29T00:00:00Z'],
    [Date.parse('2027-03-15T05:00:00Z'), 'America/Chicago', '2027-03-15T00:00:00-05:00'],
    [Date.parse('2027-03-08T06:00:00Z'), 'America/Chicago', '2027-03-08T00:00:00-06:00'],
    [Date.parse('2027-01-03T15:00:00Z'), 'Asia/Kolkata', '2027-01-03T20:30:00+05:30'],
  ])('given %s in %s, then it reads %s and is the same instant', (epochMs, zone, text) => {
    expect(localInstant(epochMs, zone)).toBe(text);
    expect(Date.parse(text)).toBe(epochMs);
  });
});
