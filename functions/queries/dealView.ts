import { commandVersionOf, commandVersionsOf } from '../../domain/commandVersion.ts';
import type { RecordedDealEvent } from '../../domain/envelope.ts';
import { foldDeal, isRecorded, outcomeOf } from '../../domain/deal/state.ts';

/**
 * The deal as GET /v1/deals/{dealId} shows it: API.md's fields first, then useful additions. Its
 * `version` counts the deal's own commands (what If-Match takes); each event keeps its `version`, its
 * place in the deal's history (the one the event bus carries), and says the `dealVersion` after it.
 */
export const dealView = (events: readonly RecordedDealEvent[]) => {
  const deal = foldDeal(events);
  if (!isRecorded(deal)) return null;
  const streamId = events[0]!.streamId;
  const dealVersions = commandVersionsOf(streamId, events);
  return {
    dealId: deal.dealId,
    version: commandVersionOf(streamId, events),
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
    events: events.map(({ eventId, type, version, occurredAt, recordedAt, actor, data }, index) => ({
      eventId,
      type,
      version,
      dealVersion: dealVersions[index]!,
      occurredAt,
      recordedAt,
      actor,
      data,
    })),
  };
};
