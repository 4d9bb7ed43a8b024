import type { ClosedMonth } from './incentiveRecords.ts';
import type { MetricsRecorder } from '../observability/metrics.ts';

/** A close that closed its month (not one answered with an earlier close) counts once, with its pool. */
export const countClose = (metrics: MetricsRecorder, created: boolean, closing: ClosedMonth): void => {
  if (!created) return;
  metrics.monthClose('closed');
  metrics.poolTotal(closing.closed.payout.pool.amount, closing.closed.payout.pool.currency);
};
