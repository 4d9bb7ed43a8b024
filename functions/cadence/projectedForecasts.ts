import type { ForecastMade } from '../../domain/cadence/weeklyBrief.ts';
import type { Month } from '../../domain/calendar.ts';
import type { ForecastsRepository } from '../projections/forecastsRepository.ts';
import type { ForecastsSource } from './briefService.ts';

/** Every seller's forecasts for a month, from the one partition the projector lists them all in. */
export const projectedForecasts = (repository: Pick<ForecastsRepository, 'all'>): ForecastsSource => ({
  forecastsFor: async (month: Month): Promise<ForecastMade[]> =>
    (await repository.all()).flatMap(({ personId, forecasts }) =>
      personId === null
        ? []
        : forecasts.filter((forecast) => forecast.month === month).map(({ at, commit }) => ({ personId, month, commit, at })),
    ),
});
