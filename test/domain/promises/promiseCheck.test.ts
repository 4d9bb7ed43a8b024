import { describe, expect, it } from 'vitest';
import { PromiseCheck, checkPromise } from '../../../domain/promises/promiseCheck.ts';
import { AT, capacity, commitment, desk, line, proposal } from './promiseDeskSpec.ts';

/**
 * Capable-to-promise (PROMISES.md): every figure below is recomputed by hand in the comments, the way
 * an outside checker would. T-OPS has 600 minutes a week; W0 is 2027-W09 (Monday 1 March 2027).
 */

const nothingUnplanned = { skus: [], opsTeams: [] };

describe('checkPromise: one team', () => {
  it('given a commitment due after the proposal, when the proposal fits, then it fits but puts that commitment at risk', () => {
    // Proposal (due W10) first: W09 600 + W10 600, finishes W10. D-2 (due W10) then takes W11 and W12: at risk.
    // Earliest honest date: served after D-2, 2400 minutes fill W09..W12, so the end of W12. Load: (1200 + 1200) / 1200.
    const check = checkPromise(proposal({ minutes: 1200 }), desk({ commitmentsOf: { 'T-OPS': [commitment('D-2', 1200, '2027-03-14T17:00:00Z')] } }));

    expect(check).toEqual({
      at: AT,
      fits: true,
      beyondCapacity: true,
      atRisk: ['D-2'],
      earliestDeliverBy: '2027-03-29T00:00:00Z',
      loadPercent: 200,
      unplanned: nothingUnplanned,
      teams: [
        {
          opsTeam: 'T-OPS',
          minutes: 1200,
          fits: true,
          finishWeek: '2027-W10',
          earliestDeliverBy: '2027-03-29T00:00:00Z',
          loadPercent: 200,
          atRisk: ['D-2'],
        },
      ],
    });
    expect(PromiseCheck.parse(check)).toEqual(check);
  });

  it('given a commitment due before the proposal, when they do not both fit, then the proposal does not fit and nobody else is at risk', () => {
    // D-2 (due 10 March) first: W09, W10. The proposal: W11, W12, after the week of its deliver-by (W10).
    const check = checkPromise(proposal({ minutes: 1200 }), desk({ commitmentsOf: { 'T-OPS': [commitment('D-2', 1200, '2027-03-10T17:00:00Z')] } }));

    expect(check).toMatchObject({ fits: false, beyondCapacity: true, atRisk: [], earliestDeliverBy: '2027-03-29T00:00:00Z', loadPercent: 200 });
    expect(check.teams[0]).toMatchObject({ finishWeek: '2027-W12', atRisk: [] });
  });

  it('given a holiday week with no hours, then the work skips it and the earliest date moves a week', () => {
    // W09 600, W10 0 (holiday), W11 600: finishes W11. Load: 1200 / (600 + 0 + 600).
    const onHoliday = desk({ capacities: new Map([['T-OPS', capacity({ weeklyHours: 10, weeks: { '2027-W10': 0 } })]]) });

    const check = checkPromise(proposal({ minutes: 1200, promise: { deliverBy: '2027-03-19T17:00:00Z' } }), onHoliday);

    expect(check.teams[0]).toMatchObject({ fits: true, finishWeek: '2027-W11', earliestDeliverBy: '2027-03-22T00:00:00Z', loadPercent: 100 });
    const withoutHoliday = checkPromise(proposal({ minutes: 1200, promise: { deliverBy: '2027-03-19T17:00:00Z' } }), desk());
    expect(withoutHoliday.teams[0]).toMatchObject({ finishWeek: '2027-W10', earliestDeliverBy: '2027-03-15T00:00:00Z' });
  });

  it('given an overdue commitment, then it is served first and is not counted as put at risk by the proposal', () => {
    // D-LATE (due in February) takes 300 of W09; the proposal 300 + 600 + 300: finishes W11, after W10.
    // Earliest: 1500 minutes by the end of W11. Load: (300 + 1200) / 1200 = 125.
    const check = checkPromise(
      proposal({ minutes: 1200 }),
      desk({ commitmentsOf: { 'T-OPS': [commitment('D-LATE', 300, '2027-02-20T17:00:00Z', '2027-01-10T09:00:00Z')] } }),
    );

    expect(check).toMatchObject({ fits: false, atRisk: [], earliestDeliverBy: '2027-03-22T00:00:00Z', loadPercent: 125 });
    expect(check.teams[0]?.finishWeek).toBe('2027-W11');
  });

  it('given a proposal due at the same instant as a commitment closed after it, then the commitment is still served first', () => {
    // Existing jobs go first on a tie, whatever the closedAt: D-X takes W09, the proposal W10, after its week (W09).
    const check = checkPromise(
      proposal({ minutes: 600, promise: { deliverBy: '2027-03-07T17:00:00Z' } }),
      desk({ commitmentsOf: { 'T-OPS': [commitment('D-X', 600, '2027-03-07T17:00:00Z', '2027-03-05T09:00:00Z')] } }),
    );

    expect(check).toMatchObject({ fits: false, atRisk: [] });
    expect(check.teams[0]?.finishWeek).toBe('2027-W10');
  });

  it('given a requested date that fits easily, then the earliest honest date is earlier than it', () => {
    // Nothing else to do: 1200 minutes finish in W10. Load: 1200 / (9 weeks x 600) = 22.2, so 22.
    const check = checkPromise(proposal({ minutes: 1200, promise: { deliverBy: '2027-04-30T17:00:00Z' } }), desk());

    expect(check).toMatchObject({ fits: true, beyondCapacity: false, atRisk: [], earliestDeliverBy: '2027-03-15T00:00:00Z', loadPercent: 22 });
  });

  it('given a share of exactly one half, then loadPercent rounds half up', () => {
    // 6.667 hours: floor(400.02) = 400 minutes a week, 800 to the deadline week. 3 / 800 = 0.375 %: 0; 4 / 800 = 0.5 %: 1.
    const fourHundred = desk({ capacities: new Map([['T-OPS', capacity({ weeklyHours: 6.667 })]]) });
    // 10 hours less a 10 % reserve: 540 minutes a week, 1080 to the deadline week. 135 / 1080 = 12.5 %: 13.
    const reserved = desk({ capacities: new Map([['T-OPS', capacity({ weeklyHours: 10, reservePercent: 10 })]]) });

    expect(checkPromise(proposal({ minutes: 3 }), fourHundred).loadPercent).toBe(0);
    expect(checkPromise(proposal({ minutes: 4 }), fourHundred).loadPercent).toBe(1);
    expect(checkPromise(proposal({ minutes: 135 }), reserved).loadPercent).toBe(13);
  });

  it('given a team whose capacity is 0 up to the deadline, then its loadPercent is null, not a division by zero', () => {
    const closed = desk({ capacities: new Map([['T-OPS', capacity({ weeklyHours: 10, weeks: { '2027-W09': 0, '2027-W10': 0 } })]]) });

    const check = checkPromise(proposal({ minutes: 600 }), closed);

    expect(check).toMatchObject({ fits: false, loadPercent: null, earliestDeliverBy: '2027-03-22T00:00:00Z' });
  });
});

