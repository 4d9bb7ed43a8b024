import * as z from '../../domain/zod.ts';
import { Side, SignedMoney, type MonthPayout } from '../../domain/incentives/statements.ts';
import { Money } from '../../domain/money.ts';
import { netPromoterScore } from '../../domain/scorecard/nps.ts';
import { ScorecardSchema, type Scorecard } from '../../domain/scorecard/scorecard.ts';
import { MonthChange, monthChange } from './monthChange.ts';

/** One team's scorecard of the month, with how it moved since the month before. */
export const TeamScorecard = z.strictObject({
  team: z.string(),
  side: Side,
  scorecard: z.extend(ScorecardSchema, { dimension: z.templateLiteral(['team:', z.string()]) }),
  change: MonthChange,
});
export type TeamScorecard = z.infer<typeof TeamScorecard>;

/**
 * One side's month: its teams' figures summed (a deal has one sales team and at most one ops team,
 * so no deal counts twice on a side) and what its people were paid.
 */
export const SideSummary = z.strictObject({
  side: Side,
  teams: z.int().check(z.nonnegative()),
  people: z.int().check(z.nonnegative()),
  dealsClosed: z.int().check(z.nonnegative()),
  revenueClosed: Money,
  delivered: z.int().check(z.nonnegative()),
  promiseKept: z.int().check(z.nonnegative()),
  promiseKeptRate: z.nullable(z.number()),
  npsResponses: z.int().check(z.nonnegative()),
  nps: z.nullable(z.int()),
  /** The side's share of the pool. */
  pool: SignedMoney,
  /** The sum of the side's statements: its share, less caps, plus corrections of earlier months. */
  paid: SignedMoney,
});
export type SideSummary = z.infer<typeof SideSummary>;

/** A team's card from its scorecards of the month before and the month. */
export const teamScorecardOf = (team: string, side: Side, previous: Scorecard, current: Scorecard): TeamScorecard => ({
  team,
  side,
  scorecard: current as TeamScorecard['scorecard'],
  change: monthChange(previous, current),
});

export const sideSummaryOf = (side: Side, teams: readonly TeamScorecard[], payout: MonthPayout, currency: string): SideSummary => {
  const cards = teams.filter((team) => team.side === side).map((team) => team.scorecard);
  const sum = (of: (card: Scorecard) => number) => cards.reduce((total, card) => total + of(card), 0);
  const delivered = sum((card) => card.delivery.delivered);
  const promiseKept = sum((card) => card.delivery.promiseKept);
  const counts = { promoters: sum((card) => card.nps.promoters), passives: sum((card) => card.nps.passives), detractors: sum((card) => card.nps.detractors) };
  const statements = payout.statements.filter((statement) => statement.side === side);
  const c = payout.computation;
  return {
    side,
    teams: cards.length,
    people: statements.length,
    dealsClosed: sum((card) => card.deals.closed),
    revenueClosed: { amount: sum((card) => card.deals.revenueClosed.amount), currency },
    delivered,
    promiseKept,
    promiseKeptRate: delivered === 0 ? null : promiseKept / delivered,
    npsResponses: counts.promoters + counts.passives + counts.detractors,
    nps: netPromoterScore(counts),
    pool: side === 'sales' ? c.salesPool : c.opsPool,
    paid: { amount: statements.reduce((total, statement) => total + statement.total.amount, 0), currency },
  };
};
