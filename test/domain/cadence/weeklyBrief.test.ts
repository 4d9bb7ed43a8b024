import { describe, expect, it } from 'vitest';
import { weekFactsOfDeal, type WeekFact } from '../../../domain/cadence/weekFact.ts';
import { WeeklyBrief, weeklyBriefOf, type WeeklyBriefFacts } from '../../../domain/cadence/weeklyBrief.ts';
import type { DealEvent, DealEventOf } from '../../../domain/deal/events.ts';
import { escalationDecider, type Escalation } from '../../../domain/promises/escalationDecider.ts';
import type { PromiseDeskEvent } from '../../../domain/promises/events.ts';
import { dealAfter, delivered, handedOff, npsRecorded, promiseRevised, SOLD_SCOPE } from '../dealSpec.ts';
import { closedUnder, escalationDecided, escalationOpened, escalationRaised } from '../scorecardEngagementSpec.ts';

/*
 * The brief of 2027-W10 (Mon 8 Mar .. Sun 14 Mar 2027; UTC unless a spec says otherwise): each
 * section from the facts the projector files under the week, the open escalations, the ops teams'
 * load and the sellers' forecasts. The week ends at 2027-03-15T00:00Z; the next month is April.
 */

const WEEK = '2027-W10';
const WEEK_END = '2027-03-15T00:00:00Z';

const given = (facts: Partial<WeeklyBriefFacts> = {}) => ({
  brief: (): WeeklyBrief => {
    const input: WeeklyBriefFacts = {
      week: WEEK,
      timeZone: 'UTC',
      preparedAt: '2027-03-15T06:00:00.000Z',
      facts: [],
      escalations: [],
      opsTeams: [],
      sellers: [],
      forecasts: [],
      ...facts,
    };
    const brief = weeklyBriefOf(input);
    // Every brief is what the API promises: the schema the stored JSON is read back with.
    expect(WeeklyBrief.parse(brief)).toEqual(brief);
    return brief;
  },
});

/** The facts a deal, told by its events, files under the brief's week (and only those). */
const factsOfWeek = (events: DealEvent[], timeZone = 'UTC', week = WEEK): WeekFact[] =>
  weekFactsOfDeal(dealAfter(events), timeZone)
    .filter((filed) => filed.week === week)
    .map((filed) => filed.fact);

const closedIn = (dealId: string, engagement: Parameters<typeof closedUnder>[0], closedAt: string, amount = 1_000_000, currency = 'USD') => {
  const closed = closedUnder(engagement, { dealId, closedAt, deliverBy: '2027-04-01T17:00:00Z' });
  return { ...closed, data: { ...closed.data, value: { amount, currency } } };
};

const escalation = (events: PromiseDeskEvent[]): Escalation => events.reduce(escalationDecider.evolve, escalationDecider.initialState())!;

describe('the weekly brief: closes of the week by engagement class', () => {
  it('given closes in every class, in two currencies, and one the week before, when the brief is made, then each class lists its deals in close order with its count and a sum per currency', () => {
    const facts = [
      ...factsOfWeek([closedIn('D-3', 'within-rules', '2027-03-10T09:00:00Z', 250_000)]),
      ...factsOfWeek([closedIn('D-1', 'within-rules', '2027-03-08T09:00:00Z')]),
      ...factsOfWeek([closedIn('D-2', 'within-rules', '2027-03-09T09:00:00Z', 90_000, 'EUR')]),
      ...factsOfWeek([closedIn('D-4', 'approved', '2027-03-11T09:00:00Z')]),
      ...factsOfWeek([closedIn('D-5', 'outside-rules', '2027-03-14T23:59:59Z')]),
      ...factsOfWeek([closedIn('D-6', null, '2027-03-12T09:00:00Z')]),
      ...factsOfWeek([closedIn('D-0', 'within-rules', '2027-03-07T23:59:59Z')]),
    ];

    const { closes, summary } = given({ facts }).brief();

    expect(closes.map((c) => [c.class, c.count, c.deals.map((deal) => deal.dealId), c.value])).toEqual([
      ['within-rules', 3, ['D-1', 'D-2', 'D-3'], [{ amount: 90_000, currency: 'EUR' }, { amount: 1_250_000, currency: 'USD' }]],
      ['approved', 1, ['D-4'], [{ amount: 1_000_000, currency: 'USD' }]],
      ['outside-rules', 1, ['D-5'], [{ amount: 1_000_000, currency: 'USD' }]],
      ['unclassified', 1, ['D-6'], [{ amount: 1_000_000, currency: 'USD' }]],
    ]);
    expect(closes[0]!.deals[0]).toEqual({
      dealId: 'D-1',
      customer: { id: 'C-7', name: 'Acme Paving' },
      sellerId: 'P-SALES-1',
      salesTeam: 'T-SALES',
      value: { amount: 1_000_000, currency: 'USD' },
      closedAt: '2027-03-08T09:00:00Z',
      deliverBy: '2027-04-01T17:00:00Z',
    });
    expect(summary.sales.closes).toBe(6);
  });
});

