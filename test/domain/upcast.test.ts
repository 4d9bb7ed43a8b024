import { describe, expect, it } from 'vitest';
import { streamKinds, upcastStoredEvent } from '../../domain/streams.ts';
import { upcastToCurrent, type SchemaHistory, type Upcaster } from '../../domain/upcast.ts';

const renameWhyToReason: Upcaster = (event) => ({ ...event, data: { reason: (event.data as { why: string }).why } });

describe('upcasting stored events to the current schema of their kind', () => {
  it('given an event at its kind\'s current version, when upcast, then it is returned as stored', () => {
    const event = { schemaVersion: streamKinds.deal.schemaVersion, type: 'DealCancelled', data: { reason: 'x' } };

    expect(upcastToCurrent(event, streamKinds.deal)).toBe(event);
  });

  it('given a version-1 event and upcasters to version 3, when upcast, then each step runs in order', () => {
    const history: SchemaHistory = {
      schemaVersion: 3,
      upcasters: { 1: renameWhyToReason, 2: (event) => ({ ...event, data: { ...(event.data as object), note: 'added in v3' } }) },
    };

    const upcast = upcastToCurrent({ schemaVersion: 1, data: { why: 'refund' } }, history);

    expect(upcast).toEqual({ schemaVersion: 3, data: { reason: 'refund', note: 'added in v3' } });
  });

  it('given a missing upcaster, when upcast, then it says which version cannot be read', () => {
    expect(() => upcastToCurrent({ schemaVersion: 1 }, { schemaVersion: 2, upcasters: {} })).toThrow('no upcaster from schema version 1');
  });

  it('given only the deal kind at version 2, when a deal event and an NPS answer\'s event at version 1 are read, then only the deal event is upcast', () => {
    const registry = { ...streamKinds, deal: { ...streamKinds.deal, schemaVersion: 2, upcasters: { 1: renameWhyToReason } } };
    const dealEvent = { schemaVersion: 1, streamId: 'deal#D-1', type: 'DealCancelled', data: { why: 'refund' } };
    const npsEvent = { schemaVersion: 1, streamId: 'nps#delighted:r-1', type: 'NpsResponseRecorded', data: { why: 'kept as stored' } };

    expect(upcastStoredEvent('deal#D-1', dealEvent, registry)).toEqual({ ...dealEvent, schemaVersion: 2, data: { reason: 'refund' } });
    expect(upcastStoredEvent('nps#delighted:r-1', npsEvent, registry)).toBe(npsEvent);
  });

  it('given a stream id that names no kind of stream, when its event is upcast, then it says so', () => {
    expect(() => upcastStoredEvent('invoice#I-1', { schemaVersion: 1 })).toThrow('stream id invoice#I-1 names no kind of stream');
  });

  it('given a DealClosed stored before the promise desk (schema 1), when read, then it has engagement null and nothing else changes', () => {
    const stored = { schemaVersion: 1, type: 'DealClosed', data: { dealId: 'D-1', value: { amount: 1, currency: 'USD' } } };

    const read = upcastStoredEvent('deal#D-1', stored);

    expect(read).toEqual({ schemaVersion: 2, type: 'DealClosed', data: { dealId: 'D-1', value: { amount: 1, currency: 'USD' }, engagement: null } });
  });

  it('given another deal event stored at schema 1, when read, then only its schema version moves', () => {
    const stored = { schemaVersion: 1, type: 'DealCancelled', data: { reason: 'refund' } };

    expect(upcastStoredEvent('deal#D-1', stored)).toEqual({ ...stored, schemaVersion: 2 });
  });
});
