/** Request bodies shaped exactly like API.md's examples, with overrides for each case. */
export const closeDealBody = (dealId: string, overrides: Record<string, unknown> = {}) => ({
  dealId,
  closedAt: '2026-10-02T15:00:00Z',
  customer: { id: 'C-7', name: 'Acme Paving' },
  seller: { id: 'P-SALES-1' },
  salesTeam: 'T-SALES',
  value: { amount: 1_250_000, currency: 'USD' },
  scope: [{ sku: 'SEALCOAT-SQFT', description: 'Sealcoat lot A', quantity: 12_000 }],
  promise: { deliverBy: '2026-10-20T17:00:00Z' },
  ...overrides,
});

export const handoffBody = (overrides: Record<string, unknown> = {}) => ({
  at: '2026-10-03T09:00:00Z',
  opsOwner: { id: 'P-OPS-1' },
  opsTeam: 'T-OPS',
  checklist: { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms: false },
  notes: 'Gate code 4411',
  ...overrides,
});

export const handoffReturnBody = (overrides: Record<string, unknown> = {}) => ({
  at: '2026-10-04T10:00:00Z',
  gaps: ['deliveryDateConfirmed', 'customerContact'],
  note: 'No site contact for the crew',
  ...overrides,
});

export const scopeChangeBody = (overrides: Record<string, unknown> = {}) => ({
  at: '2026-10-05T10:00:00Z',
  scope: [{ sku: 'SEALCOAT-SQFT', description: 'Sealcoat lots A and B', quantity: 15_000 }],
  initiatedBy: 'customer',
  reason: 'Customer added lot B',
  ...overrides,
});

export const promiseRevisionBody = (overrides: Record<string, unknown> = {}) => ({
  at: '2026-10-06T10:00:00Z',
  deliverBy: '2026-10-24T17:00:00Z',
  initiatedBy: 'customer',
  reason: 'Customer asked for a later date',
  ...overrides,
});

export const deliveryBody = (overrides: Record<string, unknown> = {}) => ({
  at: '2026-10-19T16:00:00Z',
  deliveredBy: { id: 'P-OPS-1' },
  scope: [{ sku: 'SEALCOAT-SQFT', quantity: 12_000 }],
  ...overrides,
});

export const cancellationBody = (overrides: Record<string, unknown> = {}) => ({
  at: '2026-10-07T10:00:00Z',
  reason: 'Customer withdrew',
  ...overrides,
});