describe('the weekly brief: deliveries of the week, kept and missed, with why', () => {
  const DUE = '2027-03-10T17:00:00Z';
  const deal = (dealId: string, ...after: DealEvent[]): DealEvent[] => [
    closedUnder('within-rules', { dealId, closedAt: '2027-03-01T09:00:00Z', deliverBy: DUE }),
    handedOff('2027-03-02T09:00:00Z'),
    ...after,
  ];

  it('given one delivery on time and as sold, one 26.5 hours late, one short and one late after an internal revision, when the brief is made, then the missed ones say by how long and by what', () => {
    const facts = [
      ...factsOfWeek(deal('D-KEPT', delivered('2027-03-10T16:00:00Z'))),
      ...factsOfWeek(deal('D-LATE', delivered('2027-03-11T19:30:00Z'))),
      ...factsOfWeek(
        deal('D-SHORT', delivered('2027-03-09T12:00:00Z', [{ sku: 'SEALCOAT-SQFT', quantity: 10_000 }, SOLD_SCOPE[1]!])),
      ),
      // An internal revision moves the date operations works to, not the one the promise is judged by.
      ...factsOfWeek(deal('D-INTERNAL', promiseRevised('2027-03-05T09:00:00Z', '2027-03-12T17:00:00Z', 'ops'), delivered('2027-03-12T16:00:00Z'))),
    ];

    const { deliveries, summary } = given({ facts }).brief();

    expect(deliveries.kept.map((d) => d.dealId)).toEqual(['D-KEPT']);
    expect(deliveries.kept[0]!.why).toEqual([]);
    expect(deliveries.missed.map((d) => [d.dealId, d.why])).toEqual([
      ['D-SHORT', ['short 2000 SEALCOAT-SQFT (12000 promised, 10000 delivered)']],
      ['D-LATE', ['late by 1 d 2.5 h (26.5 h)']],
      ['D-INTERNAL', ['late by 1 d 23 h (47 h)']],
    ]);
    expect(deliveries.missed[1]).toMatchObject({ opsTeam: 'T-OPS', deliverBy: DUE, onTime: false, asSold: true, lateByHours: 26.5, scopeDifferences: [] });
    expect(summary.operations).toMatchObject({ kept: 1, missed: 3 });
  });

  it('given a delivery in the week that was later refunded, when the brief is made, then it is not listed (a cancelled deal leaves the rates)', () => {
    const refunded = deal('D-REFUNDED', delivered('2027-03-10T16:00:00Z'), {
      type: 'DealCancelled',
      occurredAt: '2027-03-13T10:00:00Z',
      data: { reason: 'Refunded' },
    });

    const { deliveries } = given({ facts: factsOfWeek(refunded) }).brief();

    expect(deliveries).toEqual({ kept: [], missed: [] });
  });
});

