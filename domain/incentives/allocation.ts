import { toSafeInteger } from './rounding.ts';

/**
 * Largest remainder (rule 6): each part is floor(total x weight / totalWeight), and the units left
 * over go one each to the largest remainders, ties to the lower id. Parts always sum to the total,
 * so no cent is created or lost between the pool and the people.
 */

export interface Weight {
  id: string;
  weight: number;
}

export interface Share {
  id: string;
  weight: number;
  /** floor(total x weight / totalWeight) */
  floor: number;
  /** (total x weight) mod totalWeight: the fraction left over is remainder / totalWeight. */
  remainder: bigint;
  /** Whether one of the units left over went to this id. */
  leftoverUnit: boolean;
  /** floor, plus 1 with a leftover unit. */
  amount: number;
}

export interface Allocation {
  total: number;
  totalWeight: bigint;
  /** In the order the weights were given. */
  shares: Share[];
}

const requireNonNegativeSafeInteger = (value: number, what: string): void => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`);
};

/** Every part with how it was reached, for statements that explain themselves. */
export const allocateShares = (total: number, weights: readonly Weight[]): Allocation => {
  requireNonNegativeSafeInteger(total, 'total');
  const seen = new Set<string>();
  for (const { id, weight } of weights) {
    requireNonNegativeSafeInteger(weight, `weight of ${id}`);
    if (seen.has(id)) throw new RangeError(`${id} is weighted twice`);
    seen.add(id);
  }

  const totalWeight = weights.reduce((sum, { weight }) => sum + BigInt(weight), 0n);
  if (total === 0 || totalWeight === 0n) {
    return { total, totalWeight, shares: weights.map(({ id, weight }) => ({ id, weight, floor: 0, remainder: 0n, leftoverUnit: false, amount: 0 })) };
  }

  // total x weight reaches 10^24 for a 10^12 pool and weight: only BigInt keeps it exact.
  const exact = weights.map(({ id, weight }) => {
    const product = BigInt(total) * BigInt(weight);
    return { id, weight, floor: product / totalWeight, remainder: product % totalWeight };
  });
  const leftover = BigInt(total) - exact.reduce((sum, { floor }) => sum + floor, 0n);
  // Each remainder is below one unit, so fewer units are left over than there are weighted ids.
  const luckyIds = new Set(
    exact
      .filter(({ weight }) => weight > 0)
      .sort((a, b) => (a.remainder !== b.remainder ? (a.remainder > b.remainder ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, Number(leftover))
      .map(({ id }) => id),
  );

  return {
    total,
    totalWeight,
    shares: exact.map(({ id, weight, floor, remainder }) => {
      const leftoverUnit = luckyIds.has(id);
      return { id, weight, floor: toSafeInteger(floor), remainder, leftoverUnit, amount: toSafeInteger(floor) + (leftoverUnit ? 1 : 0) };
    }),
  };
};

/** Each id's part of the total, in proportion to its weight; the parts sum exactly to the total. */
export const allocateByWeight = (total: number, weights: readonly Weight[]): Map<string, number> =>
  new Map(allocateShares(total, weights).shares.map(({ id, amount }) => [id, amount]));
