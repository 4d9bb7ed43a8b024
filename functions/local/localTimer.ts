import { logger } from '../observability/logger.ts';
import { abortableSleep } from './abortableSleep.ts';

/** A local stand-in for a schedule: `run` every interval until stopped (never when the interval is 0 or unset). */
export const everyInterval = (intervalMs: number | undefined, run: () => Promise<unknown>, what: string) => {
  if (!intervalMs || intervalMs <= 0) return { stop: async () => {} };
  const stopping = new AbortController();
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      await abortableSleep(intervalMs, stopping.signal);
      if (stopping.signal.aborted) break;
      // A failed run is retried by the next one, as the schedule's next run would on AWS.
      await run().catch((error: unknown) => logger.error(`local ${what} failed`, { error: (error as Error).message }));
    }
  })();
  return {
    stop: async () => {
      stopping.abort();
      await loop;
    },
  };
};
