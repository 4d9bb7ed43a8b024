import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../domain/boundedCache.ts';
import { addMonths, monthEndMs, monthOf } from '../../domain/calendar.ts';
import { isoWeekOf } from '../../domain/isoWeek.ts';

/**
 * The fold keeps month names, week names and month ends instead of working them out for every
 * instant: whatever is asked, in whatever order, the kept answer must be the one worked out afresh,
 * and no more answers than the limit may be kept.
 */

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'] as const;

describe('a bounded cache', () => {
  it('given any keys asked in any order, with a limit far below their number, then every answer is the function\'s and at most the limit are kept', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 200 }), (limit, keys) => {
        const slow = (key: number) => `answer ${key * 7 - 3}`;
        const cache = new BoundedCache(limit, slow);
        for (const key of keys) {
          expect(cache.get(key)).toBe(slow(key));
          expect(cache.size).toBeLessThanOrEqual(limit);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the months and weeks the fold keeps', () => {
  it('given instants asked as ISO text and as epoch ms, in any order, then the month and week are the same either way, and the month ends where the next begins', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), { minLength: 1, maxLength: 30 }),
        (zone, instants) => {
          for (const epochMs of instants) {
            const text = new Date(epochMs).toISOString();
            const month = monthOf(epochMs, zone);
            expect(monthOf(text, zone)).toBe(month);
            expect(isoWeekOf(text, zone)).toBe(isoWeekOf(epochMs, zone));
            // The month's end is its first instant that falls in the next month.
            const end = monthEndMs(month, zone);
            expect(end).toBeGreaterThan(epochMs);
            expect(monthOf(end, zone)).toBe(addMonths(month, 1));
            expect(monthOf(end - 1, zone)).toBe(month);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
