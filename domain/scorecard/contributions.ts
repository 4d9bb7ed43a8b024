import { addMonths, monthEndMs, monthOf, type Month } from '../calendar.ts';
import { toEpochMs } from '../instant.ts';
import type { HandoffChecklist } from '../deal/events.ts';
import { handoffsOf, outcomeOf, type Deal } from '../deal/state.ts';
import { dimensionsOf, type Dimension } from './dimensions.ts';
import type { ByCurrency, Contributions, MonthCounts, CommitmentLedger } from './counts.ts';
import { closeTallyOf, deliveryTalliesOf } from './engagement.ts';

export type { ByCurrency, CommitmentLedger, Contributions, MonthCounts, Tally } from './counts.ts';


export const noContributions = (): Contributions => ({ dimensions: [], months: {}, ledger: {} });

const MS_PER_TENTH_HOUR = 360_000;
const DUE_WINDOW_MS = 30 * 24 * 3_600_000;
export const CHECKLIST_ITEMS = 4;

/**
 * One more of a count (or `amount` more). Tallies are written by name where they are counted: a
 * tally is a plain property of its month, and the fold counts every deal it sees.
 */
const plus = (count: number | undefined, amount = 1): number => (count ?? 0) + amount;

/**
 * Adds to a count under a key only known as the deal is read (a currency, a month, a lag), leaving a
 * count that would only hold 0 out altogether (absent and 0 read the same).
 */
const add = <K extends string | number>(into: Partial<Record<K, number>>, key: K, amount: number): void => {
  if (amount !== 0) into[key] = plus(into[key], amount);
};

/** A month's counts, begun when the deal first counts in that month. */
const countsIn = (months: Record<Month, MonthCounts>, month: Month): MonthCounts => (months[month] ??= {});

export const npsCategory = (score: number): 'promoters' | 'passives' | 'detractors' =>
  score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';

/** What a deal, as it stands, counts for on each scorecard it belongs to. Pure. */
export const contributionsOf = (deal: Deal, timeZone: string): Contributions => {
  const months: Record<Month, MonthCounts> = {};
  const ledger: CommitmentLedger = {};

  // Each instant is read once: the fold takes the contributions of every deal it sees.
  const closedMs = toEpochMs(deal.closedAt);
  const closedMonth = monthOf(closedMs, timeZone);
  const closed = countsIn(months, closedMonth);
  closed.closed = plus(closed.closed);
  if (deal.value.amount !== 0) add((closed.revenue ??= {}), deal.value.currency, deal.value.amount);
  const closeTally = closeTallyOf(deal);
  if (closeTally) closed[closeTally] = plus(closed[closeTally]);

  const cancelledMs = deal.cancellation ? toEpochMs(deal.cancellation.at) : null;
  const cancelledMonth = cancelledMs === null ? null : monthOf(cancelledMs, timeZone);
  if (cancelledMonth !== null) {
    const cancelled = countsIn(months, cancelledMonth);
    cancelled.cancelled = plus(cancelled.cancelled);
  }

  // Every handoff counts in its month, so one made again after a return counts again; whether it was
  // ever returned counts with it, and the return itself in the month it was recorded.
  for (const handoff of handoffsOf(deal)) {
    const handoffMs = toEpochMs(handoff.at);
    const month = countsIn(months, monthOf(handoffMs, timeZone));
    month.handoffs = plus(month.handoffs);
    const checked = checkedItems(handoff.checklist);
    if (checked !== 0) month.checklistTrue = plus(month.checklistTrue, checked);
    const lag = Math.max(0, Math.round((handoffMs - closedMs) / MS_PER_TENTH_HOUR));
    add((month.handoffLags ??= {}), lag, 1);
    if (handoff.returned) {
      month.returnedHandoffs = plus(month.returnedHandoffs);
      const returnedIn = countsIn(months, monthOf(toEpochMs(handoff.returned.at), timeZone));
      returnedIn.handoffReturns = plus(returnedIn.handoffReturns);
    }
  }

  // A cancelled deal (a refund, after delivery) is taken out of the delivery rates altogether.
  const outcome = outcomeOf(deal);
  const deliveredMs = deal.delivery ? toEpochMs(deal.delivery.at) : null;
  const deliveredMonth = deliveredMs === null ? null : monthOf(deliveredMs, timeZone);
  if (deliveredMonth !== null && outcome && !deal.cancellation) {
    const month = countsIn(months, deliveredMonth);
    month.delivered = plus(month.delivered);
    if (outcome.onTime) month.onTime = plus(month.onTime);
    if (outcome.asSold) month.asSold = plus(month.asSold);
    if (outcome.promiseKept) month.promiseKept = plus(month.promiseKept);
    const byClass = deliveryTalliesOf(deal);
    if (byClass) {
      month[byClass.delivered] = plus(month[byClass.delivered]);
      if (outcome.promiseKept) month[byClass.kept] = plus(month[byClass.kept]);
    }
  }

  // Open at a month's end: closed by then and neither delivered nor cancelled by then. It stopped
  // being an open commitment when delivered or cancelled, whichever came first.
  const resolvedMonth =
    deliveredMs === null ? cancelledMonth : cancelledMs === null || deliveredMs <= cancelledMs ? deliveredMonth : cancelledMonth;
  if (resolvedMonth !== closedMonth) {
    const { currency, amount } = deal.value;
    const open = (ledger.open = { [closedMonth]: 1 } as Record<Month, number>);
    const openValue: Record<Month, ByCurrency> = amount === 0 ? {} : { [closedMonth]: { [currency]: amount } };
    if (resolvedMonth !== null) {
      add(open, resolvedMonth, -1);
      if (amount !== 0) add((openValue[resolvedMonth] ??= {}), currency, -amount);
    }
    if (amount !== 0) ledger.openValue = openValue;
    // Due within 30 days after a month's end at which it was open: at most the two months before the deadline.
    const deadline = toEpochMs(deal.deadlineInForce);
    const deadlineMonth = monthOf(deadline, timeZone);
    // The window includes its end, so a deadline exactly 30 days after a month end still counts for that month.
    for (let month = monthOf(deadline - DUE_WINDOW_MS - 1, timeZone); month <= deadlineMonth; month = addMonths(month, 1)) {
      const openAtEnd = month >= closedMonth && (resolvedMonth === null || month < resolvedMonth);
      if (!openAtEnd) continue;
      const end = monthEndMs(month, timeZone);
      if (end < deadline && deadline <= end + DUE_WINDOW_MS) {
        const due = countsIn(months, month);
        due.dueNext30Days = plus(due.dueNext30Days);
      }
    }
  }

  for (const response of Object.values(deal.npsResponses)) {
    const month = countsIn(months, monthOf(response.respondedAt, timeZone));
    const category = npsCategory(response.score);
    month[category] = plus(month[category]);
  }

  return { dimensions: dimensionsOf(deal), months, ledger };
};

/** How many items of a handoff's checklist were ticked. */
const checkedItems = (checklist: HandoffChecklist): number => {
  let checked = 0;
  for (const key in checklist) if (checklist[key as keyof HandoffChecklist]) checked++;
  return checked;
};

/** An NPS answer no deal claims counts for the organisation alone, in the month it was given. */
export const unattributedNpsContributions = (response: { score: number; respondedAt: string }, timeZone: string): Contributions => ({
  dimensions: ['org'],
  months: { [monthOf(response.respondedAt, timeZone)]: { [npsCategory(response.score)]: 1 } },
  ledger: {},
});
