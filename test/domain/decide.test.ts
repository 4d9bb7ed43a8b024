import { describe, it } from 'vitest';
import type { DealCommand } from '../../domain/deal/commands.ts';
import {
  CLOSED_AT,
  DEAL_ID,
  DELIVER_BY,
  SOLD_SCOPE,
  cancelled,
  dealClosed,
  delivered,
  given,
  handedOff,
  npsRecorded,
  promiseRevised,
  scopeChanged,
} from './dealSpec.ts';

// Commands, each with the moment it happens as its only argument.
const closeDeal = (closedAt = CLOSED_AT): DealCommand => ({
  type: 'CloseDeal',
  body: {
    dealId: DEAL_ID,
    closedAt,
    customer: { id: 'C-7', name: 'Acme Paving' },
    seller: { id: 'P-SALES-1' },
    salesTeam: 'T-SALES',
    value: { amount: 1_250_000, currency: 'USD' },
    scope: SOLD_SCOPE,
    promise: { deliverBy: DELIVER_BY },
  },
});
const handOff = (at: string): DealCommand => ({
  type: 'HandOff',
  body: {
    at,
    opsOwner: { id: 'P-OPS-1' },
    opsTeam: 'T-OPS',
    checklist: { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms: false },
  },
});
const changeScope = (at: string): DealCommand => ({
  type: 'ChangeScope',
  body: { at, scope: [{ sku: 'SEALCOAT-SQFT', quantity: 15000 }], initiatedBy: 'customer', reason: 'lot B added' },
});
const revisePromise = (at: string): DealCommand => ({
  type: 'RevisePromise',
  body: { at, deliverBy: '2026-10-27T17:00:00Z', initiatedBy: 'customer', reason: 'site not ready' },
});
const deliver = (at: string): DealCommand => ({
  type: 'Deliver',
  body: { at, deliveredBy: { id: 'P-OPS-1' }, scope: SOLD_SCOPE },
});
const cancelDeal = (at: string): DealCommand => ({ type: 'CancelDeal', body: { at, reason: 'customer withdrew' } });
const recordNps = (respondedAt: string): DealCommand => ({
  type: 'RecordNpsResponse',
  body: { provider: 'typeform', responseId: 'tf-1', score: 9, comment: 'great crew', dealId: DEAL_ID, respondedAt },
});

const closed = dealClosed();
const handed = handedOff('2026-10-03T09:00:00Z');
const done = delivered('2026-10-19T12:00:00Z');
const gone = cancelled('2026-10-10T08:00:00Z');

describe('happy paths: each command records exactly one event, dated by the command', () => {
  it('CloseDeal records DealClosed at closedAt, with the body minus closedAt as data', () => {
    given([])
      .when(closeDeal('2026-10-02T15:00:00Z'))
      .then([
        {
          type: 'DealClosed',
          occurredAt: '2026-10-02T15:00:00Z',
          data: {
            dealId: 'D-1001',
            customer: { id: 'C-7', name: 'Acme Paving' },
            seller: { id: 'P-SALES-1' },
            salesTeam: 'T-SALES',
            value: { amount: 1_250_000, currency: 'USD' },
            scope: SOLD_SCOPE,
            promise: { deliverBy: '2026-10-20T17:00:00Z' },
            engagement: null,
          },
        },
      ]);
  });

  it('HandOff records HandoffCompleted at `at`, notes kept', () => {
    given([closed])
      .when({
        type: 'HandOff',
        body: {
          at: '2026-10-03T09:00:00Z',
          opsOwner: { id: 'P-OPS-1' },
          opsTeam: 'T-OPS',
          checklist: { scopeDocumented: true, deliveryDateConfirmed: false, customerContact: true, specialTerms: false },
          notes: 'gate code 4411',
        },
      })
      .then([
        {
          type: 'HandoffCompleted',
          occurredAt: '2026-10-03T09:00:00Z',
          data: {
            opsOwner: { id: 'P-OPS-1' },
            opsTeam: 'T-OPS',
            checklist: { scopeDocumented: true, deliveryDateConfirmed: false, customerContact: true, specialTerms: false },
            notes: 'gate code 4411',
          },
        },
      ]);
  });

  it('ChangeScope records ScopeChanged at `at`', () => {
    given([closed, handed])
      .when(changeScope('2026-10-05T10:00:00Z'))
      .then([
        {
          type: 'ScopeChanged',
          occurredAt: '2026-10-05T10:00:00Z',
          data: { scope: [{ sku: 'SEALCOAT-SQFT', quantity: 15000 }], initiatedBy: 'customer', reason: 'lot B added' },
        },
      ]);
  });

  it('ChangeScope is allowed before the handoff too', () => {
    given([closed])
      .when(changeScope('2026-10-02T16:00:00Z'))
      .then([
        {
          type: 'ScopeChanged',
          occurredAt: '2026-10-02T16:00:00Z',
          data: { scope: [{ sku: 'SEALCOAT-SQFT', quantity: 15000 }], initiatedBy: 'customer', reason: 'lot B added' },
        },
      ]);
  });

  it('RevisePromise records PromiseRevised at `at`', () => {
    given([closed, handed])
      .when(revisePromise('2026-10-06T10:00:00Z'))
      .then([
        {
          type: 'PromiseRevised',
          occurredAt: '2026-10-06T10:00:00Z',
          data: { deliverBy: '2026-10-27T17:00:00Z', initiatedBy: 'customer', reason: 'site not ready' },
        },
      ]);
  });

  it('Deliver records DeliveryCompleted at `at`', () => {
    given([closed, handed])
      .when(deliver('2026-10-19T12:00:00Z'))
      .then([
        {
          type: 'DeliveryCompleted',
          occurredAt: '2026-10-19T12:00:00Z',
          data: { deliveredBy: { id: 'P-OPS-1' }, scope: SOLD_SCOPE },
        },
      ]);
  });

  it('CancelDeal records DealCancelled at `at`', () => {
    given([closed, handed])
      .when(cancelDeal('2026-10-10T08:00:00Z'))
      .then([{ type: 'DealCancelled', occurredAt: '2026-10-10T08:00:00Z', data: { reason: 'customer withdrew' } }]);
  });

  it('RecordNpsResponse records NpsResponseRecorded at respondedAt, with the whole body as data', () => {
    given([closed, handed, done])
      .when(recordNps('2026-10-22T08:30:00+02:00'))
      .then([
        {
          type: 'NpsResponseRecorded',
          occurredAt: '2026-10-22T08:30:00+02:00',
          data: {
            provider: 'typeform',
            responseId: 'tf-1',
            score: 9,
            comment: 'great crew',
            dealId: 'D-1001',
            respondedAt: '2026-10-22T08:30:00+02:00',
          },
        },
      ]);
  });
});

