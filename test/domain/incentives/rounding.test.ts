import { describe, expect, it } from 'vitest';
import { applyBps, roundHalfEven, toSafeInteger } from '../../../domain/incentives/rounding.ts';

describe('roundHalfEven', () => {
  it.each([
    // numerator, denominator, expected
    [1n, 2n, 0n], // 0.5
    [3n, 2n, 2n], // 1.5
    [5n, 2n, 2n], // 2.5
    [7n, 2n, 4n], // 3.5
    [-1n, 2n, 0n], // -0.5
    [-3n, 2n, -2n], // -1.5
    [-5n, 2n, -2n], // -2.5
    [14_999n, 10_000n, 1n], // 1.4999
    [15_001n, 10_000n, 2n], // 1.5001
    [-14_999n, 10_000n, -1n],
    [-15_001n, 10_000n, -2n],
    [12n, 4n, 3n], // exact
    [-12n, 4n, -3n],
    [0n, 7n, 0n],
    [5n, -2n, -2n], // -2.5, the sign of the denominator carried over
    [-5n, -2n, 2n],
  ])('given %i / %i, then %i', (numerator, denominator, expected) => {
    expect(roundHalfEven(numerator, denominator)).toBe(expected);
  });

  it('given numbers far beyond 2^53, then it stays exact', () => {
    // 10^24 + 5 * 10^11 over 10^12 is 10^12 + 0.5: the tie goes to the even 10^12.
    expect(roundHalfEven(10n ** 24n + 5n * 10n ** 11n, 10n ** 12n)).toBe(10n ** 12n);
    expect(roundHalfEven(10n ** 24n + 15n * 10n ** 11n, 10n ** 12n)).toBe(10n ** 12n + 2n);
  });

  it('given a zero denominator, then it refuses', () => {
    expect(() => roundHalfEven(1n, 0n)).toThrow(RangeError);
  });
});

describe('applyBps', () => {
  it.each([
    // amount, bps, expected
    [25, 200, 0], // 0.5
    [75, 200, 2], // 1.5
    [125, 200, 2], // 2.5
    [500_001, 200, 10_000], // 10000.02
    [36_000, 10_000, 36_000],
    [5, 5_000, 2], // 2.5
    [3, 5_000, 2], // 1.5
    [30_000, 12_000, 36_000],
    [0, 12_000, 0],
  ])('given %i at %i bps, then %i', (amount, bps, expected) => {
    expect(applyBps(amount, bps)).toBe(expected);
  });

  it('given a value whose product with the bps exceeds 2^53, then the result is exact', () => {
    // 1000000000004704 x 9999 is not a double: in floats the result comes out one short.
    expect(applyBps(1_000_000_000_004_704, 9_999)).toBe(999_900_000_004_704);
    expect(applyBps(10 ** 12, 10_000)).toBe(10 ** 12);
    // (2^53 - 1) / 2 = 4503599627370495.5: the tie goes to the even neighbour (floats say ...495).
    expect(applyBps(Number.MAX_SAFE_INTEGER, 5_000)).toBe(4_503_599_627_370_496);
  });

  it('given a result beyond safe integers, or inputs that are not integers, then it throws', () => {
    expect(() => applyBps(Number.MAX_SAFE_INTEGER, 20_000)).toThrow(RangeError);
    expect(() => applyBps(10.5, 200)).toThrow(RangeError);
    expect(() => applyBps(100, 0.5)).toThrow(RangeError);
  });
});

describe('toSafeInteger', () => {
  it('given a safe bigint, then the number; given more, then it throws', () => {
    expect(toSafeInteger(-42n)).toBe(-42);
    expect(() => toSafeInteger(2n ** 53n)).toThrow(RangeError);
  });
});
