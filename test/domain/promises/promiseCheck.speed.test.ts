import { describe, expect, it } from 'vitest';
import { checkPromise } from '../../../domain/promises/promiseCheck.ts';
import { capacity, commitment, desk, proposal } from './promiseDeskSpec.ts';

/** The check is on the close path: a thousand open commitments on one team must not slow a close down. */

const DAY_MS = 86_400_000;
const atMs = Date.parse('2027-03-01T09:00:00Z');
const iso = (epochMs: number) => new Date(epochMs).toISOString();

describe('checkPromise at scale', () => {
  it('given 1,000 open commitments on one team, then the median check takes under 10 ms', () => {
    const commitments = Array.from({ length: 1000 }, (_, index) =>
      commitment(`D-${index}`, 100 + (index % 50) * 10, iso(atMs + ((index * 7919) % 700) * DAY_MS), iso(atMs - index * 3_600_000)),
    );
    const busy = desk({ timeZone: 'America/Chicago', capacities: new Map([['T-OPS', capacity({ weeklyHours: 120 })]]), commitmentsOf: { 'T-OPS': commitments } });
    const proposed = (minute: number) => proposal({ minutes: 2400, closedAt: iso(atMs + minute * 60_000), promise: { deliverBy: '2027-04-01T00:00:00Z' } });
    // The first check works out two years of week boundaries in the zone; later ones reuse them.
    const first = checkPromise(proposed(0), busy);

    const durations = Array.from({ length: 25 }, (_, minute) => {
      const started = performance.now();
      checkPromise(proposed(minute + 1), busy);
      return performance.now() - started;
    }).sort((a, b) => a - b);

    expect(first.teams[0]?.minutes).toBe(2400);
    expect(durations[12]).toBeLessThan(10);
  });
});
