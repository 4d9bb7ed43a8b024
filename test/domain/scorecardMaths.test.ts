import { describe, expect, it } from 'vitest';
import type { DealEvent, DealEventOf } from '../../domain/deal/events.ts';
import { contributionsOf, type CommitmentLedger, type Contributions, type MonthCounts } from '../../domain/scorecard/contributions.ts';
import { dimensionsOf, type Dimension } from '../../domain/scorecard/dimensions.ts';
import { netPromoterScore } from '../../domain/scorecard/nps.ts';
import { medianOfHistogram, readScorecard } from '../../domain/scorecard/scorecard.ts';
import { cancelled, dealAfter, dealClosed, delivered, handedOff, npsRecorded, promiseRevised } from './dealSpec.ts';

/**
 * Scorecard maths: NPS, medians, reading a scorecard from its counts, and what one deal contributes
 * to each month's counts and to the open-commitment ledger. Every expected number below is
 * worked out by hand from the sample deal in dealSpec.ts: closed 2026-10-02T15:00Z by P-SALES-1
 * (T-SALES) for 1 250 000 USD, handed off to P-OPS-1 (T-OPS) with 3 of 4 checklist items true,
 * delivered by P-OPS-1.
 */

describe('netPromoterScore', () => {
  const nps = (promoters: number, passives: number, detractors: number) => netPromoterScore({ promoters, passives, detractors });

  it.each([
    // promoters, passives, detractors, score
    [3, 0, 0, 100],
    [0, 0, 4, -100],
    [1, 2, 0, 33], // 33.33
    [2, 0, 1, 33], // 66.67 - 33.33 = 33.33
    [2, 1, 0, 67], // 66.67
    [0, 1, 2, -67], // -66.67
    [1, 1, 1, 0],
    [1, 1, 0, 50],
    [0, 1, 1, -50],
    [1, 7, 0, 13], // 12.5: half rounds away from zero
    [0, 7, 1, -13], // -12.5: half rounds away from zero
    [1, 199, 0, 1], // 0.5
    [0, 199, 1, -1], // -0.5
    [0, 0, 0, null],
  ])('given %i promoters, %i passives, %i detractors, then %s', (promoters, passives, detractors, score) => {
    expect(nps(promoters, passives, detractors)).toBe(score);
  });

  it('given a score that rounds to zero from below (-0.4), then 0, not -0', () => {
    expect(Object.is(nps(0, 249, 1), 0)).toBe(true);
    expect(Object.is(nps(1, 0, 1), 0)).toBe(true);
  });
});

describe('medianOfHistogram', () => {
  const histogram = (entries: [number, number][]) => new Map(entries);

  it('given an odd number of values, then the middle one', () => {
    // 10, 20, 20, 30, 90
    expect(medianOfHistogram(histogram([[90, 1], [20, 2], [10, 1], [30, 1]]))).toBe(20);
  });

  it('given an even number of values, then the mean of the two middle ones', () => {
    // 10, 25, 40, 90
    expect(medianOfHistogram(histogram([[40, 1], [10, 1], [90, 1], [25, 1]]))).toBe(32.5);
  });

  it('given an even number of values whose middle pair falls in one bin, then that value', () => {
    // 5, 7, 7, 7, 7, 100
    expect(medianOfHistogram(histogram([[7, 4], [5, 1], [100, 1]]))).toBe(7);
  });

  it('given one value, then that value', () => {
    expect(medianOfHistogram(histogram([[240, 1]]))).toBe(240);
  });

  it('given an empty histogram, then null', () => {
    expect(medianOfHistogram(histogram([]))).toBeNull();
  });

  it('given only zero counts, then null', () => {
    expect(medianOfHistogram(histogram([[10, 0], [20, 0]]))).toBeNull();
  });

  it('given zero and negative counts beside real ones (a value whose deal moved away), then they are ignored', () => {
    // 10, 60 (the 30 bin and the 40 bin hold nothing)
    expect(medianOfHistogram(histogram([[30, 0], [10, 1], [40, 0], [60, 1]]))).toBe(35);
    expect(medianOfHistogram(histogram([[30, -1], [10, 1], [60, 1], [70, 1]]))).toBe(60);
  });
});

