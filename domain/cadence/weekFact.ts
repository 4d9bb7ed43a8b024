import * as z from '../zod.ts';
import { DealId, HandoffGap, type NpsResponse } from '../deal/events.ts';
import { ScopeLine } from '../deal/scope.ts';
import { outcomeOf, type Deal } from '../deal/state.ts';
import { Instant } from '../instant.ts';
import { IsoWeek, isoWeekOf } from '../isoWeek.ts';
import { Money } from '../money.ts';
import { EngagementClass } from '../promises/engagementRecord.ts';

/** How a close was made: a class of the rules of engagement, or `unclassified` for a deal closed before the desk existed. */
export const CloseClass = z.enum([...EngagementClass.options, 'unclassified']);
export type CloseClass = z.infer<typeof CloseClass>;

const Customer = z.strictObject({ id: z.string(), name: z.string() });

export const CloseFact = z.strictObject({
  type: z.literal('close'),
  dealId: DealId,
  customer: Customer,
  sellerId: z.string(),
  salesTeam: z.string(),
  value: Money,
  closedAt: Instant,
  deliverBy: Instant,
  class: CloseClass,
});
export type CloseFact = z.infer<typeof CloseFact>;

/** A line delivered in another quantity than the scope in force: `delivered` 0 when the SKU was not delivered at all. */
export const ScopeDifference = z.strictObject({
  sku: ScopeLine.shape.sku,
  promised: z.int().check(z.nonnegative()),
  delivered: z.int().check(z.nonnegative()),
});
export type ScopeDifference = z.infer<typeof ScopeDifference>;

export const DeliveryFact = z.strictObject({
  type: z.literal('delivery'),
  dealId: DealId,
  customer: Customer,
  sellerId: z.string(),
  opsTeam: z.nullable(z.string()),
  deliveredAt: Instant,
  /** The deadline "on time" is judged against (the original promise or the customer's revision). */
  deliverBy: Instant,
  kept: z.boolean(),
  onTime: z.boolean(),
  asSold: z.boolean(),
  /** 0 when on time; otherwise hours late, rounded up to 0.01 h (the deal outcome's own figure). */
  lateByHours: z.number().check(z.nonnegative()),
  /** Empty when delivered as sold. */
  scopeDifferences: z.array(ScopeDifference),
});
export type DeliveryFact = z.infer<typeof DeliveryFact>;

export const NpsFact = z.strictObject({
  type: z.literal('nps'),
  /** Null for an answer that names no deal we know. */
  dealId: z.nullable(DealId),
  customer: z.nullable(Customer),
  score: z.int().check(z.minimum(0), z.maximum(10)),
  comment: z.nullable(z.string()),
  respondedAt: Instant,
});
export type NpsFact = z.infer<typeof NpsFact>;

/** A handoff operations sent back to sales, with what it lacked (CADENCE.md, "Handoff returned"). */
export const HandoffReturnFact = z.strictObject({
  type: z.literal('handoff-return'),
  dealId: DealId,
  customer: Customer,
  sellerId: z.string(),
  salesTeam: z.string(),
  opsTeam: z.nullable(z.string()),
  returnedAt: Instant,
  gaps: z.array(HandoffGap),
  note: z.nullable(z.string()),
});
export type HandoffReturnFact = z.infer<typeof HandoffReturnFact>;

/** One fact of a week, as the brief reads it: each is about one deal (or one NPS answer) and carries the names people know it by. */
export const WeekFact = z.discriminatedUnion('type', [CloseFact, DeliveryFact, HandoffReturnFact, NpsFact]);
export type WeekFact = z.infer<typeof WeekFact>;

/** A fact filed under the week (business time zone) it happened in; `factId` tells it from the week's other facts. */
export interface FiledWeekFact {
  week: IsoWeek;
  factId: string;
  fact: WeekFact;
}

const quantitiesBySku = (scope: readonly ScopeLine[]): Map<string, number> => {
  const totals = new Map<string, number>();
  for (const line of scope) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return totals;
};

