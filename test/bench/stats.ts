/** The value at quantile q (0..1) of the samples: the lower one where q falls between two. */
export const quantile = (values: readonly number[], q: number): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * q)]!;

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Seconds of wall time since `since` (a `process.hrtime.bigint()` reading). */
export const secondsSince = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;