describe('a deal id closes once', () => {
  it('closing the same deal again breaks deal-already-closed', () => {
    given([closed]).when(closeDeal()).thenThrows('deal-already-closed');
  });

  it('even after it was cancelled', () => {
    given([closed, gone]).when(closeDeal('2026-11-01T00:00:00Z')).thenThrows('deal-already-closed');
  });
});

describe('commands on a deal that was never closed', () => {
  const commands: [string, DealCommand][] = [
    ['HandOff', handOff('2026-10-03T09:00:00Z')],
    ['ChangeScope', changeScope('2026-10-05T10:00:00Z')],
    ['RevisePromise', revisePromise('2026-10-06T10:00:00Z')],
    ['Deliver', deliver('2026-10-19T12:00:00Z')],
    ['CancelDeal', cancelDeal('2026-10-10T08:00:00Z')],
  ];
  it.each(commands)('%s breaks unknown-deal', (_name, command) => {
    given([]).when(command).thenThrows('unknown-deal');
  });

  // A deal stream cannot start with an NPS answer: evolve refuses to fold it before DealClosed.
  // (The API keeps answers for unknown deals at organisation level; that is the caller's routing.)
  it('RecordNpsResponse breaks unknown-deal', () => {
    given([]).when(recordNps('2026-10-22T08:30:00Z')).thenThrows('unknown-deal');
  });
});

describe('handoff', () => {
  it('no delivery before a handoff: handoff-required', () => {
    given([closed]).when(deliver('2026-10-19T12:00:00Z')).thenThrows('handoff-required');
  });

  it('a deal is handed off once: already-handed-off', () => {
    given([closed, handed]).when(handOff('2026-10-04T09:00:00Z')).thenThrows('already-handed-off');
  });
});

describe('nothing but an NPS answer after a cancellation', () => {
  const commands: [string, DealCommand][] = [
    ['HandOff', handOff('2026-10-11T09:00:00Z')],
    ['ChangeScope', changeScope('2026-10-11T09:00:00Z')],
    ['RevisePromise', revisePromise('2026-10-11T09:00:00Z')],
    ['CancelDeal (again)', cancelDeal('2026-10-11T09:00:00Z')],
  ];
  it.each(commands)('%s breaks deal-cancelled', (_name, command) => {
    given([closed, handed, gone]).when(command).thenThrows('deal-cancelled');
  });

  it('Deliver breaks deal-cancelled', () => {
    given([closed, handed, gone]).when(deliver('2026-10-19T12:00:00Z')).thenThrows('deal-cancelled');
  });

  it('HandOff on a deal cancelled before its handoff breaks deal-cancelled', () => {
    given([closed, gone]).when(handOff('2026-10-11T09:00:00Z')).thenThrows('deal-cancelled');
  });

  it('Deliver on a deal cancelled before its handoff breaks deal-cancelled, not handoff-required', () => {
    given([closed, gone]).when(deliver('2026-10-19T12:00:00Z')).thenThrows('deal-cancelled');
  });

  it('an NPS answer after a cancellation is still recorded', () => {
    given([closed, handed, gone])
      .when(recordNps('2026-10-12T08:00:00Z'))
      .then([
        {
          type: 'NpsResponseRecorded',
          occurredAt: '2026-10-12T08:00:00Z',
          data: {
            provider: 'typeform',
            responseId: 'tf-1',
            score: 9,
            comment: 'great crew',
            dealId: 'D-1001',
            respondedAt: '2026-10-12T08:00:00Z',
          },
        },
      ]);
  });
});

