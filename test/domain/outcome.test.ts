import { describe, expect, it } from 'vitest';
import { assessOutcome, isOnTime } from '../../domain/deal/outcome.ts';
import type { ScopeLine } from '../../domain/deal/scope.ts';
import { foldDeal, initialState, outcomeOf } from '../../domain/deal/state.ts';
import {
  DELIVER_BY,
  SOLD_SCOPE,
  cancelled,
  dealAfter,
  dealClosed,
  delivered,
  handedOff,
  npsRecorded,
  promiseRevised,
  scopeChanged,
} from './dealSpec.ts';

const closed = dealClosed(); // promised for 2026-10-20T17:00:00Z, SOLD_SCOPE
const handed = handedOff('2026-10-03T09:00:00Z');

/** The instant `minutes` after the original promise (negative: before it). */
const afterDeadline = (minutes: number): string =>
  new Date(Date.parse(DELIVER_BY) + minutes * 60_000).toISOString();

const outcomeAfter = (...events: Parameters<typeof dealAfter>[0]) => outcomeOf(dealAfter(events));

describe('on time', () => {
  it('delivered early: on time, not late at all', () => {
    expect(outcomeAfter(closed, handed, delivered('2026-10-19T12:00:00Z'))).toEqual({
      onTime: true,
      asSold: true,
      promiseKept: true,
      lateByHours: 0,
    });
  });

  it('delivered exactly at the deadline: on time', () => {
    expect(outcomeAfter(closed, handed, delivered(DELIVER_BY))).toMatchObject({ onTime: true, lateByHours: 0 });
  });

  it('delivered at the deadline written in another offset: on time', () => {
    expect(outcomeAfter(closed, handed, delivered('2026-10-20T19:00:00+02:00'))).toMatchObject({ onTime: true });
  });

  it('delivered one minute late: late by 0.02 h (rounded up to the hundredth)', () => {
    expect(outcomeAfter(closed, handed, delivered(afterDeadline(1)))).toEqual({
      onTime: false,
      asSold: true,
      promiseKept: false,
      lateByHours: 0.02,
    });
  });

  it('delivered one second late: late, by 0.01 h', () => {
    expect(outcomeAfter(closed, handed, delivered('2026-10-20T17:00:01Z'))).toMatchObject({
      onTime: false,
      lateByHours: 0.01,
    });
  });

  it.each([
    [60, 1],
    [90, 1.5],
    [25 * 60, 25],
    [3 * 24 * 60 + 1, 72.02],
  ])('delivered %i minutes late: late by %s h', (minutes, hours) => {
    expect(outcomeAfter(closed, handed, delivered(afterDeadline(minutes)))).toMatchObject({
      onTime: false,
      lateByHours: hours,
    });
  });

  // A whole number of hundredths of an hour is already rounded: it must not be bumped up a hundredth by
  // floating-point noise (0.55 * 100 is 55.00000000000001 in binary floating point).
  it.each([
    [4.2, 0.07],
    [8.4, 0.14],
    [16.8, 0.28],
    [33, 0.55],
    [34.2, 0.57],
  ])('delivered %s minutes late: late by exactly %s h', (minutes, hours) => {
    expect(outcomeAfter(closed, handed, delivered(afterDeadline(minutes)))).toMatchObject({
      onTime: false,
      lateByHours: hours,
    });
  });

  it('a customer-requested later date moves the deadline: delivery after the original but before it is on time', () => {
    const outcome = outcomeAfter(
      closed,
      handed,
      promiseRevised('2026-10-10T10:00:00Z', '2026-10-27T17:00:00Z', 'customer'),
      delivered('2026-10-25T12:00:00Z'),
    );
    expect(outcome).toEqual({ onTime: true, asSold: true, promiseKept: true, lateByHours: 0 });
  });

  it('a customer-requested earlier date is the deadline too: delivery after it is late, by hours past it', () => {
    const outcome = outcomeAfter(
      closed,
      handed,
      promiseRevised('2026-10-10T10:00:00Z', '2026-10-15T17:00:00Z', 'customer'),
      delivered('2026-10-16T17:00:00Z'),
    );
    expect(outcome).toMatchObject({ onTime: false, lateByHours: 24 });
  });

  it.each(['sales', 'ops'] as const)(
    'a date revised internally (by %s) does not move the deadline: judged late against the original',
    (initiatedBy) => {
      const outcome = outcomeAfter(
        closed,
        handed,
        promiseRevised('2026-10-10T10:00:00Z', '2026-10-27T17:00:00Z', initiatedBy),
        delivered('2026-10-21T17:00:00Z'),
      );
      expect(outcome).toEqual({ onTime: false, asSold: true, promiseKept: false, lateByHours: 24 });
    },
  );

  it('an internal revision after a customer one keeps the customer date as the deadline', () => {
    const deal = dealAfter([
      closed,
      handed,
      promiseRevised('2026-10-10T10:00:00Z', '2026-10-27T17:00:00Z', 'customer'),
      promiseRevised('2026-10-12T10:00:00Z', '2026-11-03T17:00:00Z', 'ops'),
      delivered('2026-10-28T17:00:00Z'),
    ]);
    expect(deal.deadlineInForce).toBe('2026-10-27T17:00:00Z');
    expect(deal.plannedDeliverBy).toBe('2026-11-03T17:00:00Z');
    expect(deal.originalDeliverBy).toBe(DELIVER_BY);
    expect(deal.revisions.map((revision) => revision.initiatedBy)).toEqual(['customer', 'ops']);
    expect(outcomeOf(deal)).toMatchObject({ onTime: false, lateByHours: 24 });
  });

  it('the grace period extends on time', () => {
    const deal = dealAfter([closed, handed, delivered(afterDeadline(30))]);
    expect(outcomeOf(deal)).toMatchObject({ onTime: false, lateByHours: 0.5 });
    expect(outcomeOf(deal, 30)).toMatchObject({ onTime: true, lateByHours: 0, promiseKept: true });
    expect(outcomeOf(deal, 29)).toMatchObject({ onTime: false, lateByHours: 0.02 });
  });

  it('lateness is counted from the end of the grace period', () => {
    const deal = dealAfter([closed, handed, delivered(afterDeadline(90))]);
    expect(outcomeOf(deal, 30)).toMatchObject({ onTime: false, lateByHours: 1 });
  });

  it('isOnTime: at the deadline plus grace is on time, a millisecond later is not', () => {
    expect(isOnTime('2026-10-20T17:15:00.000Z', DELIVER_BY, 15)).toBe(true);
    expect(isOnTime('2026-10-20T17:15:00.001Z', DELIVER_BY, 15)).toBe(false);
    expect(isOnTime('2026-10-20T17:00:00.001Z', DELIVER_BY)).toBe(false);
  });
});

