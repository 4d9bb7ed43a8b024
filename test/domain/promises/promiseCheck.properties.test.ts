import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Capacity } from '../../../domain/promises/capacity.ts';
import type { Commitment } from '../../../domain/promises/commitment.ts';
import { forwardFill } from '../../../domain/promises/forwardFill.ts';
import { capacityOverHorizon, planningHorizon, weekIndexOf, type PlanningHorizon } from '../../../domain/promises/planningHorizon.ts';
import { checkTeam, type ProposedJob, type TeamCheck } from '../../../domain/promises/teamCheck.ts';
import { addWeeks, isoWeekOf } from '../../../domain/isoWeek.ts';
import { capacity as capacityOf, commitment } from './promiseDeskSpec.ts';

/**
 * Properties of the schedule and the check, against an oracle that does what PROMISES.md says word for
 * word: schedule everything again by forward fill, with the proposal inserted as one more job.
 */

const HOUR_MS = 3_600_000;
const iso = (epochMs: number): string => new Date(epochMs).toISOString();
const PROPOSAL_ID = '~proposal';

interface Scenario {
  timeZone: string;
  atMs: number;
  capacity: Capacity;
  commitments: Commitment[];
  proposal: ProposedJob;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    timeZone: fc.constantFrom('UTC', 'America/Chicago'),
    atMs: fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
    weeklyHours: fc.integer({ min: 0, max: 20 }),
    exceptions: fc.array(fc.record({ weeksOn: fc.integer({ min: 0, max: 12 }), hours: fc.integer({ min: 0, max: 30 }) }), { maxLength: 4 }),
    reservePercent: fc.integer({ min: 0, max: 50 }),
    jobs: fc.array(
      fc.record({
        minutes: fc.integer({ min: 1, max: 2500 }),
        dueInHours: fc.integer({ min: -24 * 30, max: 24 * 800 }),
        closedHoursAgo: fc.integer({ min: 0, max: 24 * 60 }),
      }),
      { maxLength: 12 },
    ),
    proposalMinutes: fc.integer({ min: 1, max: 3000 }),
    proposalDueInHours: fc.integer({ min: 0, max: 24 * 200 }),
  })
  .map(({ timeZone, atMs, weeklyHours, exceptions, reservePercent, jobs, proposalMinutes, proposalDueInHours }) => {
    const firstWeek = isoWeekOf(atMs, timeZone);
    return {
      timeZone,
      atMs,
      capacity: capacityOf({
        weeklyHours,
        weeks: Object.fromEntries(exceptions.map(({ weeksOn, hours }) => [addWeeks(firstWeek, weeksOn), hours])),
        reservePercent,
      }),
      // Some deadlines fall on the hour of others, so ties happen.
      commitments: jobs.map(({ minutes, dueInHours, closedHoursAgo }, index) =>
        commitment(`D-${index}`, minutes, iso(atMs + Math.round(dueInHours / 24) * 24 * HOUR_MS), iso(atMs - closedHoursAgo * HOUR_MS)),
      ),
      proposal: { dealId: PROPOSAL_ID, minutes: proposalMinutes, deliverBy: iso(atMs + proposalDueInHours * HOUR_MS) },
    };
  });

const horizonOf = (s: Scenario): PlanningHorizon => planningHorizon(s.atMs, s.timeZone);

const check = (s: Scenario, capacity: Capacity = s.capacity): TeamCheck =>
  checkTeam({ opsTeam: 'T-OPS', horizon: horizonOf(s), capacity, commitments: s.commitments, proposal: s.proposal });

const atRiskIds = (horizon: PlanningHorizon, capacity: Capacity, commitments: readonly Commitment[]): Set<string> =>
  new Set(
    forwardFill(horizon, capacityOverHorizon(horizon, capacity), commitments)
      .commitments.filter((scheduled) => scheduled.atRisk)
      .map((scheduled) => scheduled.commitment.dealId),
  );

/** The proposal inserted with this deadline, scheduled again from scratch. */
const insertedBy = (s: Scenario, deadlineMs: number, capacity: Capacity = s.capacity) => {
  const horizon = horizonOf(s);
  // Served after every job due at the same instant: a closedAt later than any, as PROMISES.md's tie rule asks.
  const proposalJob = commitment(PROPOSAL_ID, s.proposal.minutes, iso(deadlineMs), '9999-12-31T23:59:59Z');
  const schedule = forwardFill(horizon, capacityOverHorizon(horizon, capacity), [...s.commitments, proposalJob]);
  const proposal = schedule.commitments.find((scheduled) => scheduled.commitment.dealId === PROPOSAL_ID);
  const finishIndex = proposal?.finishWeek ? horizon.weeks.indexOf(proposal.finishWeek) : null;
  const before = atRiskIds(horizon, capacity, s.commitments);
  const newlyAtRisk = schedule.commitments
    .filter((scheduled) => scheduled.atRisk && scheduled.commitment.dealId !== PROPOSAL_ID && !before.has(scheduled.commitment.dealId))
    .map((scheduled) => scheduled.commitment.dealId)
    .sort();
  return { finishIndex, finishWeek: proposal?.finishWeek ?? null, newlyAtRisk };
};

/** PROMISES.md's condition for a week W: inserted with the end of W as its deadline, it finishes by W and puts nobody at risk. */
const honestBy = (s: Scenario, week: number): boolean => {
  const outcome = insertedBy(s, horizonOf(s).boundariesMs[week + 1] as number);
  return outcome.finishIndex !== null && outcome.finishIndex <= week && outcome.newlyAtRisk.length === 0;
};