/** What was delivered differently from the scope in force, SKU by SKU, in SKU order. */
export const scopeDifferencesOf = (inForce: readonly ScopeLine[], delivered: readonly ScopeLine[]): ScopeDifference[] => {
  const promised = quantitiesBySku(inForce);
  const got = quantitiesBySku(delivered);
  const skus = [...new Set([...promised.keys(), ...got.keys()])].sort();
  return skus
    .map((sku) => ({ sku, promised: promised.get(sku) ?? 0, delivered: got.get(sku) ?? 0 }))
    .filter((line) => line.promised !== line.delivered);
};

const npsFactOf = (answer: { score: number; respondedAt: string; comment?: string | undefined }, deal: Deal | null): NpsFact => ({
  type: 'nps',
  dealId: deal?.dealId ?? null,
  customer: deal?.customer ?? null,
  score: answer.score,
  comment: answer.comment ?? null,
  respondedAt: answer.respondedAt,
});

/**
 * The facts a deal, as it stands, gives the weekly briefs: its close, its delivery (unless it was
 * cancelled, which takes it out of the rates as on the scorecard), each handoff operations returned
 * and each NPS answer, each filed
 * under the week it happened in.
 */
export const weekFactsOfDeal = (deal: Deal, timeZone: string): FiledWeekFact[] => {
  const facts: FiledWeekFact[] = [
    {
      week: isoWeekOf(deal.closedAt, timeZone),
      factId: `close|${deal.dealId}`,
      fact: {
        type: 'close',
        dealId: deal.dealId,
        customer: deal.customer,
        sellerId: deal.seller.id,
        salesTeam: deal.salesTeam,
        value: deal.value,
        closedAt: deal.closedAt,
        deliverBy: deal.deadlineInForce,
        // A view folded before DealClosed carried `engagement` has none at all: the same as null.
        class: deal.engagement?.class ?? 'unclassified',
      },
    },
  ];
  const outcome = outcomeOf(deal);
  if (deal.delivery && outcome && !deal.cancellation) {
    facts.push({
      week: isoWeekOf(deal.delivery.at, timeZone),
      factId: `delivery|${deal.dealId}`,
      fact: {
        type: 'delivery',
        dealId: deal.dealId,
        customer: deal.customer,
        sellerId: deal.seller.id,
        opsTeam: deal.handoff?.opsTeam ?? null,
        deliveredAt: deal.delivery.at,
        deliverBy: deal.deadlineInForce,
        kept: outcome.promiseKept,
        onTime: outcome.onTime,
        asSold: outcome.asSold,
        lateByHours: outcome.lateByHours,
        scopeDifferences: scopeDifferencesOf(deal.scopeInForce, deal.delivery.scope),
      },
    });
  }
  // A view folded before handoffs could be returned has no list: it had no returns.
  (deal.handoffs ?? []).forEach((handoff, index) => {
    if (!handoff.returned) return;
    facts.push({
      week: isoWeekOf(handoff.returned.at, timeZone),
      factId: `handoff-return|${deal.dealId}|${index + 1}`,
      fact: {
        type: 'handoff-return',
        dealId: deal.dealId,
        customer: deal.customer,
        sellerId: deal.seller.id,
        salesTeam: deal.salesTeam,
        opsTeam: handoff.opsTeam,
        returnedAt: handoff.returned.at,
        gaps: [...handoff.returned.gaps],
        note: handoff.returned.note ?? null,
      },
    });
  });
  for (const [key, answer] of Object.entries(deal.npsResponses)) {
    facts.push({ week: isoWeekOf(answer.respondedAt, timeZone), factId: `nps|${key}`, fact: npsFactOf(answer, deal) });
  }
  return facts;
};

/** An NPS answer that names no deal we know still belongs in its week's brief. */
export const weekFactOfUnattributedNps = (response: NpsResponse, timeZone: string): FiledWeekFact => ({
  week: isoWeekOf(response.respondedAt, timeZone),
  factId: `nps|${response.provider}:${response.responseId}`,
  fact: npsFactOf(response, null),
});
