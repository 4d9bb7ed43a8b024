import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { MAX_TRANSACTION_ITEMS } from '../../functions/projections/projectionWrites.ts';
import { packed, type StreamChange } from '../../functions/projections/streamProjector.ts';

/** A stream's change of `writes` view and document items that moves the named scorecard items. */
const change = (streamId: string, writes: number, counterItems: string[]): StreamChange => ({
  streamId,
  indexes: [],
  outcomes: new Map(),
  writes: Array.from({ length: writes }, (): TransactWriteItem => ({ Put: { TableName: 't', Item: {} } })),
  delta: Object.fromEntries(counterItems.map((id) => [id, { closed: 1 }])),
  bytes: 100,
});

const counterItemsOf = (group: StreamChange[]) => new Set(group.flatMap((one) => Object.keys(one.delta))).size;

describe("packing a batch's stream changes into transactions", () => {
  it("given two sellers' deals arriving alternately, too many for one transaction, then one seller's counter is written once and the other's split only where the first transaction fills up", () => {
    // 2 x 20 deals of 4 items: two transactions. Packed in arrival order, both sellers' counters would be in both (4 updates).
    expect(MAX_TRANSACTION_ITEMS).toBe(100);
    const changes = Array.from({ length: 40 }, (_, index) => change(`deal#${index}`, 4, [`bucket|person:S-${index % 2}|2026-10`]));

    const groups = packed(changes);

    expect(groups).toHaveLength(2);
    expect(groups.reduce((sum, group) => sum + counterItemsOf(group), 0)).toBe(3);
    for (const group of groups) expect(group.reduce((sum, one) => sum + one.writes.length, 0) + counterItemsOf(group)).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
    expect(groups.flat().map((one) => one.streamId).sort()).toEqual(changes.map((one) => one.streamId).sort());
  });

  it('given changes that fit one transaction, then they are written together, those sharing counters first', () => {
    const changes = [change('deal#a', 3, ['bucket|org|2026-10']), change('deal#b', 3, ['bucket|org|2026-11']), change('deal#c', 3, ['bucket|org|2026-10'])];

    const groups = packed(changes);

    expect(groups.map((group) => group.map((one) => one.streamId))).toEqual([['deal#a', 'deal#c', 'deal#b']]);
  });
});
