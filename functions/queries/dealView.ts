import type { RecordedDealEvent } from '../../domain/envelope.ts';
import { foldDeal, isRecorded, outcomeOf } from '../../domain/deal/state.ts';
import type { Actor } from '../../domain/roles.ts';

/** The deal as GET /v1/deals/{dealId} shows it: API.md's fields first, then useful additions. */
export const dealView = (events: readonly RecordedDealEvent[]) => {
  const deal = foldDeal(events);
  if (!isRecorded(deal)) return null;
  return {
    dealId: deal.dealId,
    version: events.at(-1)?.version ?? 0,
    status: deal.status,
    promise: {
      deliverBy: deal.deadlineInForce,
      originalDeliverBy: deal.originalDeliverBy,
      plannedDeliverBy: deal.plannedDeliverBy,
    },
    outcome: outcomeOf(deal),
    nps: deal.latestNps ? { score: deal.latestNps.score, respondedAt: deal.latestNps.respondedAt } : null,
    customer: deal.customer,
    seller: deal.seller,
    salesTeam: deal.salesTeam,
    value: deal.value,
    closedAt: deal.closedAt,
    scope: { sold: deal.soldScope, inForce: deal.scopeInForce, planned: deal.plannedScope },
    handoff: deal.handoff,
    delivery: deal.delivery,
    cancellation: deal.cancellation,
    events: events.map(({ eventId, type, version, occurredAt, recordedAt, actor, data }) => ({
      eventId,
      type,
      version,
      occurredAt,
      recordedAt,
      actor,
      data,
    })),
  };
};

/**
 * Leadership and admins see every deal. Sales and ops people see the deals they are part of:
 * sold, own after handoff, delivered, or recorded something on.
 */
export const canSeeDeal = (caller: Actor, events: readonly RecordedDealEvent[]): boolean => {
  if (caller.roles.some((role) => role === 'admin' || role === 'leadership')) return true;
  return events.some((event) => {
    if (event.actor.id === caller.id) return true;
    switch (event.type) {
      case 'DealClosed':
        return event.data.seller.id === caller.id;
      case 'HandoffCompleted':
        return event.data.opsOwner.id === caller.id;
      case 'DeliveryCompleted':
        return event.data.deliveredBy.id === caller.id;
      default:
        return false;
    }
  });
};
