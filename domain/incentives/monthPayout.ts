import type { Month } from '../calendar.ts';
import { toEpochMs } from '../instant.ts';
import { allocateShares, type Share } from './allocation.ts';
import { bpsInWords, countInWords, moneyInWords, multiplierInWords, rateInWords } from './explanationWords.ts';
import type { IncentivePlan } from './plan.ts';
import { applyBps, toSafeInteger } from './rounding.ts';
import type { DeliveredDeal, MonthFacts, MonthPayout, Side, Statement, StatementLine } from './statements.ts';

const NEUTRAL_BPS = 10_000;
const MS_PER_MINUTE = 60_000;
/** Only when no plan is in force and nothing was delivered: every amount is 0 then anyway. */
const FALLBACK_CURRENCY = 'USD';
const SIDES: readonly Side[] = ['sales', 'ops'];

/** Rule 1: what one delivery of the month counts for. */
interface Credit {
  deal: DeliveredDeal;
  onTime: boolean;
  kept: boolean;
  /** Kept and in the plan's currency: it funds the pool and weighs in the allocation (rules 3 and 6). */
  credited: boolean;
}

interface Multiplier {
  bps: number;
  reason: string;
}

/** Rules 2-5: the month's pool and how it came about. */
interface Pool {
  delivered: number;
  kept: number;
  promiseKeptRate: number | null;
  gatePassed: boolean;
  basePool: number;
  multiplier: Multiplier;
  pool: number;
  sides: Record<Side, number>;
}

export interface MonthPayoutOptions {
  /** The currency of the (zero) amounts when no plan is in force; by default that of the lowest dealId delivered. */
  currencyWithoutPlan?: string;
}

const byDealId = (a: DeliveredDeal, b: DeliveredDeal): number => (a.dealId < b.dealId ? -1 : a.dealId > b.dealId ? 1 : 0);
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const personOn = (side: Side, deal: DeliveredDeal): string => (side === 'sales' ? deal.sellerId : deal.opsId);

const sumSafely = (amounts: number[]): number => toSafeInteger(amounts.reduce((sum, amount) => sum + BigInt(amount), 0n));

const dealIdsOf = (credits: Credit[]): string[] => credits.map(({ deal }) => deal.dealId);

/** Rule 1. Cancelled deliveries credit nobody and are left out altogether. */
const creditsOf = (plan: IncentivePlan | null, facts: MonthFacts): Credit[] => {
  const graceMs = (plan?.graceMinutes ?? 0) * MS_PER_MINUTE;
  return facts.deliveries
    .filter((deal) => !deal.cancelled)
    .sort(byDealId)
    .map((deal) => {
      const onTime = toEpochMs(deal.deliveredAt) <= toEpochMs(deal.deadline) + graceMs;
      const kept = onTime && deal.asSold;
      return { deal, onTime, kept, credited: kept && plan !== null && deal.value.currency === plan.currency };
    });
};

/** Rule 4: neutral without enough responses, else the first band the NPS reaches. */
const npsMultiplier = (plan: IncentivePlan, nps: MonthFacts['nps']): Multiplier => {
  const { minResponses, bands } = plan.nps;
  if (nps.responses < minResponses) {
    return { bps: NEUTRAL_BPS, reason: `NPS neutral: ${countInWords(nps.responses, 'response')}, fewer than the ${minResponses} needed` };
  }
  const score = nps.score;
  if (score === null) return { bps: NEUTRAL_BPS, reason: `NPS neutral: no score from ${countInWords(nps.responses, 'response')}` };
  const band = bands.find(({ minScore }) => minScore <= score);
  if (!band) return { bps: NEUTRAL_BPS, reason: `NPS ${score} reaches no band, neutral` };
  return { bps: band.multiplierBps, reason: `NPS ${score} from ${countInWords(nps.responses, 'response')}, band from ${band.minScore}` };
};

/**
 * Rules 2-5, each step rounded half to even. A failed gate zeroes the pool, but basePool and the
 * multiplier still show what it would have been.
 */
