import { describe, expect, it } from 'vitest';
import type { DealEvent } from '../../domain/deal/events.ts';
import { contributionsOf, type CommitmentLedger, type MonthCounts } from '../../domain/scorecard/contributions.ts';
import { ledgerItemId, monthItemId, scorecardItemKey } from '../../functions/projections/projectionKeys.ts';
import {
  counterDelta,
  itemCountersOf,
  ledgerCountersOf,
  ledgerOf,
  monthCountersOf,
  monthCountsOf,
  type ItemCounters,
} from '../../functions/projections/scorecardCounters.ts';
import { cancelled, dealAfter, dealClosed, delivered, handedOff, promiseRevised } from '../domain/dealSpec.ts';

/**
 * How the domain's counts are stored: one number attribute per counter on one item per dimension and
 * month (and per dimension for the commitment ledger), named exactly as the items and views already in
 * the table name them, and how a view's change becomes the ADDs of a write.
 */

const contributionsAfter = (events: DealEvent[], timeZone = 'UTC') => contributionsOf(dealAfter(events), timeZone);

describe('the stored form of a deal contributions', () => {
  it('given a deal closed in October, handed off and delivered on time in November, then every dimension has the same items, named as stored', () => {
    const events = [dealClosed({ deliverBy: '2026-11-10T17:00:00Z' }), handedOff('2026-10-03T09:00:00Z'), delivered('2026-11-05T10:00:00Z')];

    const items = itemCountersOf(contributionsAfter(events));

    const october = { closed: 1, 'revenue:USD': 1_250_000, handoffs: 1, checklistTrue: 3, 'lag:180': 1, dueNext30: 1 };
    const november = { delivered: 1, onTime: 1, asSold: 1, promiseKept: 1 };
    const ledger = { '2026-10|open': 1, '2026-11|open': -1, '2026-10|openValue:USD': 1_250_000, '2026-11|openValue:USD': -1_250_000 };
    const expected: ItemCounters = {};
    for (const dimension of ['org', 'person:P-SALES-1', 'team:T-SALES', 'person:P-OPS-1', 'team:T-OPS'] as const) {
      expected[`bucket|${dimension}|2026-10`] = october;
      expected[`bucket|${dimension}|2026-11`] = november;
      expected[`ledger|${dimension}`] = ledger;
    }
    expect(items).toEqual(expected);
  });

  it('given NPS answers of every kind, then they are stored under the names the org items have always had', () => {
    expect(monthCountersOf({ promoters: 2, passives: 1, detractors: 3 })).toEqual({ npsPromoters: 2, npsPassives: 1, npsDetractors: 3 });
  });

  it('given a month with every kind of count, when stored and read back, then it reads as it was', () => {
    const counts: MonthCounts = {
      closed: 3,
      revenue: { USD: 4_500_000, EUR: 70_000 },
      cancelled: 1,
      handoffs: 3,
      checklistTrue: 10,
      handoffLags: { 65: 1, 240: 1, 375: 1 },
      delivered: 4,
      onTime: 3,
      asSold: 2,
      promiseKept: 1,
      dueNext30Days: 2,
      promoters: 2,
      passives: 1,
      detractors: 1,
    };
    expect(monthCountsOf(monthCountersOf(counts))).toEqual(counts);
  });

  it('given a ledger over several months and currencies, when stored and read back, then it reads as it was', () => {
    const ledger: CommitmentLedger = {
      open: { '2026-09': 2, '2026-10': -1 },
      openValue: { '2026-09': { USD: 2_000, EUR: 500 }, '2026-10': { USD: -1_000 } },
    };
    expect(ledgerCountersOf(ledger)).toEqual({
      '2026-09|open': 2,
      '2026-10|open': -1,
      '2026-09|openValue:USD': 2_000,
      '2026-09|openValue:EUR': 500,
      '2026-10|openValue:USD': -1_000,
    });
    expect(ledgerOf(ledgerCountersOf(ledger))).toEqual(ledger);
  });

  it('given counters a month does not know (the ledger, or anything else), then reading a month leaves them out', () => {
    expect(monthCountsOf({ closed: 1, '2026-10|open': 4, mystery: 9 })).toEqual({ closed: 1 });
  });

  it('given item ids of dimensions with a `|` inside, then each maps to its own dimension partition and sort key', () => {
    expect(scorecardItemKey(3, monthItemId('team:A|B', '2026-10'))).toEqual({ p: { S: 'g3#scorecard#team:A|B' }, k: { S: '2026-10' } });
    expect(scorecardItemKey(3, ledgerItemId('person:X|Y'))).toEqual({ p: { S: 'g3#scorecard#person:X|Y' }, k: { S: 'ledger' } });
  });
});