/** The engagement section of a month with no close under the rules and no escalation. */
const NO_ENGAGEMENT = {
  withinRules: 0,
  approved: 0,
  outsideRules: 0,
  promiseKeptRate: { withinRules: null, approved: null, outsideRules: null },
  escalations: { opened: 0, approved: 0, rejected: 0, raised: 0, decidedByOwner: 0, medianHoursToDecision: null },
};

describe('readScorecard', () => {
  const empty = (month: string) => ({
    month,
    dimension: 'org',
    deals: { closed: 0, revenueClosed: { amount: 0, currency: 'USD' }, cancelled: 0 },
    delivery: { delivered: 0, onTime: 0, asSold: 0, promiseKept: 0, onTimeRate: null, asSoldRate: null, promiseKeptRate: null },
    handoff: { count: 0, averageCompleteness: null, medianHoursToHandoff: null, returned: 0, firstTimeRight: null },
    nps: { responses: 0, promoters: 0, passives: 0, detractors: 0, score: null },
    openCommitments: { count: 0, dueNext30Days: 0, value: { amount: 0, currency: 'USD' } },
    engagement: NO_ENGAGEMENT,
  });

  it('given nothing stored, then zeros and every rate, average, median and score null', () => {
    expect(readScorecard({ month: '2026-10', dimension: 'org', counts: {}, ledger: {}, currency: 'USD' })).toEqual(empty('2026-10'));
  });

  it('given deals closed but nothing delivered, then the delivery rates are null (not 0)', () => {
    const card = readScorecard({
      month: '2026-10',
      dimension: 'org',
      counts: { closed: 2, revenue: { USD: 300 }, delivered: 0, onTime: 0 },
      ledger: {},
      currency: 'USD',
    });
    expect(card.delivery).toEqual({
      delivered: 0,
      onTime: 0,
      asSold: 0,
      promiseKept: 0,
      onTimeRate: null,
      asSoldRate: null,
      promiseKeptRate: null,
    });
    expect(card.deals).toEqual({ closed: 2, revenueClosed: { amount: 300, currency: 'USD' }, cancelled: 0 });
  });

  it('given a full bucket, then counts, rates, completeness, median lag and NPS as worked out by hand', () => {
    const counts: MonthCounts = {
      closed: 3,
      revenue: { USD: 4_500_000 },
      cancelled: 1,
      delivered: 4,
      onTime: 3,
      asSold: 2,
      promiseKept: 1,
      handoffs: 3,
      checklistTrue: 10, // of 3 x 4 = 12
      handoffLags: {
        240: 1, // 24.0 h
        65: 1, // 6.5 h
        375: 1, // 37.5 h
      },
      promoters: 2,
      passives: 1,
      detractors: 1,
      dueNext30Days: 2,
    };
    expect(readScorecard({ month: '2026-11', dimension: 'team:T-A', counts, ledger: {}, currency: 'USD' })).toEqual({
      month: '2026-11',
      dimension: 'team:T-A',
      deals: { closed: 3, revenueClosed: { amount: 4_500_000, currency: 'USD' }, cancelled: 1 },
      delivery: { delivered: 4, onTime: 3, asSold: 2, promiseKept: 1, onTimeRate: 0.75, asSoldRate: 0.5, promiseKeptRate: 0.25 },
      handoff: { count: 3, averageCompleteness: 10 / 12, medianHoursToHandoff: 24, returned: 0, firstTimeRight: 1 },
      nps: { responses: 4, promoters: 2, passives: 1, detractors: 1, score: 25 },
      openCommitments: { count: 0, dueNext30Days: 2, value: { amount: 0, currency: 'USD' } },
      engagement: NO_ENGAGEMENT,
    });
  });

  it('given an even number of handoff lags, then the median is their mean in hours, to the tenth', () => {
    const card = readScorecard({
      month: '2026-10',
      dimension: 'org',
      counts: { handoffs: 2, checklistTrue: 8, handoffLags: { 60: 1, 245: 1 } },
      ledger: {},
      currency: 'USD',
    });
    expect(card.handoff).toEqual({ count: 2, averageCompleteness: 1, medianHoursToHandoff: 15.25, returned: 0, firstTimeRight: 1 });
  });

  it('given ledger changes in months before, in and after the month asked, then only those up to the month are summed', () => {
    const ledger: CommitmentLedger = {
      open: { '2026-09': 2, '2026-10': 3, '2026-11': -4, '2026-12': 7 },
      openValue: { '2026-09': { USD: 2_000 }, '2026-10': { USD: 30_000 }, '2026-11': { USD: -31_000 }, '2026-12': { USD: 700_000 } },
    };
    const read = (month: string) => readScorecard({ month, dimension: 'org', counts: {}, ledger, currency: 'USD' }).openCommitments;
    expect(read('2026-08')).toEqual({ count: 0, dueNext30Days: 0, value: { amount: 0, currency: 'USD' } });
    expect(read('2026-09')).toEqual({ count: 2, dueNext30Days: 0, value: { amount: 2_000, currency: 'USD' } });
    expect(read('2026-10')).toEqual({ count: 5, dueNext30Days: 0, value: { amount: 32_000, currency: 'USD' } });
    expect(read('2026-11')).toEqual({ count: 1, dueNext30Days: 0, value: { amount: 1_000, currency: 'USD' } });
    expect(read('2027-03')).toEqual({ count: 8, dueNext30Days: 0, value: { amount: 701_000, currency: 'USD' } });
  });

  it('given revenue and open value in two currencies, then money is the reporting currency only (counts include every deal)', () => {
    const card = readScorecard({
      month: '2026-10',
      dimension: 'org',
      counts: { closed: 2, revenue: { USD: 100_000, EUR: 70_000 } },
      ledger: { open: { '2026-10': 2 }, openValue: { '2026-10': { USD: 100_000, EUR: 70_000 } } },
      currency: 'USD',
    });
    expect(card.deals.revenueClosed).toEqual({ amount: 100_000, currency: 'USD' });
    expect(card.openCommitments).toEqual({ count: 2, dueNext30Days: 0, value: { amount: 100_000, currency: 'USD' } });

    const inEuros = readScorecard({
      month: '2026-10',
      dimension: 'org',
      counts: { closed: 2, revenue: { USD: 100_000, EUR: 70_000 } },
      ledger: { open: { '2026-10': 2 }, openValue: { '2026-10': { USD: 100_000, EUR: 70_000 } } },
      currency: 'EUR',
    });
    expect(inEuros.deals.revenueClosed).toEqual({ amount: 70_000, currency: 'EUR' });
    expect(inEuros.openCommitments.value).toEqual({ amount: 70_000, currency: 'EUR' });
  });
});