describe('the weekly brief: handoffs returned and their gaps', () => {
  it('given a handoff returned in the week with two gaps and a note, handed off again and returned again, when the brief is made, then both returns are listed in order with their gaps', () => {
    const returned = (at: string, gaps: DealEventOf<'HandoffReturned'>['data']['gaps'], note?: string): DealEventOf<'HandoffReturned'> => ({
      type: 'HandoffReturned',
      occurredAt: at,
      data: { gaps, ...(note ? { note } : {}) },
    });
    const events: DealEvent[] = [
      closedUnder('within-rules', { dealId: 'D-R', closedAt: '2027-03-01T09:00:00Z', deliverBy: '2027-04-01T17:00:00Z' }),
      handedOff('2027-03-05T09:00:00Z'),
      returned('2027-03-08T10:00:00Z', ['scopeDocumented', 'customerContact'], 'No site plan, no phone number'),
      handedOff('2027-03-09T09:00:00Z'),
      returned('2027-03-10T10:00:00Z', ['other']),
    ];

    const { handoffsReturned, summary } = given({ facts: factsOfWeek(events) }).brief();

    expect(handoffsReturned).toEqual([
      {
        dealId: 'D-R',
        customer: { id: 'C-7', name: 'Acme Paving' },
        sellerId: 'P-SALES-1',
        salesTeam: 'T-SALES',
        opsTeam: 'T-OPS',
        returnedAt: '2027-03-08T10:00:00Z',
        gaps: ['scopeDocumented', 'customerContact'],
        note: 'No site plan, no phone number',
      },
      expect.objectContaining({ returnedAt: '2027-03-10T10:00:00Z', gaps: ['other'], note: null }),
    ]);
    expect(summary.operations.handoffsReturned).toBe(2);
  });
});

describe('the weekly brief: escalations open past their due time', () => {
  it('given open escalations due before and after the week ends and a decided one, when the brief is made, then only the open ones past due are listed, longest waiting first, at the level they stand at the week end', () => {
    const waiting = escalation([escalationOpened('E-OLD', '2027-03-10T09:00:00Z'), escalationRaised('E-OLD', '2027-03-11T09:00:00Z', 1, 2)]);
    const justDue = escalation([escalationOpened('E-NEW', '2027-03-13T09:00:00Z')]);
    const notDueYet = escalation([escalationOpened('E-FRESH', '2027-03-14T09:00:00Z')]);
    const decided = escalation([escalationOpened('E-DONE', '2027-03-08T09:00:00Z'), escalationDecided('E-DONE', '2027-03-12T09:00:00Z', 'approved', 3)]);

    const { escalationsOverdue, summary } = given({ escalations: [justDue, notDueYet, decided, waiting] }).brief();

    expect(escalationsOverdue).toEqual([
      {
        escalationId: 'E-OLD',
        dealId: 'D-E-OLD',
        customer: 'Acme Paving',
        sellerId: 'P-SELLER',
        salesTeam: 'T-SALES',
        openedAt: '2027-03-10T09:00:00Z',
        firstDueBy: '2027-03-11T09:00:00.000Z',
        // Due 11 Mar at level 1, risen to 2 (due 13 Mar), then to 3 (due 16 Mar): the owner's now.
        level: 3,
        dueBy: '2027-03-16T09:00:00.000Z',
        overdueHours: 87,
      },
      // Due 14 Mar at level 1, so at level 2 by the week end, due 48 hours later.
      expect.objectContaining({ escalationId: 'E-NEW', firstDueBy: '2027-03-14T09:00:00.000Z', level: 2, dueBy: '2027-03-16T09:00:00.000Z', overdueHours: 15 }),
    ]);
    expect(summary.both.escalationsOverdue).toBe(2);
  });

  it('given a brief published days late, when an escalation overdue at the week end was decided after it and another opened after it, then the first is listed as it stood and the second is not', () => {
    const decidedLater = escalation([escalationOpened('E-LATE', '2027-03-10T09:00:00Z'), escalationDecided('E-LATE', '2027-03-16T09:00:00Z', 'approved', 3)]);
    const openedLater = escalation([escalationOpened('E-AFTER', '2027-03-15T09:00:00Z')]);

    const { escalationsOverdue } = given({ escalations: [decidedLater, openedLater] }).brief();

    expect(escalationsOverdue).toEqual([expect.objectContaining({ escalationId: 'E-LATE', firstDueBy: '2027-03-11T09:00:00.000Z', level: 3, overdueHours: 87 })]);
  });
});

