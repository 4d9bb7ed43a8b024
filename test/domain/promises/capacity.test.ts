import { describe, expect, it } from 'vitest';
import { Capacity, weekCapacityMinutes } from '../../../domain/promises/capacity.ts';
import { capacityDecider } from '../../../domain/promises/capacityDecider.ts';
import { PromiseDeskEvent } from '../../../domain/promises/events.ts';
import { capacity, violationOf } from './promiseDeskSpec.ts';

const issuesOf = (input: unknown) =>
  Capacity.safeParse(input).error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) ?? [];

describe('Capacity', () => {
  it('given the capacity of PROMISES.md, then it is valid as it is', () => {
    const published = { weeklyHours: 40, weeks: { '2026-W52': 8 }, reservePercent: 10 };

    expect(Capacity.parse(published)).toEqual(published);
  });

  it('given only weekly hours, then there are no exceptions and no reserve', () => {
    expect(Capacity.parse({ weeklyHours: 37.5 })).toEqual({ weeklyHours: 37.5, weeks: {}, reservePercent: 0 });
  });

  it.each([
    ['a week 53 of a year that has only 52', { weeks: { '2027-W53': 8 } }, 'weeks.2027-W53', '2027-W53 does not exist: 2027 has 52 ISO weeks'],
    ['a week that is not one', { weeks: { '2026-12': 8 } }, 'weeks.2026-12', '2026-12 is not an ISO week: expected YYYY-Www, e.g. 2026-W53'],
    ['negative weekly hours', { weeklyHours: -1 }, 'weeklyHours', 'Too small: expected number to be >=0'],
    ['negative hours in a week', { weeks: { '2026-W53': -8 } }, 'weeks.2026-W53', 'Too small: expected number to be >=0'],
    ['hours with 4 decimals', { weeklyHours: 37.1234 }, 'weeklyHours', 'must have at most 3 decimals'],
    ['a reserve above 100', { reservePercent: 101 }, 'reservePercent', 'Too big: expected number to be <=100'],
    ['a fractional reserve', { reservePercent: 12.5 }, 'reservePercent', 'Invalid input: expected int, received number'],
  ])('given %s, then the only issue is at "%s" and says why', (_, overrides, path, message) => {
    expect(issuesOf({ weeklyHours: 40, ...overrides })).toEqual([{ path, message }]);
  });
});

describe('weekCapacityMinutes', () => {
  it.each([
    // capacity, week, minutes = floor(hours x 60 x (100 - reserve) / 100)
    [{ weeklyHours: 40, weeks: { '2026-W52': 8 }, reservePercent: 10 }, '2026-W51', 2160],
    [{ weeklyHours: 40, weeks: { '2026-W52': 8 }, reservePercent: 10 }, '2026-W52', 432],
    [{ weeklyHours: 40, weeks: { '2026-W52': 0 } }, '2026-W52', 0],
    [{ weeklyHours: 37.5, reservePercent: 15 }, '2026-W10', 1912], // 1912.5
    [{ weeklyHours: 0.001, reservePercent: 0 }, '2026-W10', 0], // 0.06
    [{ weeklyHours: 6.667 }, '2026-W10', 400], // 400.02
    [{ weeklyHours: 1_000_000, reservePercent: 1 }, '2026-W10', 59_400_000],
    [{ weeklyHours: 40, reservePercent: 100 }, '2026-W10', 0],
  ])('given %j, then %s has %i minutes', (input, week, minutes) => {
    expect(weekCapacityMinutes(capacity(input), week)).toBe(minutes);
  });
});

describe('capacityDecider', () => {
  const at = '2026-10-01T09:00:00Z';

  it('given nothing published, when a capacity is published, then it is version 1 of that team, as parsed', () => {
    const events = capacityDecider.decide({ type: 'PublishCapacity', opsTeam: 'T-OPS', capacity: capacity({ weeklyHours: 40 }), at }, capacityDecider.initialState());

    expect(events).toEqual([
      { type: 'CapacityPublished', occurredAt: at, data: { opsTeam: 'T-OPS', version: 1, capacity: { weeklyHours: 40, weeks: {}, reservePercent: 0 } } },
    ]);
    expect(PromiseDeskEvent.parse(events[0])).toEqual(events[0]);
  });

  it('given version 1, when a capacity is published again, then it is version 2 and in force', () => {
    const state = capacityDecider
      .decide({ type: 'PublishCapacity', opsTeam: 'T-OPS', capacity: capacity({ weeklyHours: 40 }), at }, capacityDecider.initialState())
      .reduce(capacityDecider.evolve, capacityDecider.initialState());

    const events = capacityDecider.decide({ type: 'PublishCapacity', opsTeam: 'T-OPS', capacity: capacity({ weeklyHours: 32 }), at }, state);

    expect(events.reduce(capacityDecider.evolve, state)).toEqual({ version: 2, opsTeam: 'T-OPS', capacity: capacity({ weeklyHours: 32 }) });
  });

  it("given T-OPS's capacity, when T-PAINT's is published on it, then it is refused", () => {
    const state = { version: 1, opsTeam: 'T-OPS', capacity: capacity({ weeklyHours: 40 }) };

    expect(violationOf(() => capacityDecider.decide({ type: 'PublishCapacity', opsTeam: 'T-PAINT', capacity: capacity({ weeklyHours: 1 }), at }, state))).toEqual({
      rule: 'capacity-team-mismatch',
    });
  });
});
