import * as z from 'zod';
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
export const CloseDealBody = DealClosedData.extend({
  closedAt: Instant,
  /** The escalation that approved this promise, when it needed one (PROMISES.md). */
  escalationId: EscalationId.optional(),
})
  .strict()
  .superRefine((body, ctx) => {
    // Only compare two dates that are each valid; a bad one already has its own error.
    const bothValid = Instant.safeParse(body.closedAt).success && Instant.safeParse(body.promise?.deliverBy).success;
    if (bothValid && toEpochMs(body.promise.deliverBy) < toEpochMs(body.closedAt)) {
      ctx.addIssue({ code: 'custom', path: ['promise', 'deliverBy'], message: 'must not be before closedAt' });
    }
  });
export const HandOffBody = HandoffCompletedData.extend({ at: Instant }).strict();
export const ReturnHandoffBody = HandoffReturnedData.extend({ at: Instant }).strict();
export const ChangeScopeBody = ScopeChangedData.extend({ at: Instant }).strict();
export const RevisePromiseBody = PromiseRevisedData.extend({ at: Instant }).strict();
export const DeliverBody = DeliveryCompletedData.extend({ at: Instant }).strict();
export const CancelDealBody = DealCancelledData.extend({ at: Instant }).strict();

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
