import * as z from '../zod.ts';
import { DealId } from '../deal/events.ts';
import { Instant } from '../instant.ts';
import { addWeeks, IsoWeek, isoWeekOf, localInstant, weekEndMs, weeksBetween } from '../isoWeek.ts';
import { weekCapacityMinutes, type Capacity } from './capacity.ts';
import { OpsTeam } from './catalogue.ts';
import { byCodeUnits } from './codeUnitOrder.ts';
import { jobsInOrder, type Commitment, type Job } from './commitment.ts';
import { percentHalfUp } from './integerDivision.ts';
import { LoadPercent } from './loadPercent.ts';
import { capacityOverHorizon, weekIndexOf, type PlanningHorizon } from './planningHorizon.ts';

/** The proposal as one more job of a team: its minutes for that team, its deadline the proposed deliver-by. */
export interface ProposedJob {
  dealId: string;
  minutes: number;
  deliverBy: Instant;
}

/** The check of a proposal against one ops team (PROMISES.md, "Capable-to-promise"). */
export const TeamCheck = z.strictObject({
  opsTeam: OpsTeam,
  /** The proposal's work for this team. */
  minutes: z.int().check(z.positive()),
  fits: z.boolean(),
  /** The week of the proposal's last minute; null when it does not finish within the horizon. */
  finishWeek: z.nullable(IsoWeek),
  /** The end of the earliest honest week, written in the business's local time; null beyond the horizon. */
  earliestDeliverBy: z.nullable(Instant),
  loadPercent: LoadPercent,
  /** The commitments the proposal would put at risk, in code-unit order of dealId. */
  atRisk: z.array(DealId),
});
export type TeamCheck = z.infer<typeof TeamCheck>;

