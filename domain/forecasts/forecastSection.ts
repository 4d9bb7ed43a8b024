import * as z from '../zod.ts';
import { addMonths, type Month } from '../calendar.ts';
import { Money } from '../money.ts';
import { ACCURACY_WINDOW_MONTHS, biasPercent, forecastAccuracy, type CallAndActual } from './accuracy.ts';

/** One seller's (or a group's) month: the call in minor units (null: no call) and what was closed. */
export interface MonthCall {
  call: number | null;
  actual: number;
}

/** The scorecard's `forecast` section (CADENCE.md, "Forecasts"). */
export const ForecastSectionSchema = z.strictObject({
  call: z.nullable(Money),
  actual: Money,
  biasPercent: z.nullable(z.int()),
  wape: z.nullable(z.number().check(z.nonnegative())),
  trackingSignal: z.nullable(z.number()),
  persistentBias: z.nullable(z.enum(['sandbagging', 'over-forecasting'])),
  months: z.int().check(z.minimum(0), z.maximum(ACCURACY_WINDOW_MONTHS)),
});
export type ForecastSection = z.infer<typeof ForecastSectionSchema>;

/** The months the accuracy looks back over: the 6 ending at `month`, oldest first. */
export const accuracyWindow = (month: Month): Month[] =>
  Array.from({ length: ACCURACY_WINDOW_MONTHS }, (_, index) => addMonths(month, index - ACCURACY_WINDOW_MONTHS + 1));

/**
 * A team's or the organisation's month: the calls of its people who called it, summed, against what
 * those same people closed; a person without a call for the month counts in neither.
 */
export const sumOfCallers = (people: readonly MonthCall[]): MonthCall => {
  const callers = people.filter((person): person is CallAndActual => person.call !== null);
  if (callers.length === 0) return { call: null, actual: 0 };
  return { call: callers.reduce((sum, p) => sum + p.call, 0), actual: callers.reduce((sum, p) => sum + p.actual, 0) };
};

/** The section for `month`, from each month of its window (`monthOf` answers for any month of it). */
export const forecastSection = (month: Month, currency: string, monthOf: (month: Month) => MonthCall): ForecastSection => {
  const asked = monthOf(month);
  const withCalls = accuracyWindow(month)
    .map(monthOf)
    .filter((entry): entry is CallAndActual => entry.call !== null);
  return {
    call: asked.call === null ? null : { amount: asked.call, currency },
    actual: { amount: asked.actual, currency },
    biasPercent: asked.call === null ? null : biasPercent({ call: asked.call, actual: asked.actual }),
    ...forecastAccuracy(withCalls),
  };
};
