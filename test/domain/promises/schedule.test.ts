import { describe, expect, it } from 'vitest';
import { forwardFill } from '../../../domain/promises/forwardFill.ts';
import { LoadView, loadViewOf } from '../../../domain/promises/loadView.ts';
import { capacityOverHorizon, HORIZON_WEEKS, planningHorizon, weekIndexOf } from '../../../domain/promises/planningHorizon.ts';
import { AT, capacity, commitment } from './promiseDeskSpec.ts';

/** One team's schedule at 2027-03-01T09:00Z (W0 = 2027-W09), 600 minutes a week unless said otherwise. */

const horizon = planningHorizon(AT, 'UTC');
const sixHundred = capacityOverHorizon(horizon, capacity({ weeklyHours: 10 }));

describe('planningHorizon', () => {
  it('given an instant, then 104 weeks from the week it falls in, and an index for any instant', () => {
    expect(horizon.weeks).toHaveLength(HORIZON_WEEKS);
    expect([horizon.weeks[0], horizon.weeks.at(-1)]).toEqual(['2027-W09', '2029-W08']);
    expect(weekIndexOf(horizon, Date.parse('2027-02-28T23:59:59Z'))).toBe(-1);
    expect(weekIndexOf(horizon, Date.parse('2027-03-01T00:00:00Z'))).toBe(0);
    expect(weekIndexOf(horizon, Date.parse('2027-03-08T00:00:00Z'))).toBe(1);
    expect(weekIndexOf(horizon, Date.parse('2029-02-26T00:00:00Z'))).toBe(HORIZON_WEEKS);
  });
});

describe('forwardFill', () => {
  it('given jobs tied on deadline, then the deal closed first is served first, then the lower dealId', () => {
    // All due Sunday 7 March (W09). D-C closed first: W09 400. D-A: W09 200 + W10 200. D-B: W10 400.
    const schedule = forwardFill(horizon, sixHundred, [
      commitment('D-B', 400, '2027-03-07T17:00:00Z', '2027-02-01T09:00:00Z'),
      commitment('D-A', 400, '2027-03-07T17:00:00Z', '2027-02-01T09:00:00Z'),
      commitment('D-C', 400, '2027-03-07T17:00:00Z', '2027-01-15T09:00:00Z'),
    ]);

    expect(schedule.commitments.map(({ commitment: job, finishWeek, atRisk }) => [job.dealId, finishWeek, atRisk])).toEqual([
      ['D-C', '2027-W09', false],
      ['D-A', '2027-W10', true],
      ['D-B', '2027-W10', true],
    ]);
    expect(schedule.scheduledMinutes.slice(0, 3)).toEqual([600, 600, 0]);
  });

  it('given an overdue job and a later one, then the overdue one goes first and is at risk though it finishes in W0', () => {
    const schedule = forwardFill(horizon, sixHundred, [commitment('D-NEXT', 300, '2027-03-19T17:00:00Z'), commitment('D-LATE', 300, '2027-02-19T17:00:00Z')]);

    expect(schedule.commitments.map(({ commitment: job, finishWeek, atRisk }) => [job.dealId, finishWeek, atRisk])).toEqual([
      ['D-LATE', '2027-W09', true],
      ['D-NEXT', '2027-W09', false],
    ]);
  });

  it('given a week with no capacity between two, then a job spills over it and finishes after it', () => {
    const holiday = capacityOverHorizon(horizon, capacity({ weeklyHours: 10, weeks: { '2027-W10': 0 } }));

    const schedule = forwardFill(horizon, holiday, [commitment('D-1', 700, '2027-03-26T17:00:00Z')]);

    expect(schedule.commitments[0]).toMatchObject({ finishWeek: '2027-W11', atRisk: false, minutesBeyondHorizon: 0 });
    expect(schedule.scheduledMinutes.slice(0, 3)).toEqual([600, 0, 100]);
  });

  it('given more work than the horizon holds, then the rest is beyond it and the job has no finish week', () => {
    const schedule = forwardFill(horizon, sixHundred, [commitment('D-BIG', 104 * 600 + 5, '2031-01-01T00:00:00Z')]);

    expect(schedule.commitments[0]).toMatchObject({ finishWeek: null, atRisk: true, minutesBeyondHorizon: 5 });
  });
});

describe('loadViewOf', () => {
  const commitments = [
    commitment('D-2', 900, '2027-03-12T17:00:00Z'),
    commitment('D-1', 200, '2027-03-03T17:00:00Z'),
    commitment('D-3', 600, '2027-03-12T17:00:00Z', '2027-02-02T09:00:00Z'),
  ];

  it('given three commitments, then each week shows capacity, scheduled minutes and utilisation, and each commitment its finish week', () => {
    // D-1 W09 200; D-2 W09 400 + W10 500; D-3 W10 100 + W11 500: at risk (due W10).
    const view = loadViewOf({ opsTeam: 'T-OPS', at: AT, timeZone: 'UTC', capacity: capacity({ weeklyHours: 10 }), commitments, from: '2027-W08', weeks: 5 });

    expect(view).toEqual({
      opsTeam: 'T-OPS',
      at: AT,
      weeks: [
        { week: '2027-W08', capacityMinutes: 600, scheduledMinutes: 0, utilisationPercent: 0 },
        { week: '2027-W09', capacityMinutes: 600, scheduledMinutes: 600, utilisationPercent: 100 },
        { week: '2027-W10', capacityMinutes: 600, scheduledMinutes: 600, utilisationPercent: 100 },
        { week: '2027-W11', capacityMinutes: 600, scheduledMinutes: 500, utilisationPercent: 83 },
        { week: '2027-W12', capacityMinutes: 600, scheduledMinutes: 0, utilisationPercent: 0 },
      ],
      commitments: [
        { dealId: 'D-1', minutes: 200, deliverBy: '2027-03-03T17:00:00Z', finishWeek: '2027-W09', atRisk: false },
        { dealId: 'D-2', minutes: 900, deliverBy: '2027-03-12T17:00:00Z', finishWeek: '2027-W10', atRisk: false },
        { dealId: 'D-3', minutes: 600, deliverBy: '2027-03-12T17:00:00Z', finishWeek: '2027-W11', atRisk: true },
      ],
    });
    expect(LoadView.parse(view)).toEqual(view);
  });

  it('given a utilisation of exactly one half percent, then it rounds half up', () => {
    // 3.334 hours: floor(200.04) = 200 minutes; 1 minute of 200 is 0.5 %.
    const view = loadViewOf({
      opsTeam: 'T-OPS',
      at: AT,
      timeZone: 'UTC',
      capacity: capacity({ weeklyHours: 3.334 }),
      commitments: [commitment('D-1', 1, '2027-03-03T17:00:00Z')],
      from: '2027-W09',
      weeks: 1,
    });

    expect(view.weeks).toEqual([{ week: '2027-W09', capacityMinutes: 200, scheduledMinutes: 1, utilisationPercent: 1 }]);
  });

  it('given a team with no capacity published, then every week has 0 minutes, no utilisation, and every commitment is at risk', () => {
    const view = loadViewOf({ opsTeam: 'T-NEW', at: AT, timeZone: 'UTC', capacity: null, commitments, from: '2027-W09', weeks: 2 });

    expect(view.weeks).toEqual([
      { week: '2027-W09', capacityMinutes: 0, scheduledMinutes: 0, utilisationPercent: null },
      { week: '2027-W10', capacityMinutes: 0, scheduledMinutes: 0, utilisationPercent: null },
    ]);
    expect(view.commitments.every((scheduled) => scheduled.atRisk && scheduled.finishWeek === null)).toBe(true);
  });
});
