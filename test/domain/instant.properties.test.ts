import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEpochMs } from '../../domain/instant.ts';

/**
 * toEpochMs reads instants as they are written digit by digit instead of calling Date.parse: for any
 * text, written that way or nearly so, it must answer what Date.parse answers (NaN included).
 */

const two = (value: number) => String(value).padStart(2, '0');

// Fields a little beyond their ranges, so impossible dates and times (30 February, hour 24) are tried too.
const writtenInstant = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    fraction: fc.constantFrom('', '.000', '.5', '.123', '.9999', '.1234567'),
    zone: fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 })).map(
        ([sign, hours, minutes]) => `${sign}${two(hours)}:${two(minutes)}`,
      ),
      fc.constantFrom('', 'z', '+0530', '+05', ' Z'),
    ),
  })
  .map(({ year, month, day, hour, minute, second, fraction, zone }) =>
    `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}${fraction}${zone}`,
  );

const sameAsDateParse = (text: string): void => {
  expect(Object.is(toEpochMs(text), Date.parse(text)), text).toBe(true);
};

describe('toEpochMs', () => {
  it('given any instant written as YYYY-MM-DDTHH:MM:SS with a fraction or not and an offset or Z, even an impossible one, then it is what Date.parse reads', () => {
    fc.assert(fc.property(writtenInstant, sameAsDateParse), { numRuns: 5_000 });
  });

  it('given the instant as written with one character changed, then it is still what Date.parse reads', () => {
    fc.assert(
      fc.property(writtenInstant, fc.nat(), fc.constantFrom('0', '9', '-', ':', 'T', 'Z', '+', '.', ' ', 'x'), (text, position, character) => {
        const at = position % text.length;
        sameAsDateParse(`${text.slice(0, at)}${character}${text.slice(at + 1)}`);
      }),
      { numRuns: 3_000 },
    );
  });

  it.each([
    '2026-10-20T17:00:00Z',
    '2026-10-20T17:00:00.123Z',
    '2026-10-20T19:00:00+02:00',
    '2026-10-20T12:00:00-05:00',
    '2028-02-29T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-10-20T24:00:00Z',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999-23:59',
    '2026-10-20',
    'tomorrow',
    '',
  ])('given %s, then it is what Date.parse reads', sameAsDateParse);
});
