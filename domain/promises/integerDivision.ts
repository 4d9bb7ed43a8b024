/** Integer division for figures that outsiders recompute by hand: no float quotient near an integer can round the wrong way. */

/** Rounded down, exact for safe integers. */
export const floorDiv = (dividend: number, divisor: number): number => {
  const remainder = ((dividend % divisor) + divisor) % divisor;
  return (dividend - remainder) / divisor;
};

/** Rounded up, exact for safe integers. */
export const ceilDiv = (dividend: number, divisor: number): number => -floorDiv(-dividend, divisor);

/**
 * 100 x part / whole rounded half up to an integer percent (12.5 -> 13), for non-negative integer
 * minutes; null when the whole is 0, since no percentage of nothing is honest. Big integers keep
 * 200 x part exact whatever the size.
 */
export const percentHalfUp = (part: number, whole: number): number | null => {
  if (whole === 0) return null;
  return Number((200n * BigInt(part) + BigInt(whole)) / (2n * BigInt(whole)));
};