// ---------------------------------------------------------------------------------------------
// contributionsOf

const SALES_DIMENSIONS: Dimension[] = ['org', 'person:P-SALES-1', 'team:T-SALES'];
const JOINT_DIMENSIONS: Dimension[] = [...SALES_DIMENSIONS, 'person:P-OPS-1', 'team:T-OPS'];

/** The same counts on every listed dimension, as contributionsOf spreads a deal over its dimensions. */
const onEvery = (dimensions: readonly Dimension[], items: { buckets?: Record<string, MonthCounts>; ledger?: CommitmentLedger }): Contributions => ({
  dimensions: [...dimensions],
  months: items.buckets ?? {},
  ledger: items.ledger ?? {},
});

/** The organisation's counts of a month, as the org scorecard would get them. */
const orgMonth = (contributions: Contributions, month: string): MonthCounts | undefined =>
  contributions.dimensions.includes('org') ? contributions.months[month] : undefined;

/** A deal open at the end of `opened` and resolved in `resolved`, as the ledger records it. */
const openFromTo = (amount: number, opened: string, resolved?: string): CommitmentLedger => ({
  open: { [opened]: 1, ...(resolved ? { [resolved]: -1 } : {}) },
  openValue: { [opened]: { USD: amount }, ...(resolved ? { [resolved]: { USD: -amount } } : {}) },
});

