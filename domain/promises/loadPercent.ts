import * as z from '../zod.ts';

/** A share of capacity in whole percents, rounded half up; null when the capacity is 0 (no share of nothing is honest). */
export const LoadPercent = z.nullable(z.int().check(z.nonnegative())).check(
  z.meta({ description: 'percent of the capacity, rounded half up; null when the capacity is 0', example: 125 }),
);
