import * as z from '../zod.ts';
import { Engagement } from '../promises/engagementRecord.ts';
import { Instant } from '../instant.ts';
import { Money } from '../money.ts';
import { Scope } from './scope.ts';

export const DealId = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"'),
  z.meta({ example: 'D-1001' }),
);
export const PersonRef = z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(128)) });
export const TeamId = z.string().check(z.minLength(1), z.maxLength(128));
export const Initiator = z.enum(['customer', 'sales', 'ops']);
export type Initiator = z.infer<typeof Initiator>;
const Reason = z.string().check(z.minLength(1), z.maxLength(2000));

export const HandoffChecklist = z.strictObject({
  scopeDocumented: z.boolean(),
  deliveryDateConfirmed: z.boolean(),
  customerContact: z.boolean(),
  specialTerms: z.boolean(),
});
export type HandoffChecklist = z.infer<typeof HandoffChecklist>;

export const DealClosedData = z.strictObject({
  dealId: DealId,
  customer: z.strictObject({
    id: z.string().check(z.minLength(1), z.maxLength(128)),
    name: z.string().check(z.minLength(1), z.maxLength(500)),
  }),
  seller: PersonRef,
  salesTeam: TeamId,
  value: Money,
  scope: Scope,
  promise: z.strictObject({ deliverBy: Instant }),
});

/**
 * What DealClosed records: the deal as sold, and how it was promised with respect to the rules of
 * engagement (PROMISES.md); `null` for deals closed before the promise desk existed.
 */
export const DealClosedRecord = z.extend(DealClosedData, { engagement: z.nullable(Engagement) });

export const HandoffCompletedData = z.strictObject({
  opsOwner: PersonRef,
  opsTeam: TeamId,
  checklist: HandoffChecklist,
  notes: z.optional(z.string().check(z.maxLength(5000))),
});

/** What operations found missing when it sent a handoff back to sales (CADENCE.md, "Handoff returned"). */
export const HandoffGap = z.enum(['scopeDocumented', 'deliveryDateConfirmed', 'customerContact', 'specialTerms', 'other']);
export type HandoffGap = z.infer<typeof HandoffGap>;

export const HandoffReturnedData = z.strictObject({
  gaps: z.array(HandoffGap).check(
    z.minLength(1, 'must name at least one gap'),
    z.refine((gaps) => new Set(gaps).size === gaps.length, { message: 'must not name a gap twice' }),
  ),
  note: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
});

export const ScopeChangedData = z.strictObject({ scope: Scope, initiatedBy: Initiator, reason: Reason });

export const PromiseRevisedData = z.strictObject({ deliverBy: Instant, initiatedBy: Initiator, reason: Reason });

export const DeliveryCompletedData = z.strictObject({ deliveredBy: PersonRef, scope: Scope });

export const DealCancelledData = z.strictObject({ reason: Reason });

export const NpsProvider = z.enum(['delighted', 'typeform', 'import']);
export const NpsResponseRecordedData = z.strictObject({
  provider: NpsProvider,
  responseId: z.string().check(z.minLength(1), z.maxLength(256)),
  score: z.int().check(z.minimum(0), z.maximum(10)),
  comment: z.optional(z.string().check(z.maxLength(10000))),
  respondent: z.optional(z.string().check(z.maxLength(256))),
  dealId: z.nullable(DealId),
  respondedAt: Instant,
  /** When the provider last changed the answer (a comment added later); absent means respondedAt. */
  updatedAt: z.optional(Instant),
});
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
