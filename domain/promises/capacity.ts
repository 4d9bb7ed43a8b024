import * as z from '../zod.ts';
import { IsoWeek } from '../isoWeek.ts';
import { floorDiv } from './integerDivision.ts';
import { decimalOfThousandths, thousandthsOf } from './thousandths.ts';

/** Far above any team: a bound that keeps every capacity sum an exact integer. */
export const MAX_HOURS_PER_WEEK = 1_000_000;

/**
 * Hours may have decimals (37.5 hours, a 7.25-hour holiday week), at most three of them, like minutes
 * per unit: they are counted in thousandths so the capacity formula stays integer arithmetic.
 */
const Hours = decimalOfThousandths({ min: 0, max: MAX_HOURS_PER_WEEK });

/** An ops team's hours (PROMISES.md, "Capacity"). As published, with the defaults filled in. */
export const Capacity = z.strictObject({
  weeklyHours: Hours.check(z.meta({ description: 'hours in an ordinary week, at most 3 decimals', example: 40 })),
  weeks: z
    ._default(
      z.record(IsoWeek, Hours, {
        // The key's own message names the week and why it is not one; the record's generic one would not.
        error: (issue) => (issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined),
      }),
      {},
    )
    .check(z.meta({ description: 'hours of particular weeks (holidays, overtime), by ISO week', example: { '2026-W52': 8 } })),
  /** Whole percents: what a team holds back for the unforeseen is agreed in round figures. */
  reservePercent: z
    ._default(z.int().check(z.minimum(0), z.maximum(100)), 0)
    .check(z.meta({ description: 'percent of the hours held back', example: 10 })),
});
export type Capacity = z.infer<typeof Capacity>;
/** A capacity as a client writes it: `weeks` and `reservePercent` may be left out. */
export type CapacityInput = z.input<typeof Capacity>;

/** A week's capacity in minutes: floor(hours x 60 x (100 - reservePercent) / 100), exactly. */
export const weekCapacityMinutes = (capacity: Capacity, week: IsoWeek): number => {
  const hours = Object.hasOwn(capacity.weeks, week) ? (capacity.weeks[week] as number) : capacity.weeklyHours;
  // Hours are in thousandths here, hence 100 x 1000 below.
  return floorDiv(thousandthsOf(hours) * 60 * (100 - capacity.reservePercent), 100_000);
};
