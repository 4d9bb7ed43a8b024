import * as z from '../zod.ts';
import { Month } from '../calendar.ts';
import { Instant } from '../instant.ts';
import { Money } from '../money.ts';

/** A seller, as a forecast names them: the id their token carries and their deals' `seller.id`. */
export const PersonId = z.string().check(z.minLength(1), z.maxLength(128), z.meta({ example: 'P-SALES-1' }));

export const forecastEventData = {
  /**
   * What a seller commits to close in a month, said at the event's `occurredAt`. Every one is kept;
   * the month's call is the latest said before the month began (CADENCE.md, "Forecasts").
   */
  ForecastSubmitted: z.strictObject({ personId: PersonId, month: Month, commit: Money }),
} as const;

export type ForecastEventType = keyof typeof forecastEventData;

const eventOf = <T extends ForecastEventType>(type: T) =>
  z.object({ type: z.literal(type), occurredAt: Instant, data: forecastEventData[type] });

/** What a seller's forecast stream holds: every forecast they submitted, for any month. */
export const ForecastEvent = z.discriminatedUnion('type', [eventOf('ForecastSubmitted')]);
export type ForecastEvent = z.infer<typeof ForecastEvent>;
export type ForecastSubmitted = Extract<ForecastEvent, { type: 'ForecastSubmitted' }>;

export const isForecastEvent = (event: { type: string }): event is ForecastEvent => Object.hasOwn(forecastEventData, event.type);
