import * as z from '../zod.ts';
import { CloseDealBody } from '../deal/commands.ts';
import { DealId } from '../deal/events.ts';
import { Instant } from '../instant.ts';
import { Actor } from '../roles.ts';
import { Capacity } from './capacity.ts';
import { CatalogueEntry, OpsTeam } from './catalogue.ts';
import { Decision } from './escalationCommands.ts';
import { EscalationId } from './escalationId.ts';
import { PromiseCheckAnswer } from './promiseCheckAnswer.ts';
import { RulesOfEngagement } from './rulesOfEngagement.ts';

const Version = z.int().check(z.positive());
const EscalationLevel = z.literal([1, 2, 3]);

export const promiseDeskEventData = {
  /** A version of what a unit of a SKU costs operations; the latest is in force. */
  CatalogueEntryPublished: z.strictObject({ version: Version, entry: CatalogueEntry }),
  /** A version of an ops team's hours; the latest is in force. */
  CapacityPublished: z.strictObject({ opsTeam: OpsTeam, version: Version, capacity: Capacity }),
  /** A version of the rules of engagement, agreed by both sides; immutable, the latest is in force. */
  RulesOfEngagementPublished: z.strictObject({ rules: RulesOfEngagement }),
  /**
   * A proposal that needs more than sales alone, at the level its check's verdict named, due an SLA
   * later. The SLAs of the rules that judged it come along: later rules do not move its deadlines.
   */
  EscalationOpened: z.strictObject({
    escalationId: EscalationId,
    dealId: DealId,
    proposal: CloseDealBody,
    check: PromiseCheckAnswer,
    level: EscalationLevel,
    dueBy: Instant,
    slaHours: RulesOfEngagement.shape.slaHours,
  }),
  /** Nobody decided in time: the escalation rose a level when its due time passed (recorded by the sweep or the late decision). */
  EscalationRaised: z.strictObject({ escalationId: EscalationId, fromLevel: EscalationLevel, level: EscalationLevel, dueBy: Instant }),
  /** Final: approved (perhaps with a later date) or rejected, by someone whose role reached the level it stood at. */
  EscalationDecided: z.strictObject({
    escalationId: EscalationId,
    decision: Decision,
    deliverBy: z.optional(Instant),
    note: z.string().check(z.minLength(1), z.maxLength(2000)),
    by: Actor,
    /** The level it stood at when decided. */
    level: EscalationLevel,
  }),
} as const;

export type PromiseDeskEventType = keyof typeof promiseDeskEventData;

const eventOf = <T extends PromiseDeskEventType>(type: T) =>
  z.object({ type: z.literal(type), occurredAt: Instant, data: promiseDeskEventData[type] });

/** Every fact of the promise desk (PROMISES.md): catalogue, capacity, rules of engagement and escalations. */
export const PromiseDeskEvent = z.discriminatedUnion('type', [
  eventOf('CatalogueEntryPublished'),
  eventOf('CapacityPublished'),
  eventOf('RulesOfEngagementPublished'),
  eventOf('EscalationOpened'),
  eventOf('EscalationRaised'),
  eventOf('EscalationDecided'),
]);
export type PromiseDeskEvent = z.infer<typeof PromiseDeskEvent>;

/** The events of each kind of promise-desk stream. */
export const CatalogueEvent = z.discriminatedUnion('type', [eventOf('CatalogueEntryPublished')]);
export const CapacityEvent = z.discriminatedUnion('type', [eventOf('CapacityPublished')]);
export const RulesOfEngagementEvent = z.discriminatedUnion('type', [eventOf('RulesOfEngagementPublished')]);
export const EscalationEvent = z.discriminatedUnion('type', [eventOf('EscalationOpened'), eventOf('EscalationRaised'), eventOf('EscalationDecided')]);
export type PromiseDeskEventOf<T extends PromiseDeskEventType> = Extract<PromiseDeskEvent, { type: T }>;

export const isPromiseDeskEvent = (event: { type: string }): event is PromiseDeskEvent => Object.hasOwn(promiseDeskEventData, event.type);
