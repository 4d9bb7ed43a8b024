/** Waits the given milliseconds; injected where tests want to count or skip the waits. */
export type Pause = (ms: number) => Promise<void>;

export const sleep: Pause = (ms) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * "Full jitter" backoff: a random pause up to base x 2^attempt. Writers that lost the same race
 * (a version slot, a counter item, a throttled key) stop colliding in lockstep.
 */
export const jitteredDelay = (attempt: number, baseMs = 5): number => Math.random() * 2 ** attempt * baseMs;

/** Pauses before a retry: nothing before the first attempt, a jittered, growing wait after that. */
export const backOff = (attempt: number, pause: Pause = sleep, baseMs = 5): Promise<void> =>
  attempt > 1 ? pause(jitteredDelay(attempt, baseMs)) : Promise.resolve();
