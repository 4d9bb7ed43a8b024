import * as z from '../zod.ts';
import { Instant } from '../instant.ts';
import { Money } from '../money.ts';

/** PUT /v1/forecasts/{month}/{personId}: what the seller commits to close in the month, said at `at`. */
export const SubmitForecastBody = z.strictObject({ at: Instant, commit: Money });
export type SubmitForecastBody = z.infer<typeof SubmitForecastBody>;