describe('as sold', () => {
  const bigger: ScopeLine[] = [
    { sku: 'SEALCOAT-SQFT', quantity: 15000 },
    { sku: 'STRIPING-LINE', quantity: 40 },
  ];

  it('a customer change order re-baselines: delivering the new scope is as sold', () => {
    const deal = dealAfter([
      closed,
      handed,
      scopeChanged('2026-10-05T10:00:00Z', bigger, 'customer'),
      delivered('2026-10-19T12:00:00Z', bigger),
    ]);
    expect(deal.scopeInForce).toEqual(bigger);
    expect(outcomeOf(deal)).toMatchObject({ asSold: true, promiseKept: true });
  });

  it('after a customer change order, delivering the old scope is not as sold', () => {
    expect(
      outcomeAfter(closed, handed, scopeChanged('2026-10-05T10:00:00Z', bigger, 'customer'), delivered('2026-10-19T12:00:00Z')),
    ).toMatchObject({ asSold: false, promiseKept: false });
  });

  it.each(['ops', 'sales'] as const)(
    'a change made internally (by %s) does not re-baseline: delivering the changed scope is not as sold',
    (initiatedBy) => {
      const deal = dealAfter([
        closed,
        handed,
        scopeChanged('2026-10-05T10:00:00Z', bigger, initiatedBy),
        delivered('2026-10-19T12:00:00Z', bigger),
      ]);
      expect(deal.scopeInForce).toEqual(SOLD_SCOPE);
      expect(deal.plannedScope).toEqual(bigger);
      expect(outcomeOf(deal)).toMatchObject({ asSold: false, promiseKept: false });
    },
  );

  it('after an internal change, delivering what was sold is as sold', () => {
    expect(
      outcomeAfter(closed, handed, scopeChanged('2026-10-05T10:00:00Z', bigger, 'ops'), delivered('2026-10-19T12:00:00Z')),
    ).toMatchObject({ asSold: true, promiseKept: true });
  });

  it('one unit short is not as sold, and the promise is not kept even on time', () => {
    const short: ScopeLine[] = [
      { sku: 'SEALCOAT-SQFT', quantity: 12000 },
      { sku: 'STRIPING-LINE', quantity: 39 },
    ];
    expect(outcomeAfter(closed, handed, delivered('2026-10-19T12:00:00Z', short))).toEqual({
      onTime: true,
      asSold: false,
      promiseKept: false,
      lateByHours: 0,
    });
  });

  it('one unit over is not as sold either', () => {
    const over: ScopeLine[] = [
      { sku: 'SEALCOAT-SQFT', quantity: 12001 },
      { sku: 'STRIPING-LINE', quantity: 40 },
    ];
    expect(outcomeAfter(closed, handed, delivered('2026-10-19T12:00:00Z', over))).toMatchObject({ asSold: false });
  });

  it('a missing line or an extra line is not as sold', () => {
    const missing: ScopeLine[] = [{ sku: 'SEALCOAT-SQFT', quantity: 12000 }];
    const extra: ScopeLine[] = [...SOLD_SCOPE, { sku: 'CRACK-FILL', quantity: 1 }];
    expect(outcomeAfter(closed, handed, delivered('2026-10-19T12:00:00Z', missing))).toMatchObject({ asSold: false });
    expect(outcomeAfter(closed, handed, delivered('2026-10-19T12:00:00Z', extra))).toMatchObject({ asSold: false });
  });

  it('a different sku with the same quantity is not as sold', () => {
    const swapped: ScopeLine[] = [
      { sku: 'SEALCOAT-SQFT', quantity: 12000 },
      { sku: 'STRIPING-CURB', quantity: 40 },
    ];
    expect(outcomeAfter(closed, handed, delivered('2026-10-19T12:00:00Z', swapped))).toMatchObject({ asSold: false });
  });

  it('line order and descriptions do not matter', () => {
    const reordered: ScopeLine[] = [
      { sku: 'STRIPING-LINE', description: 'lines repainted', quantity: 40 },
      { sku: 'SEALCOAT-SQFT', quantity: 12000 },
    ];
    expect(outcomeAfter(closed, handed, delivered('2026-10-19T12:00:00Z', reordered))).toMatchObject({
      asSold: true,
      promiseKept: true,
    });
  });
});

