import * as z from '../zod.ts';
import { DealId } from '../deal/events.ts';
import { Instant } from '../instant.ts';
import { byCodeUnits } from './codeUnitOrder.ts';

/**
 * An open commitment of one ops team (PROMISES.md, "Load"): a closed deal neither delivered nor
 * cancelled, with the minutes of its scope in force for that team (never 0: a deal with no work for a
 * team is not its commitment) and its current deliver-by, the date operations works to.
 */
export const Commitment = z.strictObject({
  dealId: DealId,
  minutes: z.int().check(z.positive()),
  deliverBy: Instant,
  closedAt: Instant,
});
export type Commitment = z.infer<typeof Commitment>;

/** A commitment with its instants read once: sorting a thousand of them would otherwise parse each date many times. */
export interface Job {
  commitment: Commitment;
  deadlineMs: number;
  closedAtMs: number;
}

export const jobOf = (commitment: Commitment): Job => ({
  commitment,
  deadlineMs: Date.parse(commitment.deliverBy),
  closedAtMs: Date.parse(commitment.closedAt),
});

/** The order jobs are served in: deadline, then when the deal closed, then dealId. An overdue job comes first. */
export const byDeadline = (a: Job, b: Job): number =>
  a.deadlineMs - b.deadlineMs || a.closedAtMs - b.closedAtMs || byCodeUnits(a.commitment.dealId, b.commitment.dealId);

/** The jobs of a team in the order they are served; a deal with no minutes is no job (the schema refuses it anyway). */
export const jobsInOrder = (commitments: readonly Commitment[]): Job[] =>
  commitments.filter((commitment) => commitment.minutes > 0).map(jobOf).sort(byDeadline);