const poolOf = (plan: IncentivePlan | null, credits: Credit[], nps: MonthFacts['nps']): Pool => {
  // The gate counts promises, whatever currency they were sold in.
  const delivered = credits.length;
  const kept = credits.filter((credit) => credit.kept).length;
  const promiseKeptRate = delivered === 0 ? null : kept / delivered;
  if (!plan) {
    const none = { bps: NEUTRAL_BPS, reason: 'no plan' };
    return { delivered, kept, promiseKeptRate, gatePassed: false, basePool: 0, multiplier: none, pool: 0, sides: { sales: 0, ops: 0 } };
  }
  const gatePassed = promiseKeptRate !== null && promiseKeptRate >= plan.gates.minPromiseKeptRate;
  const credited = credits.filter((credit) => credit.credited);
  const basePool = sumSafely(credited.map(({ deal }) => applyBps(deal.value.amount, plan.poolRateBps)));
  const multiplier = npsMultiplier(plan, nps);
  const pool = gatePassed ? applyBps(basePool, multiplier.bps) : 0;
  const sales = applyBps(pool, plan.split.salesBps);
  return { delivered, kept, promiseKeptRate, gatePassed, basePool, multiplier, pool, sides: { sales, ops: pool - sales } };
};

const poolInWords = (plan: IncentivePlan, pool: Pool, side: Side): string => {
  const money = (amount: number) => moneyInWords(amount, plan.currency);
  const sidePart =
    side === 'sales'
      ? `sales pool = ${bpsInWords(plan.split.salesBps)} of pool ${money(pool.pool)}`
      : `ops pool = pool ${money(pool.pool)} - sales pool ${money(pool.sides.sales)}`;
  return `${sidePart}; pool = base ${money(pool.basePool)} ${multiplierInWords(pool.multiplier.bps)} (${pool.multiplier.reason}); base = ${bpsInWords(plan.poolRateBps)} of each kept deal's value`;
};

const shareInWords = (plan: IncentivePlan, pool: Pool, side: Side, share: Share, totalWeight: bigint): string => {
  const money = (amount: number | bigint) => moneyInWords(amount, plan.currency);
  const amount = share.leftoverUnit
    ? `${money(share.floor)} + ${money(1)} left over (largest remainder)`
    : money(share.amount);
  const weights = `${money(share.weight)} of ${money(totalWeight)}`;
  return `share of the ${side} pool ${money(pool.sides[side])} by credited value ${weights} = ${amount}; ${poolInWords(plan, pool, side)}`;
};

const brokenInWords = (credit: Credit, graceMinutes: number): string => {
  const { dealId, deliveredAt, deadline, asSold } = credit.deal;
  const late = credit.onTime ? null : `late (delivered ${deliveredAt}, deadline ${deadline} + ${graceMinutes} min grace)`;
  const notAsSold = asSold ? null : 'not as sold';
  return `${dealId} ${[late, notAsSold].filter((reason) => reason !== null).join(' and ')}`;
};

type Earned = (rule: StatementLine['rule'], credits: Credit[], amount: number, explanation: string) => StatementLine;

/** Rules 6-8 for one person when there is a pool: the share, the cut above the cap, the deals that credit nobody. */
const linesWithPool = (plan: IncentivePlan, pool: Pool, side: Side, mine: Credit[], share: Share, totalWeight: bigint, earned: Earned) => {
  const lines: StatementLine[] = [];
  const credited = mine.filter((credit) => credit.credited);
  if (credited.length > 0) {
    lines.push(earned('allocation', credited, share.amount, shareInWords(plan, pool, side, share, totalWeight)));
    const cap = plan.capPerPerson?.amount;
    if (cap !== undefined && share.amount > cap) {
      const cut = share.amount - cap;
      const money = (amount: number) => moneyInWords(amount, plan.currency);
      lines.push(earned('cap', credited, -cut, `capped at ${money(cap)} per person: the ${money(cut)} above the cap is cut and not redistributed`));
    }
  }
  const broken = mine.filter((credit) => !credit.kept);
  if (broken.length > 0) {
    const reasons = broken.map((credit) => brokenInWords(credit, plan.graceMinutes)).join('; ');
    lines.push(earned('promise-broken', broken, 0, `promise broken, credits nobody: ${reasons}`));
  }
  const foreign = mine.filter((credit) => credit.kept && !credit.credited);
  if (foreign.length > 0) {
    const which = foreign.map(({ deal }) => `${deal.dealId} in ${deal.value.currency}`).join(', ');
    lines.push(earned('currency', foreign, 0, `not credited, the plan pays in ${plan.currency} only: ${which}`));
  }
  return lines;
};