const contributionsAfter = (events: DealEvent[], timeZone = 'UTC') => contributionsOf(dealAfter(events), timeZone);

const CLOSED: MonthCounts = { closed: 1, revenue: { USD: 1_250_000 } };
// Handed off 2026-10-03T09:00Z, 18 h after the close at 2026-10-02T15:00Z; 3 of 4 checklist items true.
const HANDOFF: MonthCounts = { handoffs: 1, checklistTrue: 3, handoffLags: { 180: 1 } };
const KEPT: MonthCounts = { delivered: 1, onTime: 1, asSold: 1, promiseKept: 1 };

describe('contributionsOf', () => {
  it('given a deal only closed, due before the month ends, then closed and revenue in its month and open from that month on', () => {
    // Promised for 2026-10-20T17:00Z: before the end of October, so not "due in the next 30 days" at any month's end.
    expect(contributionsAfter([dealClosed()])).toEqual(
      onEvery(SALES_DIMENSIONS, {
        buckets: { '2026-10': CLOSED },
        ledger: openFromTo(1_250_000, '2026-10'),
      }),
    );
  });

  it('given a deal closed in October and delivered on time in November, then +1 open in October and -1 in November on the ledger', () => {
    const events = [
      dealClosed({ deliverBy: '2026-11-10T17:00:00Z' }),
      handedOff('2026-10-03T09:00:00Z'),
      delivered('2026-11-05T10:00:00Z'),
    ];
    expect(contributionsAfter(events)).toEqual(
      onEvery(JOINT_DIMENSIONS, {
        buckets: {
          // Open at the end of October (2026-11-01T00:00Z) with its deadline 2026-11-10 within 30 days after it.
          '2026-10': { ...CLOSED, ...HANDOFF, dueNext30Days: 1 },
          '2026-11': KEPT,
        },
        ledger: openFromTo(1_250_000, '2026-10', '2026-11'),
      }),
    );
  });

  it('given a deal closed and delivered in the same month, then no ledger entries at all', () => {
    const events = [dealClosed(), handedOff('2026-10-03T09:00:00Z'), delivered('2026-10-19T16:00:00Z')];
    expect(contributionsAfter(events)).toEqual(
      onEvery(JOINT_DIMENSIONS, { buckets: { '2026-10': { ...CLOSED, ...HANDOFF, ...KEPT } } }),
    );
  });

  it('given a late delivery short of scope, then delivered counts and the failed measures are left out (not stored as 0)', () => {
    const events = [
      dealClosed(),
      handedOff('2026-10-03T09:00:00Z'),
      delivered('2026-10-21T17:00:00Z', [{ sku: 'SEALCOAT-SQFT', description: 'Sealcoat lot A', quantity: 12000 }]),
    ];
    expect(contributionsAfter(events)).toEqual(
      onEvery(JOINT_DIMENSIONS, { buckets: { '2026-10': { ...CLOSED, ...HANDOFF, delivered: 1 } } }),
    );
  });

  it('given a cancellation (a refund) in November after an October delivery, then no delivery counters anywhere and cancelled in November', () => {
    const events = [
      dealClosed(),
      handedOff('2026-10-03T09:00:00Z'),
      delivered('2026-10-19T16:00:00Z'),
      cancelled('2026-11-04T10:00:00Z', 'refund'),
    ];
    expect(contributionsAfter(events)).toEqual(
      onEvery(JOINT_DIMENSIONS, {
        // Resolved (delivered) in the month it closed: never open at a month's end, so no ledger.
        buckets: { '2026-10': { ...CLOSED, ...HANDOFF }, '2026-11': { cancelled: 1 } },
      }),
    );
  });

  it('given a cancellation in November before any delivery, then open at the end of October only', () => {
    const events = [dealClosed({ deliverBy: '2026-11-20T17:00:00Z' }), cancelled('2026-11-04T10:00:00Z')];
    expect(contributionsAfter(events)).toEqual(
      onEvery(SALES_DIMENSIONS, {
        buckets: { '2026-10': { ...CLOSED, dueNext30Days: 1 }, '2026-11': { cancelled: 1 } },
        ledger: openFromTo(1_250_000, '2026-10', '2026-11'),
      }),
    );
  });

  it('given NPS answers in two months, then each counts in the month it was given', () => {
    const events = [
      dealClosed(),
      npsRecorded('2026-10-25T10:00:00Z', 10, 'R-1'),
      npsRecorded('2026-11-02T10:00:00Z', 6, 'R-2'),
      npsRecorded('2026-11-03T10:00:00Z', 8, 'R-3'),
    ];
    const contributions = contributionsAfter(events);
    expect(orgMonth(contributions, '2026-10')).toEqual({ ...CLOSED, promoters: 1 });
    expect(orgMonth(contributions, '2026-11')).toEqual({ detractors: 1, passives: 1 });
  });

  describe('due in the next 30 days at the end of October (2026-11-01T00:00Z, window ending 2026-12-01T00:00Z)', () => {
    const openDealDue = (deliverBy: string) => contributionsAfter([dealClosed({ deliverBy })]);
    const dueIn = (contributions: Contributions, month: string) => orgMonth(contributions, month)?.dueNext30Days ?? 0;

    it('given a deadline exactly 30 days after the month end, then it counts for October (the window is closed at its end)', () => {
      const contributions = openDealDue('2026-12-01T00:00:00Z');
      expect(dueIn(contributions, '2026-10')).toBe(1);
      // At the end of November (2026-12-01T00:00Z) it is due exactly then: not after the month end, so not counted.
      expect(dueIn(contributions, '2026-11')).toBe(0);
    });

    it('given a deadline one millisecond later, then not for October but for November', () => {
      const contributions = openDealDue('2026-12-01T00:00:00.001Z');
      expect(dueIn(contributions, '2026-10')).toBe(0);
      expect(dueIn(contributions, '2026-11')).toBe(1);
    });

    it('given a deadline one millisecond earlier, then for October only', () => {
      const contributions = openDealDue('2026-11-30T23:59:59.999Z');
      expect(dueIn(contributions, '2026-10')).toBe(1);
      expect(dueIn(contributions, '2026-11')).toBe(0);
    });

    it('given a deadline exactly at the end of October, then not for October (the window is open at its start)', () => {
      const contributions = openDealDue('2026-11-01T00:00:00Z');
      expect(dueIn(contributions, '2026-10')).toBe(0);
      expect(dueIn(contributions, '2026-11')).toBe(0);
      expect(dueIn(openDealDue('2026-11-01T00:00:00.001Z'), '2026-10')).toBe(1);
    });

    it('given a deal delivered in October, then never due, whatever its deadline', () => {
      const contributions = contributionsAfter([
        dealClosed({ deliverBy: '2026-11-15T00:00:00Z' }),
        handedOff('2026-10-03T09:00:00Z'),
        delivered('2026-10-30T10:00:00Z'),
      ]);
      expect(dueIn(contributions, '2026-10')).toBe(0);
    });

    it('given a customer-revised deadline, then that one counts; an internal revision does not move it', () => {
      const customer = contributionsAfter([
        dealClosed({ deliverBy: '2026-10-20T17:00:00Z' }),
        promiseRevised('2026-10-10T10:00:00Z', '2026-11-20T17:00:00Z', 'customer'),
      ]);
      expect(dueIn(customer, '2026-10')).toBe(1);
      const internal = contributionsAfter([
        dealClosed({ deliverBy: '2026-10-20T17:00:00Z' }),
        promiseRevised('2026-10-10T10:00:00Z', '2026-11-20T17:00:00Z', 'ops'),
      ]);
      expect(dueIn(internal, '2026-10')).toBe(0);
    });

    it('given New York as the business time zone, then the window runs from 2026-11-01T04:00Z', () => {
      const inNewYork = (deliverBy: string) => contributionsAfter([dealClosed({ deliverBy })], 'America/New_York');
      expect(orgMonth(inNewYork('2026-11-01T03:59:59Z'), '2026-10')?.dueNext30Days ?? 0).toBe(0);
      expect(orgMonth(inNewYork('2026-11-01T04:00:00Z'), '2026-10')?.dueNext30Days ?? 0).toBe(0);
      expect(orgMonth(inNewYork('2026-11-01T04:00:01Z'), '2026-10')?.dueNext30Days ?? 0).toBe(1);
    });
  });

  it('given a close late on 31 October in New York, then it counts in October there and in November in UTC', () => {
    const events = [dealClosed({ closedAt: '2026-10-31T23:30:00-04:00', deliverBy: '2027-02-01T00:00:00Z' })];
    expect(orgMonth(contributionsAfter(events, 'America/New_York'), '2026-10')).toEqual(CLOSED);
    expect(orgMonth(contributionsAfter(events, 'UTC'), '2026-11')).toEqual(CLOSED);
    expect(orgMonth(contributionsAfter(events, 'UTC'), '2026-10')).toBeUndefined();
  });

  it('given the seller is also the ops owner, on the same team, and delivers, then each dimension counts the deal once', () => {
    const selfHandoff: DealEventOf<'HandoffCompleted'> = {
      type: 'HandoffCompleted',
      occurredAt: '2026-10-03T09:00:00Z',
      data: {
        opsOwner: { id: 'P-SALES-1' },
        opsTeam: 'T-SALES',
        checklist: { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms: false },
      },
    };
    const selfDelivery: DealEventOf<'DeliveryCompleted'> = {
      ...delivered('2026-10-19T16:00:00Z'),
      data: { ...delivered('2026-10-19T16:00:00Z').data, deliveredBy: { id: 'P-SALES-1' } },
    };
    const deal = dealAfter([dealClosed(), selfHandoff, selfDelivery]);
    expect(dimensionsOf(deal).sort()).toEqual(['org', 'person:P-SALES-1', 'team:T-SALES']);
    expect(contributionsOf(deal, 'UTC')).toEqual(
      onEvery(SALES_DIMENSIONS, { buckets: { '2026-10': { ...CLOSED, ...HANDOFF, ...KEPT } } }),
    );
  });

  it('given a deal delivered by someone other than its ops owner, then the deliverer is a dimension too (but not their team)', () => {
    const otherCrew: DealEventOf<'DeliveryCompleted'> = {
      ...delivered('2026-10-19T16:00:00Z'),
      data: { ...delivered('2026-10-19T16:00:00Z').data, deliveredBy: { id: 'P-CREW' } },
    };
    const deal = dealAfter([dealClosed(), handedOff('2026-10-03T09:00:00Z'), otherCrew]);
    expect(dimensionsOf(deal).sort()).toEqual(['org', 'person:P-CREW', 'person:P-OPS-1', 'person:P-SALES-1', 'team:T-OPS', 'team:T-SALES']);
  });

  it('given a handoff 1 h 3 min after the close, then the lag is kept in tenths of an hour, rounded (10.5 -> 11)', () => {
    const contributions = contributionsAfter([dealClosed(), handedOff('2026-10-02T16:03:00Z')]);
    expect(orgMonth(contributions, '2026-10')).toMatchObject({ handoffLags: { 11: 1 } });
  });
});
