import * as z from '../zod.ts';

/**
 * Decimals of at most three places (minutes per unit, hours) are counted in integer thousandths, so
 * arithmetic on them is exact: 0.1 x 3 is 300 thousandths, never 0.30000000000000004.
 */

/**
 * The value in thousandths, when it has at most three decimals; null otherwise. A number read from
 * `0.125` is the double nearest 125/1000, and so is 125 / 1000: comparing the two decides exactly.
 */
export const thousandthsOrNull = (value: number): number | null => {
  if (!Number.isFinite(value)) return null;
  const thousandths = Math.round(value * 1000);
  return Number.isSafeInteger(thousandths) && thousandths / 1000 === value ? thousandths : null;
};

/** The value in thousandths; a RangeError for a value with more than three decimals (the schemas refuse those). */
export const thousandthsOf = (value: number): number => {
  const thousandths = thousandthsOrNull(value);
  if (thousandths === null) throw new RangeError(`${value} has more than 3 decimals`);
  return thousandths;
};

/** A number from `min` to `max` with at most three decimals. */
export const decimalOfThousandths = ({ min, max, exclusiveMin = false }: { min: number; max: number; exclusiveMin?: boolean }) =>
  z.number().check(
    exclusiveMin ? z.gt(min) : z.minimum(min),
    z.maximum(max),
    z.refine((value) => thousandthsOrNull(value) !== null, { message: 'must have at most 3 decimals' }),
  );
