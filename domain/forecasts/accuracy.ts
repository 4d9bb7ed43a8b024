/**
 * Forecast accuracy, exactly as CADENCE.md says, on integer minor units. Every ratio is worked out on
 * integers (BigInt) and rounded once, so scaling every call and actual by the same factor changes
 * nothing and anyone can recompute the figures by hand.
 */

/** How many months, ending at the month asked, the accuracy looks back over. */
export const ACCURACY_WINDOW_MONTHS = 6;
/** |tracking signal| beyond this, over at least MIN_MONTHS_FOR_BIAS months with a call, is a persistent bias. */
export const TRACKING_SIGNAL_LIMIT = 4;
export const MIN_MONTHS_FOR_BIAS = 4;

/** One month with a call: the call F and the actual A, in minor units of one currency. */
export interface CallAndActual {
  call: number;
  actual: number;
}

export type PersistentBias = null | 'sandbagging' | 'over-forecasting';

export interface ForecastAccuracy {
  wape: number | null;
  trackingSignal: number | null;
  persistentBias: PersistentBias;
  months: number;
}

/**
 * numerator / denominator (denominator > 0) to the nearest integer, a half rounded up in magnitude:
 * CADENCE.md's round_half_up, applied symmetrically so that -2.5 -> -3 as 2.5 -> 3 (the way the
 * scorecard's NPS rounds); over- and under-forecasting by the same amount then read the same size.
 */
export const roundHalfAwayFromZero = (numerator: bigint, denominator: bigint): bigint => {
  if (denominator <= 0n) throw new RangeError('the denominator must be positive');
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
};

/** A number with `decimals` decimals from its scaled integer, never -0. */
const scaled = (value: bigint, decimals: number): number => Number(value) / 10 ** decimals || 0;

/** round_half_up(100 x (F - A) / A); null when A = 0. Positive: over-forecast. */
export const biasPercent = ({ call, actual }: CallAndActual): number | null =>
  actual === 0 ? null : scaled(roundHalfAwayFromZero(100n * (BigInt(call) - BigInt(actual)), BigInt(actual)), 0);

/**
 * Over the months with a call (at most the 6 ending at the month asked): WAPE = sum|A - F| / sum A to
 * 4 decimals (null when sum A = 0); tracking signal = sum(A - F) / MAD with MAD = sum|A - F| / n, to
 * 2 decimals (null when MAD = 0); a persistent bias when the tracking signal as shown is beyond +-4
 * over at least 4 months: sandbagging when positive (actuals beat the calls), over-forecasting when
 * negative.
 */
export const forecastAccuracy = (months: readonly CallAndActual[]): ForecastAccuracy => {
  const n = BigInt(months.length);
  let absoluteErrors = 0n;
  let errors = 0n;
  let actuals = 0n;
  for (const { call, actual } of months) {
    const error = BigInt(actual) - BigInt(call);
    errors += error;
    absoluteErrors += error < 0n ? -error : error;
    actuals += BigInt(actual);
  }
  const wape = actuals === 0n ? null : scaled(roundHalfAwayFromZero(10_000n * absoluteErrors, actuals), 4);
  // sum(A - F) / (sum|A - F| / n) = n x sum(A - F) / sum|A - F|: one division, exact.
  const trackingSignal = absoluteErrors === 0n ? null : scaled(roundHalfAwayFromZero(100n * n * errors, absoluteErrors), 2);
  const persistent = trackingSignal !== null && Math.abs(trackingSignal) > TRACKING_SIGNAL_LIMIT && months.length >= MIN_MONTHS_FOR_BIAS;
  return {
    wape,
    trackingSignal,
    persistentBias: !persistent ? null : trackingSignal > 0 ? 'sandbagging' : 'over-forecasting',
    months: months.length,
  };
};
