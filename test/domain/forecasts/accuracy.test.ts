import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { biasPercent, forecastAccuracy, roundHalfAwayFromZero, type CallAndActual } from '../../../domain/forecasts/accuracy.ts';

/** CADENCE.md's forecast formulas, worked by hand, and the properties any honest measure must have. */

describe('biasPercent = round_half_up(100 x (F - A) / A)', () => {
  it.each([
    // call, actual, bias
    [110, 100, 10],
    [90, 100, -10],
    [13, 8, 63], // 62.5: a half rounds up
    [3, 8, -63], // -62.5: a negative half rounds away from zero too, so -62.5 and 62.5 read the same size
    [1, 200, -100], // -99.5
    [100, 300, -67], // -66.67
    [5, 3, 67], // 66.67
    [0, 100, -100],
    [100, 100, 0],
  ])('given F = %i and A = %i, then %i', (call, actual, bias) => {
    expect(biasPercent({ call, actual })).toBe(bias);
  });

  it('given A = 0, then null (nothing to divide by)', () => {
    expect(biasPercent({ call: 100, actual: 0 })).toBeNull();
  });

  it('given a bias that rounds to zero from below (-0.4), then 0, not -0', () => {
    expect(Object.is(biasPercent({ call: 996, actual: 1000 }), 0)).toBe(true);
  });
});

describe('roundHalfAwayFromZero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [7n, 3n, 2n],
    [-7n, 3n, -2n],
    [8n, 3n, 3n],
    [-8n, 3n, -3n],
    [0n, 9n, 0n],
  ])('given %i / %i, then %i', (numerator, denominator, expected) => {
    expect(roundHalfAwayFromZero(numerator, denominator)).toBe(expected);
  });
});

describe('forecastAccuracy over the months with a call', () => {
  it('given four months (F, A) = (100, 120), (100, 80), (100, 100), (100, 130), then WAPE 70/430 and tracking signal 30/17.5, as worked by hand', () => {
    // errors A - F: 20, -20, 0, 30 -> sum 30, sum|.| 70, sum A 430; MAD 17.5
    expect(forecastAccuracy([c(100, 120), c(100, 80), c(100, 100), c(100, 130)])).toEqual({
      wape: 0.1628, // 0.162790...
      trackingSignal: 1.71, // 1.714285...
      persistentBias: null,
      months: 4,
    });
  });

  it('given five months all under-called by 50 each, then tracking signal 5: sandbagging', () => {
    expect(forecastAccuracy(Array.from({ length: 5 }, () => c(100, 150)))).toEqual({ wape: 0.3333, trackingSignal: 5, persistentBias: 'sandbagging', months: 5 });
  });

  it('given five months all over-called, then tracking signal -5: over-forecasting', () => {
    expect(forecastAccuracy(Array.from({ length: 5 }, () => c(150, 100)))).toMatchObject({ wape: 0.5, trackingSignal: -5, persistentBias: 'over-forecasting' });
  });

  it('given four months all under-called, then the tracking signal is exactly 4, which is not beyond 4: no persistent bias', () => {
    expect(forecastAccuracy(Array.from({ length: 4 }, () => c(100, 150)))).toMatchObject({ trackingSignal: 4, persistentBias: null, months: 4 });
  });

  it('given six months, five under by 10 and one over by 1, then 6 x 49 / 51 = 5.7647 shows as 5.76: sandbagging', () => {
    const months = [...Array.from({ length: 5 }, () => c(100, 110)), c(101, 100)];
    expect(forecastAccuracy(months)).toMatchObject({ trackingSignal: 5.76, persistentBias: 'sandbagging', months: 6 });
  });

  it('given a tracking signal of exactly -0.025, then it rounds away from zero to -0.03', () => {
    // errors 79 and -81: sum -2, sum|.| 160, n 2 -> 2 x -2 / 160 = -0.025
    expect(forecastAccuracy([c(100, 179), c(181, 100)]).trackingSignal).toBe(-0.03);
  });

  it('given a WAPE of exactly 0.00005, then it rounds up to 0.0001', () => {
    expect(forecastAccuracy([c(19_999, 20_000)]).wape).toBe(0.0001);
  });

  it('given no month with a call, then every measure null and 0 months', () => {
    expect(forecastAccuracy([])).toEqual({ wape: null, trackingSignal: null, persistentBias: null, months: 0 });
  });

  it('given calls but nothing closed, then WAPE null (sum A = 0) and the tracking signal -n', () => {
    expect(forecastAccuracy([c(100, 0), c(50, 0)])).toEqual({ wape: null, trackingSignal: -2, persistentBias: null, months: 2 });
  });
});

const c = (call: number, actual: number): CallAndActual => ({ call, actual });

const amount = fc.integer({ min: 0, max: 1_000_000_000 });
const month = fc.record({ call: amount, actual: amount });
const months = fc.array(month, { minLength: 0, maxLength: 6 });

describe('properties', () => {
  it('a perfect forecaster (every call equals its actual) has bias 0, WAPE 0 and a null tracking signal', () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 6 }), (actuals) => {
        const perfect = actuals.map((actual) => c(actual, actual));
        for (const entry of perfect) expect(biasPercent(entry)).toBe(entry.actual === 0 ? null : 0);
        const accuracy = forecastAccuracy(perfect);
        expect(accuracy.wape).toBe(actuals.some((actual) => actual > 0) ? 0 : null);
        expect(accuracy.trackingSignal).toBeNull();
        expect(accuracy.persistentBias).toBeNull();
      }),
    );
  });

  it('scaling every call and actual by the same positive integer changes none of them', () => {
    fc.assert(
      fc.property(months, fc.integer({ min: 1, max: 10_000 }), (window, factor) => {
        const scaledWindow = window.map((entry) => c(entry.call * factor, entry.actual * factor));
        expect(forecastAccuracy(scaledWindow)).toEqual(forecastAccuracy(window));
        for (const [index, entry] of window.entries()) expect(biasPercent(scaledWindow[index]!)).toBe(biasPercent(entry));
      }),
    );
  });

  it('the tracking signal never exceeds the number of months in size, so a persistent bias needs at least 5 months', () => {
    fc.assert(
      fc.property(months, (window) => {
        const { trackingSignal, persistentBias, months: n } = forecastAccuracy(window);
        if (trackingSignal !== null) expect(Math.abs(trackingSignal)).toBeLessThanOrEqual(n);
        if (persistentBias !== null) expect(n).toBeGreaterThanOrEqual(5);
      }),
    );
  });

  it('swapping every call and actual flips the sign of the tracking signal', () => {
    fc.assert(
      fc.property(months, (window) => {
        const swapped = forecastAccuracy(window.map((entry) => c(entry.actual, entry.call))).trackingSignal;
        const original = forecastAccuracy(window).trackingSignal;
        expect(swapped === null ? null : swapped || 0).toBe(original === null ? null : -original || 0);
      }),
    );
  });
});
