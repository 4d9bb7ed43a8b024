import { describe, expect, it } from 'vitest';
import type { DealCommand } from '../../domain/deal/commands.ts';
import { ReturnHandoffBody } from '../../domain/deal/commands.ts';
import type { HandoffGap } from '../../domain/deal/events.ts';
import { cancelled, dealAfter, dealClosed, delivered, given, handedOff, handoffReturned } from './dealSpec.ts';

const returnHandoff = (at: string, gaps: HandoffGap[] = ['deliveryDateConfirmed'], note?: string): DealCommand => ({
  type: 'ReturnHandoff',
  body: { at, gaps, ...(note === undefined ? {} : { note }) },
});
const handOff = (at: string): DealCommand => ({
  type: 'HandOff',
  body: {
    at,
    opsOwner: { id: 'P-OPS-2' },
    opsTeam: 'T-OPS',
    checklist: { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms: true },
  },
});
const deliver = (at: string): DealCommand => ({
  type: 'Deliver',
  body: { at, deliveredBy: { id: 'P-OPS-1' }, scope: [{ sku: 'SEALCOAT-SQFT', quantity: 12000 }] },
});

const closed = dealClosed();
const handed = handedOff('2026-10-03T09:00:00Z');
const returned = handoffReturned('2026-10-04T10:00:00Z', ['deliveryDateConfirmed', 'customerContact'], 'No site contact');

describe('returning a handoff', () => {
  it('given a handed-off deal, when ops returns it naming gaps and a note, then HandoffReturned at `at` with both', () => {
    given([closed, handed])
      .when(returnHandoff('2026-10-04T10:00:00Z', ['deliveryDateConfirmed', 'customerContact'], 'No site contact'))
      .then([
        {
          type: 'HandoffReturned',
          occurredAt: '2026-10-04T10:00:00Z',
          data: { gaps: ['deliveryDateConfirmed', 'customerContact'], note: 'No site contact' },
        },
      ]);
  });

  it('given a handed-off deal, when ops returns it without a note, then the event has no note', () => {
    given([closed, handed])
      .when(returnHandoff('2026-10-04T10:00:00Z', ['other']))
      .then([{ type: 'HandoffReturned', occurredAt: '2026-10-04T10:00:00Z', data: { gaps: ['other'] } }]);
  });

  it('given a closed deal never handed off, when ops returns it, then handoff-required', () => {
    given([closed]).when(returnHandoff('2026-10-04T10:00:00Z')).thenThrows('handoff-required');
  });

  it('given a returned handoff, when ops returns it again, then handoff-returned (there is nothing to return)', () => {
    given([closed, handed, returned]).when(returnHandoff('2026-10-05T10:00:00Z')).thenThrows('handoff-returned');
  });

  it('given a delivered deal, when ops returns its handoff, then deal-delivered', () => {
    given([closed, handed, delivered('2026-10-10T12:00:00Z')]).when(returnHandoff('2026-10-11T10:00:00Z')).thenThrows('deal-delivered');
  });

  it('given a cancelled deal, when ops returns its handoff, then deal-cancelled', () => {
    given([closed, handed, cancelled('2026-10-05T08:00:00Z')]).when(returnHandoff('2026-10-06T10:00:00Z')).thenThrows('deal-cancelled');
  });

  it('given a handoff at 09:00, when a return says 08:59 the same day, then before-handoff', () => {
    given([closed, handed]).when(returnHandoff('2026-10-03T08:59:00Z')).thenThrows('before-handoff');
  });

  it('given a handoff, when the return is at the same instant, then it is recorded', () => {
    given([closed, handed])
      .when(returnHandoff('2026-10-03T09:00:00Z', ['scopeDocumented']))
      .then([{ type: 'HandoffReturned', occurredAt: '2026-10-03T09:00:00Z', data: { gaps: ['scopeDocumented'] } }]);
  });
});

describe('after a return', () => {
  it('given a returned handoff, when ops delivers, then handoff-returned: delivery needs a handoff that was not returned', () => {
    given([closed, handed, returned]).when(deliver('2026-10-10T12:00:00Z')).thenThrows('handoff-returned');
  });

  it('given a handoff returned at 10:00 on 4 Oct, when sales hands it off again dated 09:59 that day, then before-return', () => {
    given([closed, handed, returned]).when(handOff('2026-10-04T09:59:00Z')).thenThrows('before-return');
  });

  it('given a returned handoff, when sales hands it off again, then HandoffCompleted', () => {
    given([closed, handed, returned])
      .when(handOff('2026-10-05T09:00:00Z'))
      .then([
        {
          type: 'HandoffCompleted',
          occurredAt: '2026-10-05T09:00:00Z',
          data: {
            opsOwner: { id: 'P-OPS-2' },
            opsTeam: 'T-OPS',
            checklist: { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms: true },
          },
        },
      ]);
  });

  it('given a handoff made again after a return, when ops delivers, then DeliveryCompleted', () => {
    given([closed, handed, returned, handedOff('2026-10-05T09:00:00Z')])
      .when(deliver('2026-10-10T12:00:00Z'))
      .then([
        {
          type: 'DeliveryCompleted',
          occurredAt: '2026-10-10T12:00:00Z',
          data: { deliveredBy: { id: 'P-OPS-1' }, scope: [{ sku: 'SEALCOAT-SQFT', quantity: 12000 }] },
        },
      ]);
  });

  it('given a handoff made again after a return, when sales hands it off a third time, then already-handed-off', () => {
    given([closed, handed, returned, handedOff('2026-10-05T09:00:00Z')]).when(handOff('2026-10-06T09:00:00Z')).thenThrows('already-handed-off');
  });

  it('the deal reads handoff-returned after a return and handed-off again after the next handoff, keeping every handoff', () => {
    expect(dealAfter([closed, handed, returned]).status).toBe('handoff-returned');
    const again = dealAfter([closed, handed, returned, handedOff('2026-10-05T09:00:00Z')]);
    expect(again.status).toBe('handed-off');
    expect(again.handoff?.at).toBe('2026-10-05T09:00:00Z');
    expect(again.handoffs.map((handoff) => [handoff.at, handoff.returned?.at ?? null])).toEqual([
      ['2026-10-03T09:00:00Z', '2026-10-04T10:00:00Z'],
      ['2026-10-05T09:00:00Z', null],
    ]);
    expect(again.handoffs[0]?.returned).toEqual({ at: '2026-10-04T10:00:00Z', gaps: ['deliveryDateConfirmed', 'customerContact'], note: 'No site contact' });
  });
});

describe('ReturnHandoffBody', () => {
  const pathsOf = (body: unknown) => {
    const result = ReturnHandoffBody.safeParse(body);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('accepts the API example', () => {
    expect(pathsOf({ at: '2026-10-04T10:00:00Z', gaps: ['scopeDocumented', 'other'], note: 'Lot B missing' })).toEqual([]);
  });

  it('refuses no gaps, naming gaps', () => {
    expect(pathsOf({ at: '2026-10-04T10:00:00Z', gaps: [] })).toEqual(['gaps']);
  });

  it('refuses a gap named twice, naming gaps', () => {
    expect(pathsOf({ at: '2026-10-04T10:00:00Z', gaps: ['other', 'other'] })).toEqual(['gaps']);
  });

  it('refuses a gap it does not know, naming its index', () => {
    expect(pathsOf({ at: '2026-10-04T10:00:00Z', gaps: ['pricing'] })).toEqual(['gaps.0']);
  });

  it('refuses a missing at and an empty note', () => {
    expect(pathsOf({ gaps: ['other'], note: '' }).sort()).toEqual(['at', 'note']);
  });
});