/** Index of the first value >= target in an ascending list; the list's length when there is none. */
const firstAtLeast = (ascending: readonly number[], target: number): number => {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ascending[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** How many jobs are served before a proposal due at this instant: every job due then or earlier (on a tie, existing jobs go first). */
const jobsDueBy = (jobs: readonly Job[], epochMs: number): number => {
  let low = 0;
  let high = jobs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((jobs[middle] as Job).deadlineMs <= epochMs) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * Checks a proposal against one team without scheduling it again for every week tried.
 *
 * Forward fill serves jobs in order, so a job finishes in the first week whose cumulative capacity
 * reaches the cumulative work up to and including it. Inserting the proposal (m minutes) at position p
 * leaves the jobs before p as they were and pushes every later job's cumulative work up by m. So a
 * job's slack (cumulative capacity up to its deadline week, less its cumulative work) decides it all:
 * a job with negative slack is at risk already; one with slack in [0, m) is put at risk by the
 * proposal when the proposal is served before it. One baseline, suffix minima of the non-negative
 * slacks, and each week tried costs O(1) beyond moving p: O(n log n + weeks) in all.
 */
export const checkTeam = (input: {
  opsTeam: OpsTeam;
  horizon: PlanningHorizon;
  capacity: Capacity;
  commitments: readonly Commitment[];
  proposal: ProposedJob;
}): TeamCheck => {
  const { opsTeam, horizon, capacity, proposal } = input;
  const minutes = proposal.minutes;
  const length = horizon.weeks.length;
  // A proposal is never its own competitor: a deal checked again once recorded replaces itself.
  const jobs = jobsInOrder(input.commitments.filter((commitment) => commitment.dealId !== proposal.dealId));

  const cumulativeCapacity: number[] = [];
  let capacitySoFar = 0;
  for (const weekMinutes of capacityOverHorizon(horizon, capacity)) {
    capacitySoFar += weekMinutes;
    cumulativeCapacity.push(capacitySoFar);
  }
  const capacityThrough = (weekIndex: number): number =>
    weekIndex < 0 ? 0 : (cumulativeCapacity[Math.min(weekIndex, length - 1)] as number);

  const workBefore: number[] = [0];
  for (const job of jobs) workBefore.push((workBefore.at(-1) as number) + job.commitment.minutes);

  const slack = jobs.map((job, index) => capacityThrough(weekIndexOf(horizon, job.deadlineMs)) - (workBefore[index + 1] as number));
  const leastSlackFrom: number[] = new Array(jobs.length + 1).fill(Number.POSITIVE_INFINITY);
  for (let index = jobs.length - 1; index >= 0; index -= 1) {
    const own = slack[index] as number;
    const later = leastSlackFrom[index + 1] as number;
    leastSlackFrom[index] = own >= 0 ? Math.min(own, later) : later;
  }

  const finishWeekIndexOf = (cumulativeWork: number): number | null => {
    const index = firstAtLeast(cumulativeCapacity, cumulativeWork);
    return index < length ? index : null;
  };

  // Inserted with the proposed deliver-by as its deadline.
  const deliverByMs = Date.parse(proposal.deliverBy);
  const deadlineWeek = weekIndexOf(horizon, deliverByMs);
  const position = jobsDueBy(jobs, deliverByMs);
  const finish = finishWeekIndexOf((workBefore[position] as number) + minutes);
  const atRisk = jobs
    .filter((_, index) => index >= position && (slack[index] as number) >= 0 && (slack[index] as number) < minutes)
    .map((job) => job.commitment.dealId)
    .sort(byCodeUnits);

  // The first week W such that, due at the end of W, the proposal finishes by W and puts nobody at risk.
  let earliestDeliverBy: string | null = null;
  let served = 0;
  for (let week = 0; week < length; week += 1) {
    const endMs = horizon.boundariesMs[week + 1] as number;
    while (served < jobs.length && (jobs[served] as Job).deadlineMs <= endMs) served += 1;
    const finishesByWeek = (workBefore[served] as number) + minutes <= (cumulativeCapacity[week] as number);
    if (finishesByWeek && (leastSlackFrom[served] as number) >= minutes) {
      earliestDeliverBy = localInstant(endMs, horizon.timeZone);
      break;
    }
  }

  return {
    opsTeam,
    minutes,
    fits: finish !== null && finish <= deadlineWeek,
    finishWeek: finish === null ? null : (horizon.weeks[finish] as IsoWeek),
    earliestDeliverBy,
    loadPercent: loadPercentOf({ horizon, capacity, jobs, workBefore, capacityThrough, minutes, deliverByMs, deadlineWeek }),
    atRisk,
  };
};

/**
 * 100 x (work of the commitments due in or before the proposal's deadline week, plus the proposal's)
 * / (capacity of W0 .. that week). The capacity plan covers every week, so a deadline beyond the
 * horizon still has a load: its weeks past the horizon are added one by one.
 */
const loadPercentOf = (input: {
  horizon: PlanningHorizon;
  capacity: Capacity;
  jobs: readonly Job[];
  workBefore: readonly number[];
  capacityThrough: (weekIndex: number) => number;
  minutes: number;
  deliverByMs: number;
  deadlineWeek: number;
}): number | null => {
  const { horizon, capacity, jobs, workBefore, capacityThrough, minutes, deliverByMs, deadlineWeek } = input;
  const length = horizon.weeks.length;
  if (deadlineWeek < 0) return null;
  let capacityMinutes = capacityThrough(deadlineWeek);
  let deadlineWeekEndMs = horizon.boundariesMs[deadlineWeek + 1] as number;
  if (deadlineWeek >= length) {
    const week = isoWeekOf(deliverByMs, horizon.timeZone);
    const firstWeek = horizon.weeks[0] as IsoWeek;
    for (let index = length; index <= weeksBetween(firstWeek, week); index += 1) {
      capacityMinutes += weekCapacityMinutes(capacity, addWeeks(firstWeek, index));
    }
    deadlineWeekEndMs = weekEndMs(week, horizon.timeZone);
  }
  // Jobs are in deadline order, so those due before the deadline week ends are a prefix.
  const dueInTime = jobsDueBy(jobs, deadlineWeekEndMs - 1);
  return percentHalfUp((workBefore[dueInTime] as number) + minutes, capacityMinutes);
};
