import { describe, expect, it } from 'vitest';
import { Instant, isAfter, toEpochMs } from '../../domain/instant.ts';

describe('Instant', () => {
  it.each([
    '2026-10-20T17:00:00Z',
    '2026-10-20T17:00:00.123Z',
    '2026-10-20T19:00:00+02:00',
    '2026-10-20T12:00:00-05:00',
    '2028-02-29T00:00:00Z',
  ])('accepts %s', (value) => {
    expect(Instant.safeParse(value).success).toBe(true);
  });

  it.each([
    ['no offset', '2026-10-20T17:00:00'],
    ['a space instead of T, no offset', '2026-10-02 15:00'],
    ['a date only', '2026-10-20'],
    ['no seconds', '2026-10-20T17:00Z'],
    ['an offset without a colon', '2026-10-20T19:00:00+0200'],
    ['hour 24', '2026-10-20T24:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['words', 'tomorrow'],
  ])('rejects %s (%s)', (_what, value) => {
    expect(Instant.safeParse(value).success).toBe(false);
  });

  // Date.parse alone would not catch these: it rolls 30 February over to 2 March. The ISO format check does.
  it.each(['2026-02-30T00:00:00Z', '2026-02-29T00:00:00Z', '2026-04-31T00:00:00Z'])(
    'rejects the impossible calendar date %s',
    (value) => {
      expect(Number.isNaN(Date.parse(value))).toBe(false);
      const result = Instant.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.code)).toContain('invalid_format');
    },
  );

  it('toEpochMs and isAfter compare instants across offsets', () => {
    expect(toEpochMs('2026-10-20T19:00:00+02:00')).toBe(toEpochMs('2026-10-20T17:00:00Z'));
    expect(isAfter('2026-10-20T17:00:01Z', '2026-10-20T19:00:00+02:00')).toBe(true);
    expect(isAfter('2026-10-20T19:00:00+02:00', '2026-10-20T17:00:00Z')).toBe(false);
  });
});
