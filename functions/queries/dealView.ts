import type { RecordedDealEvent } from '../../domain/envelope.ts';
import { foldDeal, isRecorded, outcomeOf } from '../../domain/deal/state.ts';

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
    engagement: deal.engagement,
    closedAt: deal.closedAt,
    scope: { sold: deal.soldScope, inForce: deal.scopeInForce, planned: deal.plannedScope },
    handoff: deal.handoff,
    /** Every handoff with its return, if operations returned it (CADENCE.md). */
    handoffs: deal.handoffs,
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