describe("the weekly brief: each ops team's next 4 weeks", () => {
  it('given a team of 40 hours a week carrying 3,000 minutes due in its first week and one without capacity, when the brief is made, then each shows W11..W14 with capacity, scheduled and the commitments at risk', () => {
    const commitment = (dealId: string, minutes: number, deliverBy: string) => ({ dealId, minutes, deliverBy, closedAt: '2027-03-01T09:00:00Z' });
    const opsTeams = [
      { opsTeam: 'T-ROOF', capacity: null, commitments: [commitment('D-ROOF', 60, '2027-03-19T17:00:00Z')] },
      {
        opsTeam: 'T-OPS',
        capacity: { weeklyHours: 40, weeks: { '2027-W12': 20 }, reservePercent: 0 },
        commitments: [commitment('D-BIG', 3_000, '2027-03-19T17:00:00Z'), commitment('D-LATER', 600, '2027-04-09T17:00:00Z')],
      },
    ];

    const brief = given({ opsTeams }).brief();

    expect(brief.opsTeams.map((team) => team.opsTeam)).toEqual(['T-OPS', 'T-ROOF']);
    const [ops, roof] = brief.opsTeams;
    expect(ops!.weeks.map((w) => [w.week, w.capacityMinutes, w.scheduledMinutes])).toEqual([
      ['2027-W11', 2_400, 2_400],
      ['2027-W12', 1_200, 1_200],
      ['2027-W13', 2_400, 0],
      ['2027-W14', 2_400, 0],
    ]);
    expect(ops!.atRisk).toEqual([{ dealId: 'D-BIG', deliverBy: '2027-03-19T17:00:00Z', minutes: 3_000, finishWeek: '2027-W12' }]);
    expect(roof).toMatchObject({ capacityPublished: false, atRisk: [{ dealId: 'D-ROOF', finishWeek: null }] });
    expect(brief.summary.operations.teamsOverCapacity).toBe(2);
  });

  it('given a brief published days after its week, when a deal closed after the week ended is open, then the outlook leaves it out (it was not a commitment at the week end)', () => {
    const commitment = (dealId: string, closedAt: string) => ({ dealId, minutes: 3_000, deliverBy: '2027-03-19T17:00:00Z', closedAt });
    const opsTeams = [
      {
        opsTeam: 'T-OPS',
        capacity: { weeklyHours: 40, weeks: {}, reservePercent: 0 },
        commitments: [commitment('D-BEFORE', '2027-03-14T23:59:59Z'), commitment('D-AFTER', WEEK_END)],
      },
    ];

    const brief = given({ opsTeams }).brief();

    expect(brief.opsTeams[0]!.weeks[0]!.scheduledMinutes).toBe(2_400);
    expect(brief.opsTeams[0]!.atRisk.map((late) => late.dealId)).toEqual(['D-BEFORE']);
  });
});

describe('the weekly brief: forecast calls due for next month and who has not called', () => {
  it('given three sellers, one who forecast April twice, one only after the week ended and one never, when the brief is made, then the latest call by the week end counts and two have not called', () => {
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    const brief = given({
      sellers: [
        { sellerId: 'P-2', salesTeam: 'T-WEST' },
        { sellerId: 'P-1', salesTeam: 'T-EAST' },
        { sellerId: 'P-1', salesTeam: 'T-EAST' },
        { sellerId: 'P-3', salesTeam: 'T-EAST' },
        { sellerId: 'P-3', salesTeam: 'T-WEST' },
      ],
      forecasts: [
        { personId: 'P-1', month: '2027-04', commit: usd(5_000_000), at: '2027-03-09T10:00:00Z' },
        { personId: 'P-1', month: '2027-04', commit: usd(4_000_000), at: '2027-03-12T10:00:00Z' },
        { personId: 'P-1', month: '2027-05', commit: usd(9_000_000), at: '2027-03-13T10:00:00Z' },
        { personId: 'P-2', month: '2027-04', commit: usd(1_000_000), at: WEEK_END },
      ],
    }).brief();

    expect(brief.forecasts).toEqual({
      month: '2027-04',
      dueBy: '2027-04-01T00:00:00Z',
      called: [{ personId: 'P-1', salesTeams: ['T-EAST'], commit: usd(4_000_000), at: '2027-03-12T10:00:00Z' }],
      notCalled: [
        { personId: 'P-2', salesTeams: ['T-WEST'] },
        { personId: 'P-3', salesTeams: ['T-EAST', 'T-WEST'] },
      ],
    });
    expect(brief.summary.sales.forecastsMissing).toBe(2);
  });

  it('given a seller whose first close came after the week, and one who sold for a second team only after it, when a late brief of that week is made, then neither is asked for a call the week did not know of', () => {
    const brief = given({
      sellers: [
        { sellerId: 'P-1', salesTeam: 'T-EAST', closedAt: '2027-03-10T09:00:00Z' },
        { sellerId: 'P-1', salesTeam: 'T-WEST', closedAt: WEEK_END },
        { sellerId: 'P-NEW', salesTeam: 'T-EAST', closedAt: '2027-03-20T09:00:00Z' },
        // Projected before documents kept the close: known all along, as before.
        { sellerId: 'P-OLD', salesTeam: 'T-WEST' },
      ],
    }).brief();

    expect(brief.forecasts.notCalled).toEqual([
      { personId: 'P-1', salesTeams: ['T-EAST'] },
      { personId: 'P-OLD', salesTeams: ['T-WEST'] },
    ]);
    expect(brief.summary.sales.forecastsMissing).toBe(2);
  });

  it('given the business zone is America/Chicago, when the brief of the week ending on 1 March is made, then the call due is for April, due at midnight Chicago time', () => {
    const brief = weeklyBriefOf({
      week: '2027-W08',
      timeZone: 'America/Chicago',
      preparedAt: '2027-03-01T12:00:00Z',
      facts: [],
      escalations: [],
      opsTeams: [],
      sellers: [],
      forecasts: [],
    });

    expect(brief.forecasts).toMatchObject({ month: '2027-04', dueBy: '2027-04-01T00:00:00-05:00' });
    expect([brief.from, brief.to]).toEqual(['2027-02-22T00:00:00-06:00', '2027-03-01T00:00:00-06:00']);
  });
});

