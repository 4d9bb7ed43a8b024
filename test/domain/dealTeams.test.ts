import { describe, expect, it } from 'vitest';
import { foldDeal, isRecorded, type Deal } from '../../domain/deal/state.ts';
import { dealTeamsOf } from '../../domain/scorecard/dealTeams.ts';
import type { DealEvent } from '../../domain/deal/events.ts';

const closed: DealEvent = {
  type: 'DealClosed',
  occurredAt: '2026-09-28T15:00:00Z',
  data: {
    dealId: 'D-1',
    customer: { id: 'C-7', name: 'Acme Paving' },
    seller: { id: 'S1' },
    salesTeam: 'T-SALES',
    value: { amount: 1_250_000, currency: 'USD' },
    scope: [{ sku: 'SEALCOAT-SQFT', quantity: 12_000 }],
    promise: { deliverBy: '2026-10-20T17:00:00Z' },
    engagement: null,
  },
};
const handedOff: DealEvent = {
  type: 'HandoffCompleted',
  occurredAt: '2026-09-29T09:00:00Z',
  data: { opsOwner: { id: 'O1' }, opsTeam: 'T-OPS', checklist: { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms: false } },
};
const deliveredAt = (at: string): DealEvent => ({
  type: 'DeliveryCompleted',
  occurredAt: at,
  data: { deliveredBy: { id: 'O1' }, scope: [{ sku: 'SEALCOAT-SQFT', quantity: 12_000 }] },
});
const dealAfter = (events: DealEvent[]): Deal => {
  const deal = foldDeal(events);
  if (!isRecorded(deal)) throw new Error('no deal');
  return deal;
};

describe("a deal's teams on the monthly report", () => {
  it('given a deal closed in September and not handed off, then it names its sales team under September only', () => {
    expect(dealTeamsOf(dealAfter([closed]), 'UTC')).toEqual([{ month: '2026-09', teams: { dealId: 'D-1', salesTeam: 'T-SALES', opsTeam: null } }]);
  });

  it('given it handed off and delivered in October, then it names both teams under September and October', () => {
    const teams = { dealId: 'D-1', salesTeam: 'T-SALES', opsTeam: 'T-OPS' };
    expect(dealTeamsOf(dealAfter([closed, handedOff, deliveredAt('2026-10-19T16:00:00Z')]), 'UTC')).toEqual([
      { month: '2026-09', teams },
      { month: '2026-10', teams },
    ]);
  });

  it('given it delivered in the month it closed, in the business time zone, then that month is named once', () => {
    const months = dealTeamsOf(dealAfter([closed, handedOff, deliveredAt('2026-09-30T23:00:00Z')]), 'America/Chicago').map(({ month }) => month);
    expect(months).toEqual(['2026-09']);
  });
});
