import * as z from '../zod.ts';
import { Instant, toEpochMs } from '../instant.ts';
import type { Engagement } from '../promises/engagementRecord.ts';
import { EscalationId } from '../promises/escalationId.ts';
import {
  DealCancelledData,
  DealClosedData,
  DeliveryCompletedData,
  HandoffCompletedData,
  HandoffReturnedData,
  NpsResponseRecordedData,
  PromiseRevisedData,
  ScopeChangedData,
} from './events.ts';

/** Request bodies of the deal commands, exactly as the public API takes them. */
// z.extend keeps the strictness of the data it extends, so each body still refuses a field it does not know.
export const CloseDealBody = z.extend(DealClosedData, {
  closedAt: Instant,
  /** The escalation that approved this promise, when it needed one (PROMISES.md). */
  escalationId: z.optional(EscalationId),
}).check(
  z.superRefine((body, ctx) => {
    // Only compare two dates that are each valid; a bad one already has its own error.
    const bothValid = Instant.safeParse(body.closedAt).success && Instant.safeParse(body.promise?.deliverBy).success;
    if (bothValid && toEpochMs(body.promise.deliverBy) < toEpochMs(body.closedAt)) {
      ctx.addIssue({ code: 'custom', path: ['promise', 'deliverBy'], message: 'must not be before closedAt' });
    }
  }),
);
export const HandOffBody = z.extend(HandoffCompletedData, { at: Instant });
export const ReturnHandoffBody = z.extend(HandoffReturnedData, { at: Instant });
export const ChangeScopeBody = z.extend(ScopeChangedData, { at: Instant });
export const RevisePromiseBody = z.extend(PromiseRevisedData, { at: Instant });
export const DeliverBody = z.extend(DeliveryCompletedData, { at: Instant });
export const CancelDealBody = z.extend(DealCancelledData, { at: Instant });

export type CloseDealBody = z.infer<typeof CloseDealBody>;
export type HandOffBody = z.infer<typeof HandOffBody>;
export type ReturnHandoffBody = z.infer<typeof ReturnHandoffBody>;
export type ChangeScopeBody = z.infer<typeof ChangeScopeBody>;
export type RevisePromiseBody = z.infer<typeof RevisePromiseBody>;
export type DeliverBody = z.infer<typeof DeliverBody>;
export type CancelDealBody = z.infer<typeof CancelDealBody>;

/** Commands: what someone asks the deal to do. Time comes in with the command, so deciding stays pure. */
export type DealCommand =
  /** `engagement`: the promise check's verdict at closedAt, judged by whoever holds the rules (null: not judged). */
  | { type: 'CloseDeal'; body: CloseDealBody; engagement?: Engagement | null }
  | { type: 'HandOff'; body: HandOffBody }
  | { type: 'ReturnHandoff'; body: ReturnHandoffBody }
  | { type: 'ChangeScope'; body: ChangeScopeBody }
  | { type: 'RevisePromise'; body: RevisePromiseBody }
  | { type: 'Deliver'; body: DeliverBody }
  | { type: 'CancelDeal'; body: CancelDealBody }
  | { type: 'RecordNpsResponse'; body: z.infer<typeof NpsResponseRecordedData> };
