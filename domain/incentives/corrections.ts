import type { Month } from '../calendar.ts';
import { moneyInWords } from './explanationWords.ts';
import { computeMonthPayout } from './monthPayout.ts';
import { toSafeInteger } from './rounding.ts';
import type { IncentivePlan } from './plan.ts';
import type { MonthFacts, MonthPayout, Side, SignedMoney, Statement, StatementLine } from './statements.ts';

/**
 * Closing a month also settles every earlier closed month: each is recomputed with everything known
 * now, and whatever differs from what was already issued for it is paid (or clawed back) on the
 * statements of the month being closed. Closed statements are never touched.
 */

/** A line already issued for a closed month, on whichever closed statement carried it. */
export interface IssuedLine {
  personId: string;
  side: Side;
  /**
   * Optional, but give it: it tells a deal already clawed back from one still to claw back, so a later
   * correction of the same month names what changed since, not the old cancellation again.
   */
  kind?: StatementLine['kind'];
  amount: SignedMoney;
  dealIds: string[];
}

/** An earlier closed month, as it stands now, with every line issued for it so far. */
export interface ReopenedMonth {
  month: Month;
  plan: IncentivePlan | null;
  facts: MonthFacts;
  issued: IssuedLine[];
}

export interface Correction {
  personId: string;
  side: Side;
  line: StatementLine;
}

const SIDE_ORDER: Record<Side, number> = { sales: 0, ops: 1 };
const keyOf = (side: Side, personId: string): string => `${side}|${personId}`;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (ids: Iterable<string>): string[] => [...new Set(ids)].sort(byText);

/** Every line issued for `month` on the closed payouts given (its own close and the corrections after it). */
export const issuedFor = (month: Month, closed: readonly MonthPayout[]): IssuedLine[] =>
  closed.flatMap((payout) =>
    payout.statements.flatMap(({ personId, side, lines }) =>
      lines
        .filter((line) => line.month === month)
        .map(({ kind, amount, dealIds }) => ({ personId, side, kind, amount, dealIds })),
    ),
  );

/** The one currency the amounts are in; 0 is the same in every currency. */
const currencyOf = (amounts: SignedMoney[], what: string): string | null => {
  const currencies = sorted(amounts.filter(({ amount }) => amount !== 0).map(({ currency }) => currency));
  if (currencies.length > 1) throw new Error(`${what} mixes currencies (${currencies.join(', ')}): it cannot be netted`);
  return currencies[0] ?? null;
};

const sumOf = (amounts: SignedMoney[]): number => toSafeInteger(amounts.reduce((sum, { amount }) => sum + BigInt(amount), 0n));

/**
 * The deals behind a person's difference: those gone from the month (cancelled, or no longer theirs)
 * and those added since the close; when only the pool moved, all of the person's deals.
 */
const changedDeals = (personId: string, issued: IssuedLine[], now: Statement | undefined, cancelled: Set<string>) => {
  // A deal already clawed back and still cancelled was settled: it is not news any more.
  const settled = new Set(issued.filter((line) => line.kind === 'clawback').flatMap((line) => line.dealIds).filter((id) => cancelled.has(id)));
  const before = new Set(issued.flatMap((line) => line.dealIds).filter((id) => !settled.has(id)));
  const after = new Set(now?.lines.flatMap((line) => line.dealIds) ?? []);
  const gone = sorted([...before].filter((id) => !after.has(id)));
  const added = sorted([...after].filter((id) => !before.has(id)));

  const reasons = [
    ...gone.map((id) => (cancelled.has(id) ? `${id} cancelled` : `${id} no longer counted for ${personId}`)),
    ...added.map((id) => `${id} known since the close`),
  ];
  const changed = sorted([...gone, ...added]);
  return {
    dealIds: changed.length > 0 ? changed : sorted(after.size > 0 ? after : before),
    why: reasons.length > 0 ? reasons.join(', ') : 'the pool or the shares changed',
    lostToCancellation: gone.some((id) => cancelled.has(id)),
  };
};

