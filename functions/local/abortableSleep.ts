import { setTimeout as wait } from 'node:timers/promises';

/** Waits, or stops waiting as soon as the signal aborts (without throwing): stopping never waits out a pause. */
export const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  wait(ms, undefined, { signal }).catch((error: unknown) => {
    if ((error as { name?: string })?.name !== 'AbortError') throw error;
  });
