import { toEpochMs, type Instant } from '../instant.ts';
import type { Money } from '../money.ts';
import type { HandoffChecklist, HandoffGap, Initiator } from './events.ts';
import type { DealEvent } from './events.ts';
import { recordNpsAnswer, type RecordedNpsAnswer } from './npsAnswers.ts';
import { assessOutcome, type Outcome } from './outcome.ts';
import type { ScopeLine } from './scope.ts';
import type { Engagement } from '../promises/engagementRecord.ts';

export type DealStatus = 'closed' | 'handed-off' | 'handoff-returned' | 'delivered' | 'cancelled';

/** A handoff as operations received it, and whether operations sent it back (CADENCE.md, "Handoff returned"). */
export interface HandoffRecord {
  at: Instant;
  opsOwner: { id: string };
  opsTeam: string;
  checklist: HandoffChecklist;
  returned: { at: Instant; gaps: HandoffGap[]; note?: string } | null;
}

export interface Deal {
  status: DealStatus;
  dealId: string;
  closedAt: Instant;
  customer: { id: string; name: string };
  seller: { id: string };
  salesTeam: string;
  value: Money;
  soldScope: ScopeLine[];
  /** The scope "as sold" is judged against: the sold scope or the last customer-initiated change. */
  scopeInForce: ScopeLine[];
  /** The scope being worked to now, whoever changed it last. */
  plannedScope: ScopeLine[];
  originalDeliverBy: Instant;
  /** The deadline "on time" is judged against: the original promise or the last customer-requested date. */
  deadlineInForce: Instant;
  /** The date being worked to now, whoever revised it last. */
  plannedDeliverBy: Instant;
  /** How the promise was made with respect to the rules of engagement; null before the promise desk existed. */
  engagement: Engagement | null;
  revisions: { at: Instant; deliverBy: Instant; initiatedBy: Initiator }[];
  /** The latest handoff (returned or not: `status` says), as operations received it. */
  handoff: { at: Instant; opsOwner: { id: string }; opsTeam: string; checklist: HandoffChecklist } | null;
  /** Every handoff in order, each with its return: a handoff made again after a return is a new one. */
  handoffs: HandoffRecord[];
  delivery: { at: Instant; deliveredBy: { id: string }; scope: ScopeLine[] } | null;
  cancellation: { at: Instant; reason: string; afterDelivery: boolean } | null;
  latestNps: { score: number; responseId: string; respondedAt: Instant } | null;
  /** Every NPS answer on the deal by provider and response id; a later version replaces the earlier one. */
  npsResponses: Record<string, RecordedNpsAnswer>;
}

export type DealState = { status: 'none' } | Deal;

/**
 * Every handoff of a deal. A deal folded before handoffs could be returned (and kept so by a reader)
 * has only its one handoff: it reads as that handoff, never returned.
 */
export const handoffsOf = (deal: Deal): HandoffRecord[] =>
  (deal as Partial<Deal>).handoffs ?? (deal.handoff ? [{ ...deal.handoff, returned: null }] : []);

export const initialState = (): DealState => ({ status: 'none' });

export const isRecorded = (state: DealState): state is Deal => state.status !== 'none';

const requireDeal = (state: DealState, event: DealEvent): Deal => {
  if (!isRecorded(state)) throw new Error(`${event.type} cannot be applied before DealClosed`);
  return state;
};

/** Folds one recorded fact into the deal. Pure: the same events always give the same deal. */
export const evolve = (state: DealState, event: DealEvent): DealState => {
  switch (event.type) {
    case 'DealClosed': {
      const { data } = event;
      return {
        status: 'closed',
        dealId: data.dealId,
        closedAt: event.occurredAt,
        customer: data.customer,
        seller: data.seller,
        salesTeam: data.salesTeam,
        value: data.value,
        soldScope: data.scope,
        scopeInForce: data.scope,
        plannedScope: data.scope,
        originalDeliverBy: data.promise.deliverBy,
        deadlineInForce: data.promise.deliverBy,
        plannedDeliverBy: data.promise.deliverBy,
        engagement: data.engagement,
        revisions: [],
        handoff: null,
        handoffs: [],
        delivery: null,
        cancellation: null,
        latestNps: null,
        npsResponses: {},
      };
    }
    case 'HandoffCompleted': {
      const deal = requireDeal(state, event);
      const { opsOwner, opsTeam, checklist } = event.data;
      const handoff = { at: event.occurredAt, opsOwner, opsTeam, checklist };
      const record: HandoffRecord = { at: event.occurredAt, opsOwner, opsTeam, checklist, returned: null };
      return { ...deal, status: 'handed-off', handoff, handoffs: [...handoffsOf(deal), record] };
    }
    case 'HandoffReturned': {
      const deal = requireDeal(state, event);
      const handoffs = handoffsOf(deal);
      const last = handoffs.at(-1);
      if (!last) throw new Error(`HandoffReturned cannot be applied before HandoffCompleted`);
      const returned = { at: event.occurredAt, ...event.data };
      return { ...deal, status: 'handoff-returned', handoffs: [...handoffs.slice(0, -1), { ...last, returned }] };
    }
    case 'ScopeChanged': {
      const deal = requireDeal(state, event);
      const rebaselines = event.data.initiatedBy === 'customer';
      return {
        ...deal,
        plannedScope: event.data.scope,
        scopeInForce: rebaselines ? event.data.scope : deal.scopeInForce,
      };
    }
    case 'PromiseRevised': {
      const deal = requireDeal(state, event);
      const { deliverBy, initiatedBy } = event.data;
      return {
        ...deal,
        plannedDeliverBy: deliverBy,
        deadlineInForce: initiatedBy === 'customer' ? deliverBy : deal.deadlineInForce,
        revisions: [...deal.revisions, { at: event.occurredAt, deliverBy, initiatedBy }],
      };
    }
    case 'DeliveryCompleted': {
      const deal = requireDeal(state, event);
      return {
        ...deal,
        status: 'delivered',
        delivery: { at: event.occurredAt, deliveredBy: event.data.deliveredBy, scope: event.data.scope },
      };
    }
    case 'DealCancelled': {
      const deal = requireDeal(state, event);
      return {
        ...deal,
        status: 'cancelled',
        cancellation: { at: event.occurredAt, reason: event.data.reason, afterDelivery: deal.delivery !== null },
      };
    }
    case 'NpsResponseRecorded': {
      const deal = requireDeal(state, event);
      const { score, responseId, respondedAt } = event.data;
      const npsResponses = recordNpsAnswer(deal.npsResponses, event.data);
      if (npsResponses === deal.npsResponses) return deal;
      const newer = deal.latestNps === null || toEpochMs(respondedAt) >= toEpochMs(deal.latestNps.respondedAt);
      return { ...deal, latestNps: newer ? { score, responseId, respondedAt } : deal.latestNps, npsResponses };
    }
  }
};

export const foldDeal = (events: readonly DealEvent[]): DealState => events.reduce(evolve, initialState());

/** The deal's outcome once delivered (kept on a later cancellation, which only takes it out of the rates). */
export const outcomeOf = (deal: Deal, graceMinutes = 0): Outcome | null =>
  deal.delivery === null
    ? null
    : assessOutcome({ deadline: deal.deadlineInForce, scope: deal.scopeInForce }, deal.delivery, graceMinutes);
