import * as z from '../zod.ts';
import type { CloseDealBody } from '../deal/commands.ts';
import { DealId } from '../deal/events.ts';
import { Instant } from '../instant.ts';
import type { Capacity } from './capacity.ts';
import { OpsTeam, Sku, type Catalogue } from './catalogue.ts';
import { byCodeUnits } from './codeUnitOrder.ts';
import { LoadPercent } from './loadPercent.ts';
import type { Commitment } from './commitment.ts';
import { planningHorizon } from './planningHorizon.ts';
import { checkTeam, TeamCheck } from './teamCheck.ts';
import { workOfScope } from './work.ts';

/** What a promise check looks at in a close-deal body. */
export type Proposal = Pick<CloseDealBody, 'dealId' | 'closedAt' | 'value' | 'scope' | 'promise'>;

/** What the desk knows when it checks: what is in force and the open commitments, all as recorded. */
export interface PromiseDesk {
  /** The business time zone: weeks start Monday 00:00 there. */
  timeZone: string;
  catalogue: Catalogue;
  /** The capacity in force of each ops team that has published one. */
  capacities: ReadonlyMap<OpsTeam, Capacity>;
  /** The open commitments of each ops team (a team missing here has none). */
  commitments: ReadonlyMap<OpsTeam, readonly Commitment[]>;
}

/** The answer of POST /v1/promise-checks before the rules of engagement judge it (PROMISES.md, "Capable-to-promise"). */
export const PromiseCheck = z.strictObject({
  at: Instant,
  fits: z.boolean(),
  beyondCapacity: z.boolean(),
  atRisk: z.array(DealId),
  earliestDeliverBy: z.nullable(Instant),
  loadPercent: LoadPercent,
  unplanned: z.strictObject({ skus: z.array(Sku), opsTeams: z.array(OpsTeam) }),
  teams: z.array(TeamCheck),
});
export type PromiseCheck = z.infer<typeof PromiseCheck>;

/**
 * Can we promise this by then? The proposal's work is checked team by team at its `closedAt`
 * against each team's capacity and open commitments; nothing is recorded.
 *
 * Across teams: it fits when every team fits, puts at risk the union of what each team's check puts
 * at risk, can honestly be promised by the latest of the teams' earliest dates (null when any team
 * has none within the horizon), and loads as much as its most loaded team (teams without a figure are
 * left out; null when no team has one). A team with work but no capacity published is unplanned: it
 * is named, and no schedule can say anything about it. With no planned work at all the proposal fits
 * and can be promised at once (`earliestDeliverBy` = `at`).
 */
export const checkPromise = (proposal: Proposal, desk: PromiseDesk): PromiseCheck => {
  const work = workOfScope(proposal.scope, desk.catalogue);
  const plannedTeams = [...work.minutesByTeam.keys()].filter((team) => desk.capacities.has(team)).sort(byCodeUnits);
  const unplannedTeams = [...work.minutesByTeam.keys()].filter((team) => !desk.capacities.has(team)).sort(byCodeUnits);
  const horizon = plannedTeams.length > 0 ? planningHorizon(proposal.closedAt, desk.timeZone) : null;

  const teams = horizon
    ? plannedTeams.map((opsTeam) =>
        checkTeam({
          opsTeam,
          horizon,
          capacity: desk.capacities.get(opsTeam) as Capacity,
          commitments: desk.commitments.get(opsTeam) ?? [],
          proposal: { dealId: proposal.dealId, minutes: work.minutesByTeam.get(opsTeam) as number, deliverBy: proposal.promise.deliverBy },
        }),
      )
    : [];

  const fits = teams.every((team) => team.fits);
  const atRisk = [...new Set(teams.flatMap((team) => team.atRisk))].sort(byCodeUnits);
  const loads = teams.map((team) => team.loadPercent).filter((load): load is number => load !== null);
  return {
    at: proposal.closedAt,
    fits,
    beyondCapacity: !fits || atRisk.length > 0,
    atRisk,
    earliestDeliverBy: teams.length === 0 ? proposal.closedAt : latestOf(teams.map((team) => team.earliestDeliverBy)),
    loadPercent: loads.length > 0 ? Math.max(...loads) : null,
    unplanned: { skus: work.unplannedSkus, opsTeams: unplannedTeams },
    teams,
  };
};

/** The latest of the teams' dates; none when any team has none (it cannot be promised within the horizon). */
const latestOf = (dates: readonly (string | null)[]): string | null => {
  let latest: string | null = null;
  for (const date of dates) {
    if (date === null) return null;
    if (latest === null || Date.parse(date) > Date.parse(latest)) latest = date;
  }
  return latest;
};
