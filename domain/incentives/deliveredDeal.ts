import { monthOf, type Month } from '../calendar.ts';
import { outcomeOf, type Deal } from '../deal/state.ts';
import type { DeliveredDeal } from './statements.ts';

/** What the incentive pool needs to know of a delivered deal; null until it is delivered. */
export const deliveredDealOf = (deal: Deal): DeliveredDeal | null => {
  const outcome = outcomeOf(deal);
  if (!deal.delivery || !outcome) return null;
  return {
    dealId: deal.dealId,
    value: deal.value,
    sellerId: deal.seller.id,
    opsId: deal.delivery.deliveredBy.id,
    deliveredAt: deal.delivery.at,
    deadline: deal.deadlineInForce,
    asSold: outcome.asSold,
    cancelled: deal.cancellation !== null,
  };
};

/** A delivered deal and the month whose incentive pool it counts in. */
export interface MonthDelivery {
  month: Month;
  delivered: DeliveredDeal;
}

/** A delivery counts in the pool of the month it happened in, in the business time zone; null until delivered. */
export const monthDeliveryOf = (deal: Deal, timeZone: string): MonthDelivery | null => {
  const delivered = deliveredDealOf(deal);
  return delivered ? { month: monthOf(delivered.deliveredAt, timeZone), delivered } : null;
};
