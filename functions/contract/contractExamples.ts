/*
 * The examples the OpenAPI document shows beside each request and answer: API.md's story of deal D-1001.
 * `redocly lint` checks each against its schema, so an example that drifts from the contract fails a test.
 */

export const closeDealExample = {
  dealId: 'D-1001',
  closedAt: '2026-10-02T15:00:00Z',
  customer: { id: 'C-7', name: 'Acme Paving' },
  seller: { id: 'P-SALES-1' },
  salesTeam: 'T-SALES',
  value: { amount: 1_250_000, currency: 'USD' },
  scope: [{ sku: 'SEALCOAT-SQFT', description: 'Sealcoat lot A', quantity: 12_000 }],
  promise: { deliverBy: '2026-10-20T17:00:00Z' },
};

export const handOffExample = {
  at: '2026-10-03T09:00:00Z',
  opsOwner: { id: 'P-OPS-1' },
  opsTeam: 'T-OPS',
  checklist: { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms: false },
};

export const scopeChangeExample = {
  at: '2026-10-05T10:00:00Z',
  initiatedBy: 'customer',
  reason: 'Lot B added',
  scope: [{ sku: 'SEALCOAT-SQFT', quantity: 15_000 }],
};

export const promiseRevisionExample = {
  at: '2026-10-06T10:00:00Z',
  deliverBy: '2026-10-24T17:00:00Z',
  initiatedBy: 'customer',
  reason: 'Lot B needs two more days',
};

export const deliveryExample = {
  at: '2026-10-23T16:00:00Z',
  deliveredBy: { id: 'P-OPS-1' },
  scope: [{ sku: 'SEALCOAT-SQFT', quantity: 15_000 }],
};

export const cancellationExample = { at: '2026-11-05T10:00:00Z', reason: 'Refunded' };

export const commandAcceptedExample = { dealId: 'D-1001', version: 1 };

export const delightedWebhookExample = {
  event_type: 'survey_response.created',
  event_id: 'e-1',
  event_data: {
    id: 'r-1',
    survey_type: 'nps',
    score: 9,
    created_at: 1_792_000_000,
    updated_at: 1_792_000_000,
    person: { id: 'p-9', email: 'ops@acme.example' },
    person_properties: { deal_id: 'D-1001' },
  },
};

export const typeformWebhookExample = {
  event_id: 'ev-1',
  event_type: 'form_response',
  form_response: {
    form_id: 'f-1',
    token: 'tf-r-1',
    submitted_at: '2026-10-25T09:00:00Z',
    hidden: { deal_id: 'D-1001' },
    answers: [{ type: 'number', number: 9, field: { id: 'q1', type: 'nps' } }],
  },
};

export const recordedNpsExample = { responseId: 'r-1', dealId: 'D-1001', attributed: true, status: 'recorded' };

export const npsImportExample = {
  responses: [{ responseId: 'imp-1', dealId: 'D-1001', score: 10, comment: 'On time, as promised', respondedAt: '2026-10-25T09:00:00Z' }],
};

export const incentivePlanExample = {
  planId: 'joint',
  version: 1,
  effectiveFrom: '2026-01',
  currency: 'USD',
  poolRateBps: 200,
  graceMinutes: 0,
  gates: { minPromiseKeptRate: 0.8 },
  nps: {
    minResponses: 5,
    bands: [
      { minScore: 50, multiplierBps: 12_000 },
      { minScore: 0, multiplierBps: 10_000 },
      { minScore: -100, multiplierBps: 8_000 },
    ],
  },
  split: { salesBps: 5_000, opsBps: 5_000 },
  capPerPerson: { amount: 500_000, currency: 'USD' },
};

export const reportIndexExample = {
  month: '2026-10',
  closedAt: '2026-11-01T00:05:00.000Z',
  reports: {
    json: { href: '/v1/reports/2026-10/json', key: '2026-10/handshake-2026-10.json' },
    payrollCsv: { href: '/v1/reports/2026-10/csv', key: '2026-10/payroll-2026-10.csv' },
    html: { href: '/v1/reports/2026-10/html', key: '2026-10/handshake-2026-10.html' },
  },
};

export const payrollCsvExample = 'person_id,side,month,amount,currency\nP-OPS-1,ops,2026-10,125.00,USD\nP-SALES-1,sales,2026-10,125.00,USD\n';

export const catalogueEntryExample = { sku: 'SEALCOAT-SQFT', description: 'Sealcoat, per square foot', opsTeam: 'T-OPS', minutesPerUnit: 0.5 };

export const capacityExample = { weeklyHours: 40, weeks: { '2026-W52': 8 }, reservePercent: 10 };

export const rulesOfEngagementExample = {
  version: 1,
  agreedBy: { sales: 'P-SALES-LEAD', ops: 'P-OPS-LEAD' },
  slaHours: { '1': 24, '2': 48, '3': 72 },
  rules: [
    { id: 'short-lead', when: { leadDaysBelow: 5 }, level: 1 },
    { id: 'big-deal', when: { valueAtLeast: { amount: 5_000_000, currency: 'USD' } }, level: 2 },
  ],
};

export const openEscalationExample = {
  escalationId: 'E-1',
  at: '2026-10-02T14:00:00Z',
  proposal: { ...closeDealExample, promise: { deliverBy: '2026-10-05T17:00:00Z' } },
};

export const escalationDecisionExample = { at: '2026-10-02T16:00:00Z', decision: 'approved', note: 'Crew B can take it' };
