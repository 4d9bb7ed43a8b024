import { addMonths, monthEndMs, monthOf, type Month } from '../calendar.ts';
import { toEpochMs } from '../instant.ts';
import { outcomeOf, type Deal } from '../deal/state.ts';
import { dimensionsOf, type Dimension } from './dimensions.ts';

/** Named counts and sums; money counters carry their currency in the name (`revenue:USD`). */
export type Counters = Record<string, number>;

/**
 * What one deal adds to each stored scorecard item. A projection keeps the deal's last contributions,
 * so applying a new version adds only the difference, which keeps every update idempotent.
 */
export type Contributions = Record<string, Counters>;

/** A month's scorecard for one dimension. */
export const bucketKey = (dimension: Dimension, month: Month): string => `bucket|${dimension}|${month}`;
/** Open commitments of one dimension, kept as +/- changes by month and summed up to the month asked. */
export const ledgerKey = (dimension: Dimension): string => `ledger|${dimension}`;

export const counter = {
  closed: 'closed',
  revenue: (currency: string) => `revenue:${currency}`,
  cancelled: 'cancelled',
  handoffs: 'handoffs',
  checklistTrue: 'checklistTrue',
  /** Hours from close to handoff, in tenths, as a histogram so a median can be read exactly. */
  handoffLag: (tenthsOfHour: number) => `lag:${tenthsOfHour}`,
  delivered: 'delivered',
  onTime: 'onTime',
  asSold: 'asSold',
  promiseKept: 'promiseKept',
  dueNext30Days: 'dueNext30',
  promoters: 'npsPromoters',
  passives: 'npsPassives',
  detractors: 'npsDetractors',
  open: (month: Month) => `${month}|open`,
  openValue: (month: Month, currency: string) => `${month}|openValue:${currency}`,
} as const;

const MS_PER_TENTH_HOUR = 360_000;
const DUE_WINDOW_MS = 30 * 24 * 3_600_000;
export const CHECKLIST_ITEMS = 4;

const add = (into: Counters, name: string, amount: number): void => {
  if (amount !== 0) into[name] = (into[name] ?? 0) + amount;
};

/** The month the deal stopped being an open commitment: delivered or cancelled, whichever came first. */
const resolvedAt = (deal: Deal): string | null => {
  const candidates = [deal.delivery?.at, deal.cancellation?.at].filter((at): at is string => at !== undefined);
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (toEpochMs(a) <= toEpochMs(b) ? a : b));
};

export const npsCategory = (score: number): 'promoters' | 'passives' | 'detractors' =>
  score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';

/** What a deal, as it stands, counts for on each scorecard it belongs to. Pure. */
export const contributionsOf = (deal: Deal, timeZone: string): Contributions => {
  const byMonth: Record<Month, Counters> = {};
  const ledger: Counters = {};
  const at = (month: Month) => (byMonth[month] ??= {});

  const closedMonth = monthOf(deal.closedAt, timeZone);
  add(at(closedMonth), counter.closed, 1);
  add(at(closedMonth), counter.revenue(deal.value.currency), deal.value.amount);

  if (deal.cancellation) add(at(monthOf(deal.cancellation.at, timeZone)), counter.cancelled, 1);

  if (deal.handoff) {
    const month = at(monthOf(deal.handoff.at, timeZone));
    add(month, counter.handoffs, 1);
    add(month, counter.checklistTrue, Object.values(deal.handoff.checklist).filter(Boolean).length);
    const lag = Math.max(0, Math.round((toEpochMs(deal.handoff.at) - toEpochMs(deal.closedAt)) / MS_PER_TENTH_HOUR));
    add(month, counter.handoffLag(lag), 1);
  }

  // A cancelled deal (a refund, after delivery) is taken out of the delivery rates altogether.
  const outcome = outcomeOf(deal);
  if (deal.delivery && outcome && !deal.cancellation) {
    const month = at(monthOf(deal.delivery.at, timeZone));
    add(month, counter.delivered, 1);
    add(month, counter.onTime, outcome.onTime ? 1 : 0);
    add(month, counter.asSold, outcome.asSold ? 1 : 0);
    add(month, counter.promiseKept, outcome.promiseKept ? 1 : 0);
  }

  // Open at a month's end: closed by then and neither delivered nor cancelled by then.
  const resolved = resolvedAt(deal);
  const resolvedMonth = resolved === null ? null : monthOf(resolved, timeZone);
  if (resolvedMonth !== closedMonth) {
    add(ledger, counter.open(closedMonth), 1);
    add(ledger, counter.openValue(closedMonth, deal.value.currency), deal.value.amount);
    if (resolvedMonth !== null) {
      add(ledger, counter.open(resolvedMonth), -1);
      add(ledger, counter.openValue(resolvedMonth, deal.value.currency), -deal.value.amount);
    }
    // Due within 30 days after a month's end at which it was open: at most the two months before the deadline.
    const deadline = toEpochMs(deal.deadlineInForce);
    // The window includes its end, so a deadline exactly 30 days after a month end still counts for that month.
    for (let month = monthOf(deadline - DUE_WINDOW_MS - 1, timeZone); month <= monthOf(deadline, timeZone); month = addMonths(month, 1)) {
      const openAtEnd = month >= closedMonth && (resolvedMonth === null || month < resolvedMonth);
      const end = monthEndMs(month, timeZone);
      if (openAtEnd && end < deadline && deadline <= end + DUE_WINDOW_MS) add(at(month), counter.dueNext30Days, 1);
    }
  }

  for (const response of Object.values(deal.npsResponses)) {
    add(at(monthOf(response.respondedAt, timeZone)), counter[npsCategory(response.score)], 1);
  }

  const contributions: Contributions = {};
  for (const dimension of dimensionsOf(deal)) {
    for (const [month, counters] of Object.entries(byMonth)) {
      if (Object.keys(counters).length) contributions[bucketKey(dimension, month)] = counters;
    }
    if (Object.keys(ledger).length) contributions[ledgerKey(dimension)] = ledger;
  }
  return contributions;
};

/** What has to be added to each stored item to go from one contribution to the next. */
export const contributionDelta = (before: Contributions, after: Contributions): Contributions => {
  const delta: Contributions = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const changes: Counters = {};
    const old = before[key] ?? {};
    const next = after[key] ?? {};
    for (const name of new Set([...Object.keys(old), ...Object.keys(next)])) {
      add(changes, name, (next[name] ?? 0) - (old[name] ?? 0));
    }
    if (Object.keys(changes).length) delta[key] = changes;
  }
  return delta;
};
