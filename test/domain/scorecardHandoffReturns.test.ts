import { describe, expect, it } from 'vitest';
import type { DealEvent } from '../../domain/deal/events.ts';
import { contributionsOf } from '../../domain/scorecard/contributions.ts';
import { dimensionsOf } from '../../domain/scorecard/dimensions.ts';
import { readScorecard } from '../../domain/scorecard/scorecard.ts';
import { evolve } from '../../domain/deal/state.ts';
import { dealAfter, dealClosed, delivered, handedOff, handoffReturned } from './dealSpec.ts';

/**
 * Returned handoffs on the scorecard (CADENCE.md): `count` counts handoffs made in the month (a
 * handoff made again after a return counts again), `returned` the returns recorded in the month
 * (the month of the return, whenever the handoff was made), and `firstTimeRight` the handoffs made
 * in the month never returned over the handoffs made in the month, a fraction 0..1 unrounded like
 * the scorecard's other rates. The sample deal closed 2026-10-02T15:00Z (dealSpec.ts).
 */

const orgCounts = (events: DealEvent[]) => contributionsOf(dealAfter(events), 'UTC').months;

const secondOwner = (at: string): DealEvent => {
  const event = handedOff(at);
  return { ...event, data: { ...event.data, opsOwner: { id: 'P-OPS-2' }, opsTeam: 'T-OPS-2' } } as DealEvent;
};

const cardOf = (events: DealEvent[], month: string) =>
  readScorecard({ month, dimension: 'org', counts: orgCounts(events)[month] ?? {}, ledger: {}, currency: 'USD' }).handoff;

describe('the handoff section with returns', () => {
  it('given a handoff returned in the same month and made again, then count 2, returned 1, firstTimeRight 1/2', () => {
    const events = [dealClosed(), handedOff('2026-10-03T09:00:00Z'), handoffReturned('2026-10-04T10:00:00Z'), handedOff('2026-10-05T09:00:00Z')];
    expect(orgCounts(events)['2026-10']).toMatchObject({ handoffs: 2, returnedHandoffs: 1, handoffReturns: 1 });
    expect(cardOf(events, '2026-10')).toMatchObject({ count: 2, returned: 1, firstTimeRight: 0.5 });
  });

  it('given a handoff in October returned in November and made again in November, then October counts the return against its handoff and November the return itself', () => {
    const events = [dealClosed(), handedOff('2026-10-30T09:00:00Z'), handoffReturned('2026-11-02T10:00:00Z'), handedOff('2026-11-03T09:00:00Z')];
    // October: 1 handoff, returned later: 0 of 1 right first time, no return recorded in October.
    expect(cardOf(events, '2026-10')).toMatchObject({ count: 1, returned: 0, firstTimeRight: 0 });
    // November: 1 handoff (the second), not returned; the return was recorded in November.
    expect(cardOf(events, '2026-11')).toMatchObject({ count: 1, returned: 1, firstTimeRight: 1 });
  });

  it('given three handoffs in a month, one returned, then firstTimeRight is 2/3 unrounded like the other rates', () => {
    const card = readScorecard({
      month: '2026-10',
      dimension: 'org',
      counts: { handoffs: 3, checklistTrue: 12, returnedHandoffs: 1, handoffReturns: 1 },
      ledger: {},
      currency: 'USD',
    });
    expect(card.handoff.firstTimeRight).toBe(2 / 3);
    expect(card.handoff.returned).toBe(1);
  });

  it('given a return and no handoff made in the month, then returned 1 and firstTimeRight null (nothing to divide)', () => {
    const card = readScorecard({ month: '2026-11', dimension: 'org', counts: { handoffReturns: 1 }, ledger: {}, currency: 'USD' });
    expect(card.handoff).toEqual({ count: 0, averageCompleteness: null, medianHoursToHandoff: null, returned: 1, firstTimeRight: null });
  });

  it('given a month counted before returns existed (handoffs only), then every handoff reads as right first time', () => {
    const card = readScorecard({ month: '2026-10', dimension: 'org', counts: { handoffs: 2, checklistTrue: 6 }, ledger: {}, currency: 'USD' });
    expect(card.handoff).toMatchObject({ count: 2, returned: 0, firstTimeRight: 1 });
  });

  it('given each handoff, then its checklist and its lag from the close count too (18 h, then 66 h)', () => {
    const events = [dealClosed(), handedOff('2026-10-03T09:00:00Z'), handoffReturned('2026-10-04T10:00:00Z'), handedOff('2026-10-05T09:00:00Z')];
    expect(orgCounts(events)['2026-10']).toMatchObject({ checklistTrue: 6, handoffLags: { 180: 1, 660: 1 } });
  });

  it('given a handoff returned by one ops owner and made again to another, then both owners and teams keep the deal', () => {
    const deal = dealAfter([dealClosed(), handedOff('2026-10-03T09:00:00Z'), handoffReturned('2026-10-04T10:00:00Z'), secondOwner('2026-10-05T09:00:00Z'), delivered('2026-10-19T12:00:00Z')]);
    expect(dimensionsOf(deal).sort()).toEqual(['org', 'person:P-OPS-1', 'person:P-OPS-2', 'person:P-SALES-1', 'team:T-OPS', 'team:T-OPS-2', 'team:T-SALES']);
  });

  it('given a deal folded before handoffs could be returned (a stored view with no handoff list), then it counts its one handoff and folds a return', () => {
    const { handoffs: _none, ...stored } = dealAfter([dealClosed(), handedOff('2026-10-03T09:00:00Z')]);
    const old = stored as unknown as ReturnType<typeof dealAfter>;
    expect(contributionsOf(old, 'UTC').months['2026-10']).toMatchObject({ handoffs: 1, checklistTrue: 3 });
    const returned = evolve(old, handoffReturned('2026-10-04T10:00:00Z'));
    expect(contributionsOf(returned as typeof old, 'UTC').months['2026-10']).toMatchObject({ handoffs: 1, returnedHandoffs: 1, handoffReturns: 1 });
  });
});
