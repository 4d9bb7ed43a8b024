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

/** Deliveries are kept by the month they happened in: a month's payout reads one partition. */
export const deliveredDocumentKind = (month: Month): string => `delivered#${month}`;

export const deliveredDocument = (deal: Deal, timeZone: string) => {
  const delivered = deliveredDealOf(deal);
  if (!delivered) return [];
  return [{ key: `${deliveredDocumentKind(monthOf(delivered.deliveredAt, timeZone))}|${delivered.dealId}`, body: delivered }];
};