describe('after delivery only an NPS answer or a cancellation', () => {
  const commands: [string, DealCommand][] = [
    ['ChangeScope', changeScope('2026-10-21T09:00:00Z')],
    ['RevisePromise', revisePromise('2026-10-21T09:00:00Z')],
    ['HandOff', handOff('2026-10-21T09:00:00Z')],
    ['Deliver (again)', deliver('2026-10-21T09:00:00Z')],
  ];
  it.each(commands)('%s breaks deal-delivered', (_name, command) => {
    given([closed, handed, done]).when(command).thenThrows('deal-delivered');
  });

  it('a cancellation after delivery (a refund) is accepted', () => {
    given([closed, handed, done])
      .when(cancelDeal('2026-10-25T08:00:00Z'))
      .then([{ type: 'DealCancelled', occurredAt: '2026-10-25T08:00:00Z', data: { reason: 'customer withdrew' } }]);
  });

  it('an NPS answer after delivery is accepted', () => {
    given([closed, handed, done, npsRecorded('2026-10-21T08:00:00Z', 6, 'dl-1')])
      .when(recordNps('2026-10-22T08:00:00Z'))
      .then([
        {
          type: 'NpsResponseRecorded',
          occurredAt: '2026-10-22T08:00:00Z',
          data: {
            provider: 'typeform',
            responseId: 'tf-1',
            score: 9,
            comment: 'great crew',
            dealId: 'D-1001',
            respondedAt: '2026-10-22T08:00:00Z',
          },
        },
      ]);
  });

  it('after a delivery and then a cancellation, a second cancellation breaks deal-cancelled', () => {
    given([closed, handed, done, cancelled('2026-10-25T08:00:00Z')])
      .when(cancelDeal('2026-10-26T08:00:00Z'))
      .thenThrows('deal-cancelled');
  });
});

describe('nothing is dated before the deal closed', () => {
  const oneSecondBeforeClose = '2026-10-02T14:59:59Z';
  const commands: [string, DealCommand][] = [
    ['HandOff', handOff(oneSecondBeforeClose)],
    ['ChangeScope', changeScope(oneSecondBeforeClose)],
    ['RevisePromise', revisePromise(oneSecondBeforeClose)],
    ['CancelDeal', cancelDeal(oneSecondBeforeClose)],
  ];
  it.each(commands)('%s one second before the close breaks before-close', (_name, command) => {
    given([closed]).when(command).thenThrows('before-close');
  });

  it('Deliver before the close breaks before-close', () => {
    given([closed, handed]).when(deliver(oneSecondBeforeClose)).thenThrows('before-close');
  });

  it('offsets are compared as instants: 16:59:59+02:00 is before a 15:00Z close', () => {
    given([closed]).when(handOff('2026-10-02T16:59:59+02:00')).thenThrows('before-close');
  });

  it('exactly at the close is not before it', () => {
    given([closed])
      .when(cancelDeal(CLOSED_AT))
      .then([{ type: 'DealCancelled', occurredAt: CLOSED_AT, data: { reason: 'customer withdrew' } }]);
  });

  it('17:00+02:00 is the same instant as the 15:00Z close, so it is accepted', () => {
    given([closed])
      .when(handOff('2026-10-02T17:00:00+02:00'))
      .then([{ ...handedOff('2026-10-02T17:00:00+02:00') }]);
  });
});

describe('changes before delivery keep the deal open', () => {
  it('after an internal scope change and an internal revision the deal can still be delivered', () => {
    given([
      closed,
      handed,
      scopeChanged('2026-10-05T10:00:00Z', [{ sku: 'SEALCOAT-SQFT', quantity: 15000 }], 'ops'),
      promiseRevised('2026-10-06T10:00:00Z', '2026-10-27T17:00:00Z', 'sales'),
    ])
      .when(deliver('2026-10-26T12:00:00Z'))
      .then([
        {
          type: 'DeliveryCompleted',
          occurredAt: '2026-10-26T12:00:00Z',
          data: { deliveredBy: { id: 'P-OPS-1' }, scope: SOLD_SCOPE },
        },
      ]);
  });
});
