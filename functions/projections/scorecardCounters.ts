import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Month } from '../../domain/calendar.ts';
import type { CommitmentLedger, Contributions, MonthCounts, Tally } from '../../domain/scorecard/contributions.ts';
import { ledgerItemId, monthItemId, type ScorecardItemId } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';

/**
 * Named counts and sums as a scorecard item stores them, one number attribute each. Money counters
 * carry their currency in the name (`revenue:USD`), the handoff-lag histogram its bin (`lag:180`), the
 * escalations' time-to-decision histogram its bin in seconds (`escDecision:7200`), the
 * ledger its month (`2026-10|open`, `2026-10|openValue:USD`).
 */
export type Counters = Record<string, number>;

/** What a stream counts for, by scorecard item: the form a view keeps, and the one deltas are taken in. */
export type ItemCounters = Record<ScorecardItemId, Counters>;

const TALLY_ATTRIBUTES = {
  closed: 'closed',
  cancelled: 'cancelled',
  handoffs: 'handoffs',
  checklistTrue: 'checklistTrue',
  delivered: 'delivered',
  onTime: 'onTime',
  asSold: 'asSold',
  promiseKept: 'promiseKept',
  dueNext30Days: 'dueNext30',
  promoters: 'npsPromoters',
  passives: 'npsPassives',
  detractors: 'npsDetractors',
  closedWithinRules: 'eClosedWithin',
  closedApproved: 'eClosedApproved',
  closedOutsideRules: 'eClosedOutside',
  deliveredWithinRules: 'eDeliveredWithin',
  deliveredApproved: 'eDeliveredApproved',
  deliveredOutsideRules: 'eDeliveredOutside',
  keptWithinRules: 'eKeptWithin',
  keptApproved: 'eKeptApproved',
  keptOutsideRules: 'eKeptOutside',
  escalationsOpened: 'escOpened',
  escalationsApproved: 'escApproved',
  escalationsRejected: 'escRejected',
  escalationsRaised: 'escRaised',
  escalationsDecidedByOwner: 'escByOwner',
  returnedHandoffs: 'hoReturned',
  handoffReturns: 'hoReturns',
} as const satisfies Record<Tally, string>;
const TALLY_OF_ATTRIBUTE = new Map<string, Tally>(Object.entries(TALLY_ATTRIBUTES).map(([tally, attribute]) => [attribute, tally as Tally]));
const REVENUE = 'revenue:';
const LAG = 'lag:';
const DECISION = 'escDecision:';
const OPEN = 'open';
const OPEN_VALUE = 'openValue:';

export const monthCountersOf = (counts: MonthCounts): Counters => {
  const counters: Counters = {};
  for (const [name, value] of Object.entries(counts) as [keyof MonthCounts, MonthCounts[keyof MonthCounts]][]) {
    if (name === 'revenue') for (const [currency, amount] of Object.entries(counts.revenue!)) counters[`${REVENUE}${currency}`] = amount;
    else if (name === 'handoffLags') for (const [tenths, count] of Object.entries(counts.handoffLags!)) counters[`${LAG}${tenths}`] = count;
    else if (name === 'decisionSeconds') for (const [seconds, count] of Object.entries(counts.decisionSeconds!)) counters[`${DECISION}${seconds}`] = count;
    else counters[TALLY_ATTRIBUTES[name]] = value as number;
  }
  return counters;
};

/** A month's counts read back from its item's counters; counters it does not know are left out. */
export const monthCountsOf = (counters: Counters): MonthCounts => {
  const counts: MonthCounts = {};
  for (const [attribute, value] of Object.entries(counters)) {
    const tally = TALLY_OF_ATTRIBUTE.get(attribute);
    if (tally) counts[tally] = value;
    else if (attribute.startsWith(REVENUE)) (counts.revenue ??= {})[attribute.slice(REVENUE.length)] = value;
    else if (attribute.startsWith(LAG)) (counts.handoffLags ??= {})[Number(attribute.slice(LAG.length))] = value;
    else if (attribute.startsWith(DECISION)) (counts.decisionSeconds ??= {})[Number(attribute.slice(DECISION.length))] = value;
  }
  return counts;
};