describe('checkPromise: several teams and unplanned work', () => {
  it('given work for two teams, then it fits only if both do, with the union of what each puts at risk, the latest earliest date and the highest load', () => {
    // T-OPS (600/week): D-O (due 5 Mar) W09, the proposal's 600 W10 (fits), D-O2 (due 14 Mar) W11: at risk.
    //   Earliest: after D-O and D-O2, 1800 minutes by the end of W11. Load: (600 + 600 + 600) / 1200 = 150.
    // T-PAINT (4 hours: 240/week): the proposal's 900 take W09..W12 (180 of it), after W10: does not fit;
    //   D-P (due 20 Mar, W11) then ends in W13: at risk. Earliest: after D-P, 1200 minutes by the end of W13.
    //   Load: 900 / 480 = 187.5, half up 188.
    const twoTeams = desk({
      capacities: new Map([
        ['T-OPS', capacity({ weeklyHours: 10 })],
        ['T-PAINT', capacity({ weeklyHours: 4 })],
      ]),
      commitmentsOf: {
        'T-OPS': [commitment('D-O', 600, '2027-03-05T17:00:00Z'), commitment('D-O2', 600, '2027-03-14T17:00:00Z')],
        'T-PAINT': [commitment('D-P', 300, '2027-03-20T17:00:00Z')],
      },
    });

    const check = checkPromise(proposal({ scope: [line('PAINT-MIN', 900), line('OPS-MIN', 600)] }), twoTeams);

    expect(check).toEqual({
      at: AT,
      fits: false,
      beyondCapacity: true,
      atRisk: ['D-O2', 'D-P'],
      earliestDeliverBy: '2027-04-05T00:00:00Z',
      loadPercent: 188,
      unplanned: nothingUnplanned,
      teams: [
        { opsTeam: 'T-OPS', minutes: 600, fits: true, finishWeek: '2027-W10', earliestDeliverBy: '2027-03-22T00:00:00Z', loadPercent: 150, atRisk: ['D-O2'] },
        { opsTeam: 'T-PAINT', minutes: 900, fits: false, finishWeek: '2027-W12', earliestDeliverBy: '2027-04-05T00:00:00Z', loadPercent: 188, atRisk: ['D-P'] },
      ],
    });
  });

  it('given a SKU not in the catalogue and a team with no capacity published, then both are named as unplanned and add nothing to the schedule', () => {
    const check = checkPromise(proposal({ scope: [line('OPS-MIN', 600), line('MYSTERY', 5), line('WELD-MIN', 100), line('MYSTERY', 1)] }), desk());

    expect(check).toEqual({
      at: AT,
      fits: true,
      beyondCapacity: false,
      atRisk: [],
      earliestDeliverBy: '2027-03-08T00:00:00Z',
      loadPercent: 50,
      unplanned: { skus: ['MYSTERY'], opsTeams: ['T-WELD'] },
      teams: [{ opsTeam: 'T-OPS', minutes: 600, fits: true, finishWeek: '2027-W09', earliestDeliverBy: '2027-03-08T00:00:00Z', loadPercent: 50, atRisk: [] }],
    });
  });

  it('given no planned work at all, then it fits and can be promised at once', () => {
    const check = checkPromise(proposal({ scope: [line('MYSTERY', 5)] }), desk());

    expect(check).toEqual({
      at: AT,
      fits: true,
      beyondCapacity: false,
      atRisk: [],
      earliestDeliverBy: AT,
      loadPercent: null,
      unplanned: { skus: ['MYSTERY'], opsTeams: [] },
      teams: [],
    });
  });

  it('given the proposal itself among the open commitments, then it is not counted twice', () => {
    const again = desk({ commitmentsOf: { 'T-OPS': [commitment('D-NEW', 1200, '2027-03-12T17:00:00Z')] } });

    expect(checkPromise(proposal({ minutes: 1200 }), again)).toEqual(checkPromise(proposal({ minutes: 1200 }), desk()));
  });
});