describe('counterDelta', () => {
  it('given before and after, then only the changes, with zero changes and unchanged items left out, and removed keys negated', () => {
    const before: ItemCounters = {
      'bucket|org|2026-10': { closed: 1, 'revenue:USD': 500, dueNext30: 1 },
      'bucket|org|2026-11': { delivered: 1, onTime: 1 },
      'ledger|org': { '2026-10|open': 1, '2026-10|openValue:USD': 500 },
      'bucket|person:P-OLD|2026-10': { closed: 1 },
    };
    const after: ItemCounters = {
      'bucket|org|2026-10': { closed: 1, 'revenue:USD': 500 },
      'bucket|org|2026-11': { delivered: 1, onTime: 1 },
      'ledger|org': { '2026-10|open': 1, '2026-10|openValue:USD': 500, '2026-11|open': -1, '2026-11|openValue:USD': -500 },
      'bucket|org|2026-12': { cancelled: 1 },
    };
    expect(counterDelta(before, after)).toEqual({
      'bucket|org|2026-10': { dueNext30: -1 },
      'ledger|org': { '2026-11|open': -1, '2026-11|openValue:USD': -500 },
      'bucket|person:P-OLD|2026-10': { closed: -1 },
      'bucket|org|2026-12': { cancelled: 1 },
    });
  });

  it('given the same contributions twice, then no change at all', () => {
    const contributions = itemCountersOf(contributionsAfter([dealClosed(), handedOff('2026-10-03T09:00:00Z')]));
    expect(counterDelta(contributions, structuredClone(contributions))).toEqual({});
  });

  it('given nothing before, then the delta is the whole contribution; given nothing after, its negation', () => {
    const contributions = itemCountersOf(contributionsAfter([dealClosed()]));
    expect(counterDelta({}, contributions)).toEqual(contributions);
    const negated: ItemCounters = {};
    for (const dimension of ['org', 'person:P-SALES-1', 'team:T-SALES']) {
      negated[`bucket|${dimension}|2026-10`] = { closed: -1, 'revenue:USD': -1_250_000 };
      negated[`ledger|${dimension}`] = { '2026-10|open': -1, '2026-10|openValue:USD': -1_250_000 };
    }
    expect(counterDelta(contributions, {})).toEqual(negated);
  });

  it('given deltas applied one after another from nothing, then they add up to the final contribution', () => {
    const history: DealEvent[] = [
      dealClosed({ deliverBy: '2026-11-10T17:00:00Z' }),
      handedOff('2026-10-03T09:00:00Z'),
      promiseRevised('2026-10-05T10:00:00Z', '2026-11-12T17:00:00Z', 'customer'),
      delivered('2026-11-05T10:00:00Z'),
      cancelled('2026-12-01T10:00:00Z', 'refund'),
    ];
    const totals: ItemCounters = {};
    let before: ItemCounters = {};
    for (let length = 1; length <= history.length; length++) {
      const after = itemCountersOf(contributionsAfter(history.slice(0, length)));
      for (const [key, counters] of Object.entries(counterDelta(before, after))) {
        const item = (totals[key] ??= {});
        for (const [name, amount] of Object.entries(counters)) item[name] = (item[name] ?? 0) + amount;
      }
      before = after;
    }
    const withoutZeros = Object.fromEntries(
      Object.entries(totals)
        .map(([key, counters]) => [key, Object.fromEntries(Object.entries(counters).filter(([, amount]) => amount !== 0))] as const)
        .filter(([, counters]) => Object.keys(counters).length > 0),
    );
    expect(withoutZeros).toEqual(itemCountersOf(contributionsAfter(history)));
    // And by hand: the refund took November's delivery out; December holds the cancellation.
    expect(withoutZeros[monthItemId('org', '2026-11')]).toBeUndefined();
    expect(withoutZeros[monthItemId('org', '2026-12')]).toEqual({ cancelled: 1 });
    expect(withoutZeros[ledgerItemId('org')]).toEqual({
      '2026-10|open': 1,
      '2026-10|openValue:USD': 1_250_000,
      '2026-11|open': -1,
      '2026-11|openValue:USD': -1_250_000,
    });
  });
});