const weekOfDate = (s: Scenario, date: string | null): number => (date === null ? Number.POSITIVE_INFINITY : weekIndexOf(horizonOf(s), Date.parse(date)));
const orInfinity = (value: number | null): number => value ?? Number.POSITIVE_INFINITY;

describe('forwardFill', () => {
  it('given any jobs and capacity, then every minute is scheduled within capacity or counted beyond the horizon', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const horizon = horizonOf(s);
        const capacity = capacityOverHorizon(horizon, s.capacity);
        const schedule = forwardFill(horizon, capacity, s.commitments);

        const scheduled = schedule.scheduledMinutes.reduce((sum, minutes) => sum + minutes, 0);
        const beyond = schedule.commitments.reduce((sum, job) => sum + job.minutesBeyondHorizon, 0);
        expect(scheduled + beyond).toBe(s.commitments.reduce((sum, job) => sum + job.minutes, 0));
        schedule.scheduledMinutes.forEach((minutes, week) => expect(minutes).toBeLessThanOrEqual(capacity[week] as number));
        for (const job of schedule.commitments) expect(job.finishWeek === null).toBe(job.minutesBeyondHorizon > 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checkTeam', () => {
  it('given any scenario, then it answers what scheduling everything again with the proposal inserted answers', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const horizon = horizonOf(s);
        const answer = check(s);
        const oracle = insertedBy(s, Date.parse(s.proposal.deliverBy));

        expect(answer.finishWeek).toBe(oracle.finishWeek);
        expect(answer.fits).toBe(oracle.finishIndex !== null && oracle.finishIndex <= weekIndexOf(horizon, Date.parse(s.proposal.deliverBy)));
        expect(answer.atRisk).toEqual(oracle.newlyAtRisk);
      }),
      { numRuns: 300 },
    );
  });

  it('given any scenario, then earliestDeliverBy is honest and minimal: one week earlier would fail', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const answer = check(s);
        const length = horizonOf(s).weeks.length;
        if (answer.earliestDeliverBy === null) {
          for (let week = 0; week < length; week += 1) expect(honestBy(s, week)).toBe(false);
          return;
        }
        // The answer is the end of W: the first instant of W + 1.
        const week = weekIndexOf(horizonOf(s), Date.parse(answer.earliestDeliverBy)) - 1;
        expect(honestBy(s, week)).toBe(true);
        if (week > 0) expect(honestBy(s, week - 1)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  const moreCapacity = fc.record({ weekly: fc.integer({ min: 0, max: 10 }), exception: fc.integer({ min: 0, max: 10 }) });
  const withMore = (capacity: Capacity, more: { weekly: number; exception: number }): Capacity => ({
    ...capacity,
    weeklyHours: capacity.weeklyHours + more.weekly,
    weeks: Object.fromEntries(Object.entries(capacity.weeks).map(([week, hours]) => [week, hours + more.exception])),
  });

  it('given more capacity, then the proposal fits no less, finishes no later and loads no more', () => {
    fc.assert(
      fc.property(scenario, moreCapacity, (s, more) => {
        const before = check(s);
        const after = check(s, withMore(s.capacity, more));

        if (before.fits) expect(after.fits).toBe(true);
        const finishIndex = (answer: TeamCheck) => (answer.finishWeek === null ? Number.POSITIVE_INFINITY : horizonOf(s).weeks.indexOf(answer.finishWeek));
        expect(finishIndex(after)).toBeLessThanOrEqual(finishIndex(before));
        expect(orInfinity(after.loadPercent)).toBeLessThanOrEqual(orInfinity(before.loadPercent));
      }),
      { numRuns: 300 },
    );
  });

  it('given more capacity and no commitment already at risk, then the earliest date is no later and nobody more is put at risk', () => {
    fc.assert(
      fc.property(
        scenario.filter((s) => atRiskIds(horizonOf(s), s.capacity, s.commitments).size === 0),
        moreCapacity,
        (s, more) => {
          const before = check(s);
          const after = check(s, withMore(s.capacity, more));

          expect(weekOfDate(s, after.earliestDeliverBy)).toBeLessThanOrEqual(weekOfDate(s, before.earliestDeliverBy));
          for (const dealId of after.atRisk) expect(before.atRisk).toContain(dealId);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('given a commitment already late that more capacity would save, then the earliest honest date moves later: promising earlier would sacrifice it', () => {
    // 600 a week: D-1 (1300, due in W10) is late by 100 minutes, so nothing the proposal does can put it at risk:
    // the proposal's 100 minutes fit in W09. With 700 in W10 D-1 is saved, and served before it the proposal would
    // sink it again: it must wait until after D-1, to W11.
    const s: Scenario = {
      timeZone: 'UTC',
      atMs: Date.parse('2027-03-01T09:00:00Z'),
      capacity: capacityOf({ weeklyHours: 10 }),
      commitments: [commitment('D-1', 1300, '2027-03-12T17:00:00Z')],
      proposal: { dealId: PROPOSAL_ID, minutes: 100, deliverBy: '2027-03-26T17:00:00Z' },
    };

    expect(check(s)).toMatchObject({ earliestDeliverBy: '2027-03-08T00:00:00Z', atRisk: [] });
    // 11.667 hours: floor(700.02) = 700 minutes.
    expect(check(s, capacityOf({ weeklyHours: 10, weeks: { '2027-W10': 11.667 } })).earliestDeliverBy).toBe('2027-03-22T00:00:00Z');
  });
});
