import type { Deal } from '../deal/state.ts';
import type { OpenDeal } from '../promises/openDeal.ts';

/**
 * What operations still owes of a deal (PROMISES.md, "Load"), or null once it is delivered or
 * cancelled: the scope in force and the date being worked to now, the latest revision whoever asked.
 */
export const openDealOf = (deal: Deal): OpenDeal | null =>
  deal.delivery || deal.cancellation
    ? null
    : { dealId: deal.dealId, closedAt: deal.closedAt, deliverBy: deal.plannedDeliverBy, scope: deal.scopeInForce };
