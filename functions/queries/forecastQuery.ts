import type { Month } from '../../domain/calendar.ts';
import { callFor } from '../../domain/forecasts/call.ts';
import type { SellerForecasts } from '../../domain/forecasts/forecastDecider.ts';
import { accuracyWindow, forecastSection, sumOfCallers, type ForecastSection, type MonthCall } from '../../domain/forecasts/forecastSection.ts';
import { sellerTeamIn } from '../../domain/forecasts/sellerTeam.ts';
import type { Dimension } from '../../domain/scorecard/dimensions.ts';
import type { ForecastsRepository } from '../projections/forecastsRepository.ts';
import type { ScorecardRepository } from '../projections/scorecardRepository.ts';

export interface ForecastSources {
  forecasts: ForecastsRepository;
  scorecards: ScorecardRepository;
  currency: string;
  timeZone: string;
}

/** One seller's months of the window: their call (in the scorecard currency only) and their revenueClosed. */
const sellerMonths = async (sources: ForecastSources, seller: SellerForecasts & { personId: string }, month: Month) => {
  const window = accuracyWindow(month);
  const stored = await sources.scorecards.months(`person:${seller.personId}`, window[0]!, month);
  return (m: Month): MonthCall => {
    const call = callFor(seller.forecasts, m, sources.timeZone);
    return {
      call: call !== null && call.currency === sources.currency ? call.amount : null,
      actual: stored.months.get(m)?.revenue?.[sources.currency] ?? 0,
    };
  };
};

/**
 * The scorecard's `forecast` section (CADENCE.md): a person's own calls against their revenueClosed;
 * a team or the organisation sums, month by month, the calls and actuals of its people who called
 * that month. A seller counts for the team of their latest close before the month ended.
 */
export const forecastSectionFor = async (sources: ForecastSources, dimension: Dimension, month: Month): Promise<ForecastSection> => {
  const sellers = (await sources.forecasts.all()).filter((seller): seller is SellerForecasts & { personId: string } => seller.personId !== null);
  if (dimension.startsWith('person:')) {
    const personId = dimension.slice('person:'.length);
    const seller = sellers.find((candidate) => candidate.personId === personId) ?? { personId, forecasts: [] };
    return forecastSection(month, sources.currency, await sellerMonths(sources, seller, month));
  }
  const team = dimension.startsWith('team:') ? dimension.slice('team:'.length) : null;
  const people = await Promise.all(
    sellers.map(async (seller) => ({
      months: await sellerMonths(sources, seller, month),
      teamIn: team === null ? () => true : await sources.forecasts.closesOf(seller.personId).then((closes) => (m: Month) => sellerTeamIn(closes, m, sources.timeZone) === team),
    })),
  );
  return forecastSection(month, sources.currency, (m) => sumOfCallers(people.filter((person) => person.teamIn(m)).map((person) => person.months(m))));
};
