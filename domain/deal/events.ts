import * as z from 'zod';
import { Engagement } from '../promises/engagementRecord.ts';
import { Instant } from '../instant.ts';
import { Money } from '../money.ts';
import { Scope } from './scope.ts';

export const DealId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"')
  .meta({ example: 'D-1001' });
export const PersonRef = z.object({ id: z.string().min(1).max(128) }).strict();
export const TeamId = z.string().min(1).max(128);
export const Initiator = z.enum(['customer', 'sales', 'ops']);
export type Initiator = z.infer<typeof Initiator>;
const Reason = z.string().min(1).max(2000);

export const HandoffChecklist = z
  .object({
    scopeDocumented: z.boolean(),
    deliveryDateConfirmed: z.boolean(),
    customerContact: z.boolean(),
    specialTerms: z.boolean(),
  })
  .strict();
export type HandoffChecklist = z.infer<typeof HandoffChecklist>;

export const DealClosedData = z
  .object({
    dealId: DealId,
    customer: z.object({ id: z.string().min(1).max(128), name: z.string().min(1).max(500) }).strict(),
    seller: PersonRef,
    salesTeam: TeamId,
    value: Money,
    scope: Scope,
    promise: z.object({ deliverBy: Instant }).strict(),
  })
  .strict();

/**
 * What DealClosed records: the deal as sold, and how it was promised with respect to the rules of
 * engagement (PROMISES.md); `null` for deals closed before the promise desk existed.
 */
export const DealClosedRecord = DealClosedData.extend({ engagement: Engagement.nullable() }).strict();

export const HandoffCompletedData = z
  .object({
    opsOwner: PersonRef,
    opsTeam: TeamId,
    checklist: HandoffChecklist,
    notes: z.string().max(5000).optional(),
  })
  .strict();

/** What operations found missing when it sent a handoff back to sales (CADENCE.md, "Handoff returned"). */
export const HandoffGap = z.enum(['scopeDocumented', 'deliveryDateConfirmed', 'customerContact', 'specialTerms', 'other']);
export type HandoffGap = z.infer<typeof HandoffGap>;

export const HandoffReturnedData = z
  .object({
    gaps: z
      .array(HandoffGap)
      .min(1, 'must name at least one gap')
      .refine((gaps) => new Set(gaps).size === gaps.length, { message: 'must not name a gap twice' }),
    note: z.string().min(1).max(2000).optional(),
  })
  .strict();

export const ScopeChangedData = z.object({ scope: Scope, initiatedBy: Initiator, reason: Reason }).strict();

export const PromiseRevisedData = z.object({ deliverBy: Instant, initiatedBy: Initiator, reason: Reason }).strict();

export const DeliveryCompletedData = z.object({ deliveredBy: PersonRef, scope: Scope }).strict();

export const DealCancelledData = z.object({ reason: Reason }).strict();

export const NpsProvider = z.enum(['delighted', 'typeform', 'import']);
export const NpsResponseRecordedData = z
  .object({
    provider: NpsProvider,
    responseId: z.string().min(1).max(256),
    score: z.int().min(0).max(10),
    comment: z.string().max(10000).optional(),
    respondent: z.string().max(256).optional(),
    dealId: DealId.nullable(),
    respondedAt: Instant,
    /** When the provider last changed the answer (a comment added later); absent means respondedAt. */
    updatedAt: Instant.optional(),
  })
  .strict();
export type NpsResponse = z.infer<typeof NpsResponseRecordedData>;

/** Every fact a deal's stream can hold: the type names the business moment, the data is what was said. */
export const dealEventData = {
  DealClosed: DealClosedRecord,
  HandoffCompleted: HandoffCompletedData,
  HandoffReturned: HandoffReturnedData,
  ScopeChanged: ScopeChangedData,
  PromiseRevised: PromiseRevisedData,
  DeliveryCompleted: DeliveryCompletedData,
  DealCancelled: DealCancelledData,
  NpsResponseRecorded: NpsResponseRecordedData,
} as const;

export type DealEventType = keyof typeof dealEventData;
export const DealEventType = z.enum(Object.keys(dealEventData) as [DealEventType, ...DealEventType[]]);

const eventOf = <T extends DealEventType>(type: T) =>
  z.object({ type: z.literal(type), occurredAt: Instant, data: dealEventData[type] });

/** A deal event as the domain sees it: what happened and when, without storage bookkeeping. */
export const DealEvent = z.discriminatedUnion('type', [
  eventOf('DealClosed'),
  eventOf('HandoffCompleted'),
  eventOf('HandoffReturned'),
  eventOf('ScopeChanged'),
  eventOf('PromiseRevised'),
  eventOf('DeliveryCompleted'),
  eventOf('DealCancelled'),
  eventOf('NpsResponseRecorded'),
]);
export type DealEvent = z.infer<typeof DealEvent>;
export type DealEventOf<T extends DealEventType> = Extract<DealEvent, { type: T }>;
