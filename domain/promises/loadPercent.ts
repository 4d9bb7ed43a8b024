import * as z from 'zod';

/** A share of capacity in whole percents, rounded half up; null when the capacity is 0 (no share of nothing is honest). */
export const LoadPercent = z
  .int()
  .nonnegative()
  .nullable()
  .meta({ description: 'percent of the capacity, rounded half up; null when the capacity is 0', example: 125 });
