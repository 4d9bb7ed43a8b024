import { monthStartMs, type Month } from '../calendar.ts';
import { toEpochMs } from '../instant.ts';
import type { Money } from '../money.ts';
import type { Forecast } from './forecastDecider.ts';

/**
 * The call for month M: the latest forecast for M said before M starts in the business time zone;
 * of two said at the same instant, the later recorded. Forecasts said from M's start on are kept but
 * are not the call. Null when there is none.
 */
export const callFor = (forecasts: readonly Forecast[], month: Month, timeZone: string): Money | null => {
  const start = monthStartMs(month, timeZone);
  let call: Forecast | null = null;
  for (const forecast of forecasts) {
    if (forecast.month !== month || toEpochMs(forecast.at) >= start) continue;
    const at = toEpochMs(forecast.at);
    if (call === null || at > toEpochMs(call.at) || (at === toEpochMs(call.at) && forecast.recorded > call.recorded)) call = forecast;
  }
  return call?.commit ?? null;
};