export const ledgerCountersOf = (ledger: CommitmentLedger): Counters => {
  const counters: Counters = {};
  for (const [month, count] of Object.entries(ledger.open ?? {})) counters[`${month}|${OPEN}`] = count;
  for (const [month, amounts] of Object.entries(ledger.openValue ?? {})) {
    for (const [currency, amount] of Object.entries(amounts)) counters[`${month}|${OPEN_VALUE}${currency}`] = amount;
  }
  return counters;
};

export const ledgerOf = (counters: Counters): CommitmentLedger => {
  const ledger: CommitmentLedger = {};
  for (const [attribute, value] of Object.entries(counters)) {
    const [month, what] = attribute.split('|') as [Month, string | undefined];
    if (what === OPEN) (ledger.open ??= {})[month] = value;
    else if (what?.startsWith(OPEN_VALUE)) ((ledger.openValue ??= {})[month] ??= {})[what.slice(OPEN_VALUE.length)] = value;
  }
  return ledger;
};

/** The same months and ledger on every dimension's items; a month or ledger with nothing counted has no item. */
export const itemCountersOf = (contributions: Contributions): ItemCounters => {
  const months = Object.entries(contributions.months)
    .map(([month, counts]) => [month, monthCountersOf(counts)] as const)
    .filter(([, counters]) => Object.keys(counters).length > 0);
  const ledger = ledgerCountersOf(contributions.ledger);
  const items: ItemCounters = {};
  for (const dimension of contributions.dimensions) {
    for (const [month, counters] of months) items[monthItemId(dimension, month)] = counters;
    if (Object.keys(ledger).length) items[ledgerItemId(dimension)] = ledger;
  }
  return items;
};

const add = (into: Counters, name: string, amount: number): void => {
  if (amount !== 0) into[name] = (into[name] ?? 0) + amount;
};

/**
 * What has to be added to each stored item to go from one contribution to the next: the counters
 * only ever change by ADD, so a view's last contributions are all a write needs to stay idempotent.
 */
export const counterDelta = (before: ItemCounters, after: ItemCounters): ItemCounters => {
  const delta: ItemCounters = {};
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const changes: Counters = {};
    const old = before[id] ?? {};
    const next = after[id] ?? {};
    for (const name of new Set([...Object.keys(old), ...Object.keys(next)])) add(changes, name, (next[name] ?? 0) - (old[name] ?? 0));
    if (Object.keys(changes).length) delta[id] = changes;
  }
  return delta;
};

/** Adds one stream's counters into a running sum, item by item. */
export const sumInto = (into: ItemCounters, counters: ItemCounters): void => {
  for (const [id, named] of Object.entries(counters)) {
    const sum = (into[id] ??= {});
    for (const [name, amount] of Object.entries(named)) sum[name] = (sum[name] ?? 0) + amount;
  }
};

/** Streams moving in opposite directions can cancel out on an item: an ADD of 0 would only create an empty item. */
export const withoutZeros = (counters: ItemCounters): ItemCounters => {
  const kept: ItemCounters = {};
  for (const [id, named] of Object.entries(counters)) {
    const nonZero = Object.fromEntries(Object.entries(named).filter(([, amount]) => amount !== 0));
    if (Object.keys(nonZero).length) kept[id] = nonZero;
  }
  return kept;
};

/** The counters of a stored scorecard item: every number attribute but the keys. */
export const countersOf = (item: Record<string, AttributeValue> | undefined): Counters => {
  const counters: Counters = {};
  for (const [name, value] of Object.entries(item ?? {})) {
    if (name !== T.partitionKey && name !== T.sortKey && value.N !== undefined) counters[name] = Number(value.N);
  }
  return counters;
};