/** What each person is owed (or owes) for a reopened month: one line per person and side whose total moved. */
export const correctionsFor = (reopened: ReopenedMonth): Correction[] => {
  const { month, plan, facts, issued } = reopened;
  if (facts.month !== month) throw new Error(`facts of ${facts.month} given to recompute ${month}`);
  const recomputed = computeMonthPayout(plan, facts);
  const cancelled = new Set(facts.deliveries.filter((deal) => deal.cancelled).map((deal) => deal.dealId));

  const now = new Map(recomputed.statements.map((statement) => [keyOf(statement.side, statement.personId), statement]));
  const before = new Map<string, IssuedLine[]>();
  for (const line of issued) {
    const key = keyOf(line.side, line.personId);
    const lines = before.get(key);
    if (lines) lines.push(line);
    else before.set(key, [line]);
  }

  const corrections: Correction[] = [];
  for (const key of new Set([...now.keys(), ...before.keys()])) {
    const statement = now.get(key);
    const lines = before.get(key) ?? [];
    const { side, personId } = statement ?? lines[0]!;
    const nowTotal = statement?.total.amount ?? 0;
    const issuedTotal = sumOf(lines.map((line) => line.amount));
    const difference = nowTotal - issuedTotal;
    if (difference === 0) continue;

    const amounts = [...(statement ? [statement.total] : []), ...lines.map((line) => line.amount)];
    // A non-zero difference has a non-zero amount behind it, so there is a currency.
    const currency = currencyOf(amounts, `${month} for ${personId}`)!;
    const { dealIds, why, lostToCancellation } = changedDeals(personId, lines, statement, cancelled);
    corrections.push({
      personId,
      side,
      line: {
        kind: difference < 0 && lostToCancellation ? 'clawback' : 'adjustment',
        month,
        dealIds,
        amount: { amount: difference, currency },
        rule: 'correction',
        explanation: `${month} recomputed: issued ${moneyInWords(issuedTotal, currency)}, now ${moneyInWords(nowTotal, currency)} (${why})`,
      },
    });
  }
  return corrections.sort((a, b) => SIDE_ORDER[a.side] - SIDE_ORDER[b.side] || byText(a.personId, b.personId));
};

const bySideThenPerson = (a: Statement, b: Statement): number => SIDE_ORDER[a.side] - SIDE_ORDER[b.side] || byText(a.personId, b.personId);

/**
 * The payout of the month being closed: its own earned lines, then, for each earlier closed month
 * (oldest first), the difference between it recomputed now and what was issued for it. Issued lines
 * include earlier corrections, so closing again with nothing new adds no correction.
 */
export const payoutWithCorrections = (input: {
  month: Month;
  plan: IncentivePlan | null;
  facts: MonthFacts;
  reopened: readonly ReopenedMonth[];
}): MonthPayout => {
  const { month, plan, facts } = input;
  if (facts.month !== month) throw new Error(`facts of ${facts.month} given to compute ${month}`);
  const reopened = [...input.reopened].sort((a, b) => byText(a.month, b.month));
  reopened.forEach((earlier, index) => {
    if (earlier.month >= month) throw new Error(`only an earlier month can be corrected on ${month}, not ${earlier.month}`);
    if (earlier.month === reopened[index - 1]?.month) throw new Error(`${earlier.month} is reopened twice`);
  });

  const corrections = reopened.flatMap(correctionsFor);
  const correctionCurrency = currencyOf(corrections.map(({ line }) => line.amount), `the corrections paid on ${month}`);
  if (plan && correctionCurrency !== null && correctionCurrency !== plan.currency) {
    throw new Error(`corrections in ${correctionCurrency} cannot be paid on ${month} statements in ${plan.currency}`);
  }
  // Without a plan the month's own lines are all 0, so they take the currency the corrections are paid in.
  const payout = computeMonthPayout(plan, facts, correctionCurrency === null ? {} : { currencyWithoutPlan: correctionCurrency });

  const statements = new Map(payout.statements.map((statement) => [keyOf(statement.side, statement.personId), statement]));
  for (const { personId, side, line } of corrections) {
    const key = keyOf(side, personId);
    const statement = statements.get(key) ?? { personId, side, total: { amount: 0, currency: payout.pool.currency }, lines: [] };
    statements.set(key, { ...statement, lines: [...statement.lines, line] });
  }

  return {
    ...payout,
    statements: [...statements.values()]
      .map((statement) => ({
        ...statement,
        total: { amount: sumOf(statement.lines.map((line) => line.amount)), currency: payout.pool.currency },
      }))
      .sort(bySideThenPerson),
  };
};
