import type { Month } from '../calendar.ts';
import type { Decider } from '../decider.ts';
import type { Instant } from '../instant.ts';
import type { Money } from '../money.ts';
import type { ForecastEvent, ForecastSubmitted } from './events.ts';

/** One forecast as the seller said it; `recorded` is its place on the seller's stream (the order they were recorded in). */
export interface Forecast {
  month: Month;
  at: Instant;
  commit: Money;
  recorded: number;
}

/** Every forecast one seller submitted, in the order recorded. */
export interface SellerForecasts {
  personId: string | null;
  forecasts: Forecast[];
}

export type SubmitForecast = { type: 'SubmitForecast'; personId: string; month: Month; at: Instant; commit: Money };

const sameMoney = (a: Money, b: Money) => a.amount === b.amount && a.currency === b.currency;

/**
 * A seller's forecasts (CADENCE.md, "Forecasts"): every one is kept, later ones too. The same forecast
 * said again (same month, same `at`, same commit) is a retry and records nothing new.
 */
export const forecastDecider = {
  initialState: (): SellerForecasts => ({ personId: null, forecasts: [] }),
  evolve: (state: SellerForecasts, event: ForecastEvent): SellerForecasts => {
    const { personId, month, commit } = event.data;
    return { personId, forecasts: [...state.forecasts, { month, at: event.occurredAt, commit, recorded: state.forecasts.length + 1 }] };
  },
  decide: (command: SubmitForecast, state: SellerForecasts): ForecastSubmitted[] => {
    const { personId, month, at, commit } = command;
    const retry = state.forecasts.some((forecast) => forecast.month === month && forecast.at === at && sameMoney(forecast.commit, commit));
    return retry ? [] : [{ type: 'ForecastSubmitted', occurredAt: at, data: { personId, month, commit } }];
  },
  startsStream: (): boolean => false,
} satisfies Decider<SellerForecasts, SubmitForecast, ForecastEvent>;
