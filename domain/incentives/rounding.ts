/**
 * Exact rounding for money. Half to even (banker's rounding) keeps a long run of payouts from
 * drifting upwards the way half-up would; BigInt keeps value x bps exact beyond 2^53.
 */

const BPS_DENOMINATOR = 10_000n;

/** numerator / denominator, rounded to the nearest integer, a tie to the even neighbour. */
export const roundHalfEven = (numerator: bigint, denominator: bigint): bigint => {
  if (denominator === 0n) throw new RangeError('cannot divide by zero');
  const [n, d] = denominator < 0n ? [-numerator, -denominator] : [numerator, denominator];
  // BigInt division truncates towards zero; the floor makes the remainder non-negative for both signs.
  let quotient = n / d;
  let remainder = n % d;
  if (remainder < 0n) {
    quotient -= 1n;
    remainder += d;
  }
  const twice = 2n * remainder;
  if (twice > d) return quotient + 1n;
  if (twice < d) return quotient;
  return quotient % 2n === 0n ? quotient : quotient + 1n;
};

/** Back to a number, refusing anything a number cannot hold exactly. */
export const toSafeInteger = (value: bigint): number => {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`${value} is beyond the safe integer range`);
  return result;
};

const requireSafeInteger = (value: number, what: string): bigint => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
  return BigInt(value);
};

/** amount x bps / 10000, rounded half to even: a rate in basis points applied to minor units. */
export const applyBps = (amount: number, bps: number): number =>
  toSafeInteger(roundHalfEven(requireSafeInteger(amount, 'amount') * requireSafeInteger(bps, 'bps'), BPS_DENOMINATOR));