describe('promise kept = on time AND as sold', () => {
  const promise = { deadline: DELIVER_BY, scope: SOLD_SCOPE };
  const short: ScopeLine[] = [{ sku: 'SEALCOAT-SQFT', quantity: 12000 }];
  it.each([
    ['on time', 'as sold', DELIVER_BY, SOLD_SCOPE, { onTime: true, asSold: true, promiseKept: true }],
    ['on time', 'not as sold', DELIVER_BY, short, { onTime: true, asSold: false, promiseKept: false }],
    ['late', 'as sold', '2026-10-20T18:00:00Z', SOLD_SCOPE, { onTime: false, asSold: true, promiseKept: false }],
    ['late', 'not as sold', '2026-10-20T18:00:00Z', short, { onTime: false, asSold: false, promiseKept: false }],
  ])('%s and %s', (_time, _scope, at, scope, expected) => {
    expect(assessOutcome(promise, { at, scope })).toMatchObject(expected);
  });
});

describe('the folded deal', () => {
  it('moves closed -> handed-off -> delivered; changes and revisions do not move it', () => {
    const events = [
      closed,
      handed,
      scopeChanged('2026-10-05T10:00:00Z', SOLD_SCOPE, 'customer'),
      promiseRevised('2026-10-06T10:00:00Z', '2026-10-27T17:00:00Z', 'customer'),
      delivered('2026-10-19T12:00:00Z'),
    ];
    const statuses = events.map((_event, index) => dealAfter(events.slice(0, index + 1)).status);
    expect(statuses).toEqual(['closed', 'handed-off', 'handed-off', 'handed-off', 'delivered']);
  });

  it('has no outcome before delivery', () => {
    expect(outcomeOf(dealAfter([closed]))).toBeNull();
    expect(outcomeOf(dealAfter([closed, handed]))).toBeNull();
  });

  it('a cancellation before delivery leaves no outcome, and says so', () => {
    const deal = dealAfter([closed, handed, cancelled('2026-10-10T08:00:00Z', 'budget cut')]);
    expect(deal.status).toBe('cancelled');
    expect(deal.cancellation).toEqual({ at: '2026-10-10T08:00:00Z', reason: 'budget cut', afterDelivery: false });
    expect(outcomeOf(deal)).toBeNull();
  });

  it('a cancellation after delivery keeps the outcome, status cancelled, afterDelivery true', () => {
    const late = delivered('2026-10-21T17:00:00Z');
    const deal = dealAfter([closed, handed, late, cancelled('2026-10-25T08:00:00Z', 'refund')]);
    expect(deal.status).toBe('cancelled');
    expect(deal.cancellation).toEqual({ at: '2026-10-25T08:00:00Z', reason: 'refund', afterDelivery: true });
    expect(outcomeOf(deal)).toEqual(outcomeOf(dealAfter([closed, handed, late])));
    expect(outcomeOf(deal)).toEqual({ onTime: false, asSold: true, promiseKept: false, lateByHours: 24 });
  });

  it('an NPS answer does not change the status', () => {
    const deal = dealAfter([closed, handed, cancelled('2026-10-10T08:00:00Z'), npsRecorded('2026-10-12T08:00:00Z', 3, 'r-1')]);
    expect(deal.status).toBe('cancelled');
    expect(deal.latestNps).toEqual({ score: 3, responseId: 'r-1', respondedAt: '2026-10-12T08:00:00Z' });
  });

  it('keeps the latest NPS answer by respondedAt, whatever order they were recorded in', () => {
    const early = npsRecorded('2026-10-21T08:00:00Z', 4, 'r-early');
    const later = npsRecorded('2026-10-23T08:00:00Z', 10, 'r-later');
    const latest = { score: 10, responseId: 'r-later', respondedAt: '2026-10-23T08:00:00Z' };
    expect(dealAfter([closed, handed, delivered('2026-10-19T12:00:00Z'), early, later]).latestNps).toEqual(latest);
    expect(dealAfter([closed, handed, delivered('2026-10-19T12:00:00Z'), later, early]).latestNps).toEqual(latest);
  });

  it('compares NPS answers as instants, not as strings', () => {
    // 09:00+02:00 is 07:00Z, so it is earlier than 08:00Z although it sorts later as text.
    const utc = npsRecorded('2026-10-21T08:00:00Z', 9, 'r-utc');
    const paris = npsRecorded('2026-10-21T09:00:00+02:00', 2, 'r-paris');
    expect(dealAfter([closed, utc, paris]).latestNps?.responseId).toBe('r-utc');
  });

  it('records who closed, the value and the promise as the deal', () => {
    const deal = dealAfter([closed]);
    expect(deal).toMatchObject({
      status: 'closed',
      dealId: 'D-1001',
      closedAt: '2026-10-02T15:00:00Z',
      seller: { id: 'P-SALES-1' },
      salesTeam: 'T-SALES',
      value: { amount: 1_250_000, currency: 'USD' },
      soldScope: SOLD_SCOPE,
      scopeInForce: SOLD_SCOPE,
      originalDeliverBy: DELIVER_BY,
      deadlineInForce: DELIVER_BY,
      handoff: null,
      delivery: null,
      cancellation: null,
      latestNps: null,
    });
  });

  it('starts from nothing, and refuses a stream that does not begin with DealClosed', () => {
    expect(foldDeal([])).toEqual(initialState());
    expect(() => foldDeal([handed])).toThrow(/HandoffCompleted cannot be applied before DealClosed/);
  });
});
