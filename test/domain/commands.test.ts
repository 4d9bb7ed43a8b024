import { describe, expect, it } from 'vitest';
import type * as z from '../../domain/zod.ts';
import {
  CancelDealBody,
  ChangeScopeBody,
  CloseDealBody,
  DeliverBody,
  HandOffBody,
  RevisePromiseBody,
} from '../../domain/deal/commands.ts';
import { NpsResponseRecordedData } from '../../domain/deal/events.ts';

/** The body of POST /v1/deals from API.md. */
const closeDealBody = () => ({
  dealId: 'D-1001',
  closedAt: '2026-10-02T15:00:00Z',
  customer: { id: 'C-7', name: 'Acme Paving' },
  seller: { id: 'P-SALES-1' },
  salesTeam: 'T-SALES',
  value: { amount: 1250000, currency: 'USD' },
  scope: [{ sku: 'SEALCOAT-SQFT', description: 'Sealcoat lot A', quantity: 12000 }],
  promise: { deliverBy: '2026-10-20T17:00:00Z' },
});

/** The paths of the issues a body is rejected for, or [] when it is accepted. */
const pathsOf = (schema: z.ZodMiniType, body: unknown): (PropertyKey[])[] => {
  const result = schema.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => issue.path);
};

describe('CloseDealBody', () => {
  it('accepts the API example and keeps it as given', () => {
    const body = closeDealBody();
    expect(CloseDealBody.parse(body)).toEqual(body);
  });

  it('accepts a promise due exactly at the close', () => {
    expect(pathsOf(CloseDealBody, { ...closeDealBody(), promise: { deliverBy: '2026-10-02T15:00:00Z' } })).toEqual([]);
  });

  it('rejects a promise due before the close, at promise.deliverBy', () => {
    const result = CloseDealBody.safeParse({ ...closeDealBody(), promise: { deliverBy: '2026-10-02T14:59:59Z' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['promise', 'deliverBy'], message: 'must not be before closedAt' }),
    ]);
  });

  it('compares deliverBy and closedAt as instants, across offsets', () => {
    // 16:00+02:00 is 14:00Z: an hour before the 15:00Z close.
    expect(pathsOf(CloseDealBody, { ...closeDealBody(), promise: { deliverBy: '2026-10-02T16:00:00+02:00' } })).toEqual([
      ['promise', 'deliverBy'],
    ]);
    // 18:00+02:00 is 16:00Z: an hour after.
    expect(pathsOf(CloseDealBody, { ...closeDealBody(), promise: { deliverBy: '2026-10-02T18:00:00+02:00' } })).toEqual([]);
  });

  it.each([
    ['negative', -1],
    ['fractional', 12.5],
    ['a string', '1250000'],
  ])('rejects a %s money amount at value.amount', (_what, amount) => {
    expect(pathsOf(CloseDealBody, { ...closeDealBody(), value: { amount, currency: 'USD' } })).toEqual([['value', 'amount']]);
  });

  it('accepts a zero amount', () => {
    expect(pathsOf(CloseDealBody, { ...closeDealBody(), value: { amount: 0, currency: 'USD' } })).toEqual([]);
  });

  it('rejects an unknown currency at value.currency', () => {
    expect(pathsOf(CloseDealBody, { ...closeDealBody(), value: { amount: 100, currency: 'XYZ' } })).toEqual([
      ['value', 'currency'],
    ]);
  });

  it.each(['2026-10-02 15:00', '2026-10-02T15:00:00', '2026-10-02', 'yesterday'])(
    'rejects the non-ISO instant %j at closedAt, and only there',
    (closedAt) => {
      // An unparseable string also fails the calendar refinement, so there may be two issues; both at closedAt.
      const paths = pathsOf(CloseDealBody, { ...closeDealBody(), closedAt });
      expect(paths.length).toBeGreaterThan(0);
      expect(new Set(paths.map((path) => path.join('.')))).toEqual(new Set(['closedAt']));
    },
  );

  it('rejects a non-ISO deliverBy at promise.deliverBy', () => {
    expect(pathsOf(CloseDealBody, { ...closeDealBody(), promise: { deliverBy: '2026-10-20T17:00:00' } })).toEqual([
      ['promise', 'deliverBy'],
    ]);
  });

  it.each([
    ['zero', 0],
    ['negative', -5],
    ['fractional', 1.5],
  ])('rejects a %s scope quantity at scope.0.quantity', (_what, quantity) => {
    expect(pathsOf(CloseDealBody, { ...closeDealBody(), scope: [{ sku: 'SEALCOAT-SQFT', quantity }] })).toEqual([
      ['scope', 0, 'quantity'],
    ]);
  });

  it('rejects an empty scope', () => {
    expect(pathsOf(CloseDealBody, { ...closeDealBody(), scope: [] })).toEqual([['scope']]);
  });

  it('rejects unknown fields at the top level and inside nested objects (strict)', () => {
    const top = CloseDealBody.safeParse({ ...closeDealBody(), discount: 10 });
    expect(top.success).toBe(false);
    expect(top.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['discount'] })]);

    expect(pathsOf(CloseDealBody, { ...closeDealBody(), promise: { deliverBy: '2026-10-20T17:00:00Z', soft: true } })).toEqual([
      ['promise'],
    ]);
    expect(
      pathsOf(CloseDealBody, { ...closeDealBody(), scope: [{ sku: 'SEALCOAT-SQFT', quantity: 1, price: 3 }] }),
    ).toEqual([['scope', 0]]);
    expect(pathsOf(CloseDealBody, { ...closeDealBody(), value: { amount: 1, currency: 'USD', cents: true } })).toEqual([
      ['value'],
    ]);
  });

  it('rejects a deal id with characters outside letters, digits, ".", "_" and "-"', () => {
    expect(pathsOf(CloseDealBody, { ...closeDealBody(), dealId: 'D 1001' })).toEqual([['dealId']]);
    expect(pathsOf(CloseDealBody, { ...closeDealBody(), dealId: 'deal#1' })).toEqual([['dealId']]);
  });

  it('rejects a body without a promise, naming the field (and does not crash in the refinement)', () => {
    const { promise: _promise, ...withoutPromise } = closeDealBody();
    expect(pathsOf(CloseDealBody, withoutPromise)).toEqual([['promise']]);
  });
});

