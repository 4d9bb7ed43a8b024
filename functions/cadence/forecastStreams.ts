import type { ForecastMade } from '../../domain/cadence/weeklyBrief.ts';
import type { Month } from '../../domain/calendar.ts';
import { streamKinds } from '../../domain/streams.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import type { ForecastsSource } from './briefService.ts';

/** Reads at most this many sellers' streams at once. */
const PARALLEL_READS = 16;

/** Each seller's forecasts for a month, read from their own forecast stream (one Query a seller, once a week). */
export const forecastStreams = (store: Pick<DynamoEventStore, 'readStream'>): ForecastsSource => ({
  forecastsFor: async (month: Month, personIds: readonly string[]): Promise<ForecastMade[]> => {
    const made: ForecastMade[] = [];
    for (let start = 0; start < personIds.length; start += PARALLEL_READS) {
      const streams = await Promise.all(personIds.slice(start, start + PARALLEL_READS).map((id) => store.readStream(streamKinds.forecast.streamId(id))));
      for (const stream of streams) {
        for (const { event } of stream.events) {
          if (event.type === 'ForecastSubmitted' && event.data.month === month) {
            made.push({ personId: event.data.personId, month, commit: event.data.commit, at: event.occurredAt });
          }
        }
      }
    }
    return made;
  },
});