describe('checkPromise: the horizon of 104 weeks', () => {
  it('given work that fills the horizon to its last minute, then the earliest date is the end of its last week', () => {
    // 104 x 600 minutes: the last minute is in W0 + 103 = 2029-W08, which ends when 2029-W09 starts (26 Feb 2029).
    const check = checkPromise(proposal({ minutes: 104 * 600, promise: { deliverBy: '2029-06-01T17:00:00Z' } }), desk());

    expect(check).toMatchObject({ fits: true, earliestDeliverBy: '2029-02-26T00:00:00Z' });
    expect(check.teams[0]?.finishWeek).toBe('2029-W08');
  });

  it('given one minute more than the horizon holds, then it does not fit, has no finish week and no earliest date', () => {
    // Load: the capacity plan covers the weeks past the horizon too: 2027-W09 .. 2029-W22 is 118 weeks of 600.
    const check = checkPromise(proposal({ minutes: 104 * 600 + 1, promise: { deliverBy: '2029-06-01T17:00:00Z' } }), desk());

    expect(check).toMatchObject({ fits: false, beyondCapacity: true, earliestDeliverBy: null, loadPercent: 88 });
    expect(check.teams[0]).toMatchObject({ finishWeek: null, earliestDeliverBy: null });
  });

  it('given a commitment due beyond the horizon that finishes within it, then the proposal does not put it at risk', () => {
    const far = desk({ commitmentsOf: { 'T-OPS': [commitment('D-FAR', 600, '2030-01-01T17:00:00Z')] } });

    const check = checkPromise(proposal({ minutes: 600 }), far);

    expect(check).toMatchObject({ fits: true, atRisk: [], earliestDeliverBy: '2027-03-08T00:00:00Z', loadPercent: 50 });
  });
});

describe('checkPromise: weeks in the business time zone', () => {
  // Chicago springs forward on Sunday 14 March 2027: W11 starts Monday 15 March 00:00 CDT, 05:00Z.
  const chicago = desk({ timeZone: 'America/Chicago' });
  const mondayInChicago = '2027-03-08T15:00:00Z';

  it('given a deliver-by of Sunday 23:30 local across the DST change, then it is in the week before, though UTC says Monday', () => {
    const check = checkPromise(proposal({ minutes: 1200, closedAt: mondayInChicago, promise: { deliverBy: '2027-03-15T04:30:00Z' } }), chicago);

    expect(check).toMatchObject({ fits: false, earliestDeliverBy: '2027-03-22T00:00:00-05:00' });
    expect(check.teams[0]?.finishWeek).toBe('2027-W11');
    const inUtc = checkPromise(proposal({ minutes: 1200, closedAt: mondayInChicago, promise: { deliverBy: '2027-03-15T04:30:00Z' } }), desk());
    expect(inUtc.fits).toBe(true);
  });

  it('given a deliver-by of Monday 00:00 local, then it is in the new week and the proposal fits', () => {
    const check = checkPromise(proposal({ minutes: 1200, closedAt: mondayInChicago, promise: { deliverBy: '2027-03-15T05:00:00Z' } }), chicago);

    expect(check.fits).toBe(true);
  });

  it('given a week 53 that is a holiday, then the work spills from 2026-W52 into 2027-W01', () => {
    // 2026 has 53 ISO weeks: W52 600, W53 0, 2027-W01 600. Load: 1200 / 1200.
    const overNewYear = desk({ capacities: new Map([['T-OPS', capacity({ weeklyHours: 10, weeks: { '2026-W53': 0 } })]]) });

    const check = checkPromise(
      proposal({ minutes: 1200, closedAt: '2026-12-21T09:00:00Z', promise: { deliverBy: '2027-01-08T17:00:00Z' } }),
      overNewYear,
    );

    expect(check.teams[0]).toMatchObject({ fits: true, finishWeek: '2027-W01', earliestDeliverBy: '2027-01-11T00:00:00Z', loadPercent: 100 });
  });
});
