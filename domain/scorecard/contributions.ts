import { addMonths, monthEndMs, monthOf, type Month } from '../calendar.ts';
import { toEpochMs } from '../instant.ts';
import { handoffsOf, outcomeOf, type Deal } from '../deal/state.ts';
import { dimensionsOf, type Dimension } from './dimensions.ts';
import type { Contributions, MonthCounts, CommitmentLedger } from './counts.ts';
import { closeTallyOf, deliveryTalliesOf } from './engagement.ts';

export type { ByCurrency, CommitmentLedger, Contributions, MonthCounts, Tally } from './counts.ts';


export const noContributions = (): Contributions => ({ dimensions: [], months: {}, ledger: {} });

const MS_PER_TENTH_HOUR = 360_000;
const DUE_WINDOW_MS = 30 * 24 * 3_600_000;
export const CHECKLIST_ITEMS = 4;

/** Adds to a count, leaving a count that would only hold 0 out altogether (absent and 0 read the same). */
const add = <K extends string | number>(into: Partial<Record<K, number>>, key: K, amount: number): void => {
  if (amount !== 0) into[key] = (into[key] ?? 0) + amount;
};

const addIn = <K extends string | number, L extends string | number>(
  into: Partial<Record<K, Partial<Record<L, number>>>>,
  key: K,
  inner: L,
  amount: number,
): void => {
  if (amount !== 0) add((into[key] ??= {}), inner, amount);
};

export const npsCategory = (score: number): 'promoters' | 'passives' | 'detractors' =>
  score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';

/** What a deal, as it stands, counts for on each scorecard it belongs to. Pure. */
export const contributionsOf = (deal: Deal, timeZone: string): Contributions => {
  const months: Record<Month, MonthCounts> = {};
  const ledger: CommitmentLedger = {};
  const at = (month: Month) => (months[month] ??= {});

  // Each instant is read once: the fold takes the contributions of every deal it sees.
  const closedMs = toEpochMs(deal.closedAt);
  const closedMonth = monthOf(closedMs, timeZone);
  add(at(closedMonth), 'closed', 1);
  addIn(at(closedMonth), 'revenue', deal.value.currency, deal.value.amount);
  const closeTally = closeTallyOf(deal);
  if (closeTally) add(at(closedMonth), closeTally, 1);

  const cancelledMs = deal.cancellation ? toEpochMs(deal.cancellation.at) : null;
  const cancelledMonth = cancelledMs === null ? null : monthOf(cancelledMs, timeZone);
  if (cancelledMonth !== null) add(at(cancelledMonth), 'cancelled', 1);

  // Every handoff counts in its month, so one made again after a return counts again; whether it was
  // ever returned counts with it, and the return itself in the month it was recorded.
  for (const handoff of handoffsOf(deal)) {
    const handoffMs = toEpochMs(handoff.at);
    const month = at(monthOf(handoffMs, timeZone));
    add(month, 'handoffs', 1);
    add(month, 'checklistTrue', Object.values(handoff.checklist).filter(Boolean).length);
    const lag = Math.max(0, Math.round((handoffMs - closedMs) / MS_PER_TENTH_HOUR));
    addIn(month, 'handoffLags', lag, 1);
    if (handoff.returned) {
      add(month, 'returnedHandoffs', 1);
      add(at(monthOf(toEpochMs(handoff.returned.at), timeZone)), 'handoffReturns', 1);
    }
  }

  // A cancelled deal (a refund, after delivery) is taken out of the delivery rates altogether.
  const outcome = outcomeOf(deal);
  const deliveredMs = deal.delivery ? toEpochMs(deal.delivery.at) : null;
  const deliveredMonth = deliveredMs === null ? null : monthOf(deliveredMs, timeZone);
  if (deliveredMonth !== null && outcome && !deal.cancellation) {
    const month = at(deliveredMonth);
    add(month, 'delivered', 1);
    add(month, 'onTime', outcome.onTime ? 1 : 0);
    add(month, 'asSold', outcome.asSold ? 1 : 0);
    add(month, 'promiseKept', outcome.promiseKept ? 1 : 0);
    const byClass = deliveryTalliesOf(deal);
    if (byClass) {
      add(month, byClass.delivered, 1);
      add(month, byClass.kept, outcome.promiseKept ? 1 : 0);
    }
  }

  // Open at a month's end: closed by then and neither delivered nor cancelled by then. It stopped
  // being an open commitment when delivered or cancelled, whichever came first.
  const resolvedMonth =
    deliveredMs === null ? cancelledMonth : cancelledMs === null || deliveredMs <= cancelledMs ? deliveredMonth : cancelledMonth;
  if (resolvedMonth !== closedMonth) {
    addIn(ledger, 'open', closedMonth, 1);
    addIn((ledger.openValue ??= {}), closedMonth, deal.value.currency, deal.value.amount);
    if (resolvedMonth !== null) {
      addIn(ledger, 'open', resolvedMonth, -1);
      addIn(ledger.openValue, resolvedMonth, deal.value.currency, -deal.value.amount);
    }
    if (Object.keys(ledger.openValue).length === 0) delete ledger.openValue;
    // Due within 30 days after a month's end at which it was open: at most the two months before the deadline.
    const deadline = toEpochMs(deal.deadlineInForce);
    // The window includes its end, so a deadline exactly 30 days after a month end still counts for that month.
    for (let month = monthOf(deadline - DUE_WINDOW_MS - 1, timeZone); month <= monthOf(deadline, timeZone); month = addMonths(month, 1)) {
      const openAtEnd = month >= closedMonth && (resolvedMonth === null || month < resolvedMonth);
      const end = monthEndMs(month, timeZone);
      if (openAtEnd && end < deadline && deadline <= end + DUE_WINDOW_MS) add(at(month), 'dueNext30Days', 1);
    }
  }

  for (const response of Object.values(deal.npsResponses)) {
    add(at(monthOf(response.respondedAt, timeZone)), npsCategory(response.score), 1);
  }

  return { dimensions: dimensionsOf(deal), months, ledger };
};

/** An NPS answer no deal claims counts for the organisation alone, in the month it was given. */
export const unattributedNpsContributions = (response: { score: number; respondedAt: string }, timeZone: string): Contributions => ({
  dimensions: ['org'],
  months: { [monthOf(response.respondedAt, timeZone)]: { [npsCategory(response.score)]: 1 } },
  ledger: {},
});
