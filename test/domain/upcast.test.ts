import { describe, expect, it } from 'vitest';
import { upcastToCurrent, type Upcaster } from '../../domain/upcast.ts';

describe('upcasting stored events to the current schema', () => {
  it('given an event at the current version, then it is returned as stored', () => {
    const event = { schemaVersion: 1, type: 'DealCancelled', data: { reason: 'x' } };

    expect(upcastToCurrent(event)).toBe(event);
  });

  it('given a version-1 event and upcasters to version 3, then each step runs in order', () => {
    const upcasters: Record<number, Upcaster> = {
      1: (event) => ({ ...event, data: { reason: (event.data as { why: string }).why } }),
      2: (event) => ({ ...event, data: { ...(event.data as object), note: 'added in v3' } }),
    };

    const upcast = upcastToCurrent({ schemaVersion: 1, data: { why: 'refund' } }, upcasters, 3);

    expect(upcast).toEqual({ schemaVersion: 3, data: { reason: 'refund', note: 'added in v3' } });
  });

  it('given a missing upcaster, then it says which version cannot be read', () => {
    expect(() => upcastToCurrent({ schemaVersion: 1 }, {}, 2)).toThrow('no upcaster from schema version 1');
  });
});