describe('the other command bodies', () => {
  const checklist = { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms: false };

  it('HandOffBody accepts the API example, with or without notes', () => {
    const body = { at: '2026-10-03T09:00:00Z', opsOwner: { id: 'P-OPS-1' }, opsTeam: 'T-OPS', checklist };
    expect(HandOffBody.parse(body)).toEqual(body);
    expect(HandOffBody.parse({ ...body, notes: 'gate 4411' })).toEqual({ ...body, notes: 'gate 4411' });
  });

  it('HandOffBody requires the whole checklist and rejects unknown fields', () => {
    const body = { at: '2026-10-03T09:00:00Z', opsOwner: { id: 'P-OPS-1' }, opsTeam: 'T-OPS', checklist };
    const { specialTerms: _specialTerms, ...partial } = checklist;
    expect(pathsOf(HandOffBody, { ...body, checklist: partial })).toEqual([['checklist', 'specialTerms']]);
    expect(pathsOf(HandOffBody, { ...body, priority: 'high' })).toEqual([[]]);
  });

  it('ChangeScopeBody accepts customer, sales and ops as initiators and nothing else', () => {
    const body = { at: '2026-10-05T10:00:00Z', scope: [{ sku: 'A', quantity: 1 }], reason: 'change order 7' };
    for (const initiatedBy of ['customer', 'sales', 'ops']) {
      expect(pathsOf(ChangeScopeBody, { ...body, initiatedBy })).toEqual([]);
    }
    expect(pathsOf(ChangeScopeBody, { ...body, initiatedBy: 'finance' })).toEqual([['initiatedBy']]);
  });

  it('ChangeScopeBody requires a reason', () => {
    expect(
      pathsOf(ChangeScopeBody, { at: '2026-10-05T10:00:00Z', scope: [{ sku: 'A', quantity: 1 }], initiatedBy: 'ops', reason: '' }),
    ).toEqual([['reason']]);
  });

  it('RevisePromiseBody rejects a deliverBy without an offset', () => {
    const body = { at: '2026-10-06T10:00:00Z', deliverBy: '2026-10-27T17:00:00Z', initiatedBy: 'customer', reason: 'site' };
    expect(pathsOf(RevisePromiseBody, body)).toEqual([]);
    expect(pathsOf(RevisePromiseBody, { ...body, deliverBy: '2026-10-27T17:00:00' })).toEqual([['deliverBy']]);
  });

  it('DeliverBody rejects a zero quantity and a missing deliveredBy', () => {
    const body = { at: '2026-10-19T12:00:00Z', deliveredBy: { id: 'P-OPS-1' }, scope: [{ sku: 'A', quantity: 1 }] };
    expect(pathsOf(DeliverBody, body)).toEqual([]);
    expect(pathsOf(DeliverBody, { ...body, scope: [{ sku: 'A', quantity: 0 }] })).toEqual([['scope', 0, 'quantity']]);
    const { deliveredBy: _deliveredBy, ...anonymous } = body;
    expect(pathsOf(DeliverBody, anonymous)).toEqual([['deliveredBy']]);
  });

  it('CancelDealBody needs at and a reason, nothing more', () => {
    expect(pathsOf(CancelDealBody, { at: '2026-10-10T08:00:00Z', reason: 'withdrew' })).toEqual([]);
    expect(pathsOf(CancelDealBody, { at: '2026-10-10T08:00:00Z' })).toEqual([['reason']]);
    expect(pathsOf(CancelDealBody, { at: '2026-10-10T08:00:00Z', reason: 'withdrew', refund: true })).toEqual([[]]);
  });

  it('an NPS response scores an integer 0..10 and may name no deal', () => {
    const body = { provider: 'import', responseId: 'r-1', score: 10, dealId: null, respondedAt: '2026-10-22T08:00:00Z' };
    expect(pathsOf(NpsResponseRecordedData, body)).toEqual([]);
    expect(pathsOf(NpsResponseRecordedData, { ...body, score: 0 })).toEqual([]);
    expect(pathsOf(NpsResponseRecordedData, { ...body, score: 11 })).toEqual([['score']]);
    expect(pathsOf(NpsResponseRecordedData, { ...body, score: -1 })).toEqual([['score']]);
    expect(pathsOf(NpsResponseRecordedData, { ...body, score: 7.5 })).toEqual([['score']]);
    expect(pathsOf(NpsResponseRecordedData, { ...body, provider: 'surveymonkey' })).toEqual([['provider']]);
  });
});