/** Without a pool every deal of the person is listed once, with the reason there is no pool. */
const noPoolLine = (plan: IncentivePlan | null, pool: Pool, month: Month, mine: Credit[], earned: Earned): StatementLine => {
  if (!plan) return earned('no-plan', mine, 0, `no incentive plan in force for ${month}: no pool`);
  // The fraction, not its decimals: it is exact and anyone can check it against the gate.
  const rate = pool.promiseKeptRate === null ? 'nothing delivered' : `promise-kept rate ${pool.kept} of ${pool.delivered}`;
  return earned('gate', mine, 0, `no pool for ${month}: ${rate} is below the gate of ${rateInWords(plan.gates.minPromiseKeptRate)}`);
};

const creditsByPerson = (side: Side, credits: Credit[]): Map<string, Credit[]> => {
  const byPerson = new Map<string, Credit[]>();
  for (const credit of credits) {
    const personId = personOn(side, credit.deal);
    const mine = byPerson.get(personId);
    if (mine) mine.push(credit);
    else byPerson.set(personId, [credit]);
  }
  return byPerson;
};

/**
 * One month's payout (INCENTIVES.md rules 1-8), from the plan in force and the month's facts: one
 * statement per person and side on a delivery of the month, sales first, then by personId.
 */
export const computeMonthPayout = (plan: IncentivePlan | null, facts: MonthFacts, options: MonthPayoutOptions = {}): MonthPayout => {
  const { month } = facts;
  const credits = creditsOf(plan, facts);
  const pool = poolOf(plan, credits, facts.nps);
  const currency =
    plan?.currency ?? options.currencyWithoutPlan ?? [...facts.deliveries].sort(byDealId)[0]?.value.currency ?? FALLBACK_CURRENCY;
  const money = (amount: number) => ({ amount, currency });
  const earned: Earned = (rule, dealCredits, amount, explanation) => ({
    kind: 'earned',
    month,
    dealIds: dealIdsOf(dealCredits),
    amount: money(amount),
    rule,
    explanation,
  });

  const statements: Statement[] = SIDES.flatMap((side) => {
    const byPerson = creditsByPerson(side, credits);
    const people = [...byPerson.keys()].sort(byText);
    const creditsOfPerson = (personId: string) => byPerson.get(personId) ?? [];
    // Rule 6: the weight is the credited value; people with nothing credited weigh 0.
    const allocation = allocateShares(
      pool.sides[side],
      people.map((personId) => ({
        id: personId,
        weight: sumSafely(creditsOfPerson(personId).filter((credit) => credit.credited).map(({ deal }) => deal.value.amount)),
      })),
    );
    return people.map((personId, index) => {
      const mine = creditsOfPerson(personId);
      const share = allocation.shares[index]!;
      const lines =
        plan && pool.gatePassed
          ? linesWithPool(plan, pool, side, mine, share, allocation.totalWeight, earned)
          : [noPoolLine(plan, pool, month, mine, earned)];
      return { personId, side, total: money(sumSafely(lines.map(({ amount }) => amount.amount))), lines };
    });
  });

  return {
    month,
    plan: plan ? { planId: plan.planId, version: plan.version } : null,
    pool: money(pool.pool),
    computation: {
      delivered: pool.delivered,
      kept: pool.kept,
      promiseKeptRate: pool.promiseKeptRate,
      gatePassed: pool.gatePassed,
      basePool: money(pool.basePool),
      npsResponses: facts.nps.responses,
      nps: facts.nps.score,
      multiplierBps: pool.multiplier.bps,
      salesPool: money(pool.sides.sales),
      opsPool: money(pool.sides.ops),
    },
    statements,
  };
};