describe('the weekly brief: NPS answers of the week, detractors first', () => {
  it('given a promoter, a passive and two detractors with comments, when the brief is made, then the detractors come first, lowest score first, each with its comment', () => {
    const answer = (respondedAt: string, score: number, responseId: string, comment?: string): DealEventOf<'NpsResponseRecorded'> => {
      const event = npsRecorded(respondedAt, score, responseId);
      return { ...event, data: { ...event.data, ...(comment ? { comment } : {}) } };
    };
    const events: DealEvent[] = [
      closedUnder('within-rules', { closedAt: '2027-02-01T09:00:00Z', deliverBy: '2027-02-20T17:00:00Z' }),
      answer('2027-03-08T09:00:00Z', 10, 'r-1', 'Spotless'),
      answer('2027-03-09T09:00:00Z', 6, 'r-2', 'Late by a day'),
      answer('2027-03-10T09:00:00Z', 2, 'r-3', 'Never called back'),
      answer('2027-03-11T09:00:00Z', 8, 'r-4'),
      answer('2027-03-01T09:00:00Z', 0, 'r-0', 'the week before'),
    ];

    const { nps, summary } = given({ facts: factsOfWeek(events) }).brief();

    expect(nps.map((a) => [a.score, a.category, a.comment])).toEqual([
      [2, 'detractor', 'Never called back'],
      [6, 'detractor', 'Late by a day'],
      [8, 'passive', null],
      [10, 'promoter', 'Spotless'],
    ]);
    expect(nps[0]).toMatchObject({ dealId: 'D-1001', customer: { name: 'Acme Paving' }, respondedAt: '2027-03-10T09:00:00Z' });
    expect(summary.both).toMatchObject({ npsAnswers: 4, detractors: 2 });
  });
});

describe('the week a fact is filed under', () => {
  it('given a close at 23:30 on Sunday 14 March in New York (04:30 UTC on Monday), when its facts are filed, then it belongs to 2027-W10, the week of its wall clock', () => {
    const facts = weekFactsOfDeal(dealAfter([closedIn('D-NY', 'within-rules', '2027-03-15T03:30:00Z')]), 'America/New_York');

    expect(facts.map((f) => [f.week, f.factId])).toEqual([['2027-W10', 'close|D-NY']]);
  });

  it('given a delivery on Friday 1 January 2027, when its facts are filed, then it belongs to 2026-W53, the last week of a 53-week year', () => {
    const facts = weekFactsOfDeal(
      dealAfter([
        closedUnder('within-rules', { dealId: 'D-53', closedAt: '2026-12-01T09:00:00Z', deliverBy: '2027-01-05T17:00:00Z' }),
        handedOff('2026-12-02T09:00:00Z'),
        delivered('2027-01-01T12:00:00Z'),
      ]),
      'UTC',
    );

    expect(facts.map((f) => [f.week, f.factId])).toEqual([
      ['2026-W49', 'close|D-53'],
      ['2026-W53', 'delivery|D-53'],
    ]);
  });
});
