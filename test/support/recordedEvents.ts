import { randomUUID } from 'node:crypto';
import type { RecordedDealEvent } from '../../domain/envelope.ts';
import { dealStreamId, streamKinds } from '../../domain/streams.ts';

/** A valid recorded DealClosed or ScopeChanged event at a given version, for store-level tests. */
export const recordedEvent = (dealId: string, version: number, reason = 'change order'): RecordedDealEvent => {
  const envelope = {
    eventId: randomUUID(),
    schemaVersion: streamKinds.deal.schemaVersion,
    streamId: dealStreamId(dealId),
    version,
    recordedAt: '2026-10-02T15:00:01Z',
    actor: { id: 'P-SALES-1', roles: ['sales' as const] },
    tenantId: 'default',
  };
  if (version === 1) {
    return {
      ...envelope,
      type: 'DealClosed',
      occurredAt: '2026-10-02T15:00:00Z',
      data: {
        dealId,
        customer: { id: 'C-7', name: 'Acme Paving' },
        seller: { id: 'P-SALES-1' },
        salesTeam: 'T-SALES',
        value: { amount: 1_250_000, currency: 'USD' },
        scope: [{ sku: 'SEALCOAT-SQFT', quantity: 12_000 }],
        promise: { deliverBy: '2026-10-20T17:00:00Z' },
        engagement: null,
      },
    };
  }
  return {
    ...envelope,
    type: 'ScopeChanged',
    occurredAt: '2026-10-05T10:00:00Z',
    data: { scope: [{ sku: 'SEALCOAT-SQFT', quantity: 12_000 + version }], initiatedBy: 'customer', reason },
  };
};
