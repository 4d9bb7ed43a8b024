import { describe, expect, it } from 'vitest';
import { dealProjection } from '../../domain/scorecard/streamProjections.ts';
import { recordedDocumentKey } from '../../functions/projections/projectionKeys.ts';
import { documentKeysOf, parseView, viewItem, type StoredView } from '../../functions/projections/projectionWrites.ts';
import { itemCountersOf } from '../../functions/projections/scorecardCounters.ts';
import { dealAfter, dealClosed, delivered, handedOff, npsRecorded, promiseRevised, scopeChanged, SOLD_SCOPE } from '../domain/dealSpec.ts';
import { dynamoItemBytes } from '../bench/dynamoItemSize.ts';

const GENERATION = 3;
const STREAM = 'deal#D-1001';

/** A deal's view after a full life: closed, handed off, changed, revised, delivered and answered. */
const fullView = (): StoredView => {
  const state = dealAfter([
    dealClosed(),
    handedOff(),
    scopeChanged('2026-10-05T10:00:00Z', [...SOLD_SCOPE, { sku: 'EXTRA', description: 'Lot B', quantity: 40 }], 'customer'),
    promiseRevised('2026-10-06T10:00:00Z', '2026-10-24T17:00:00Z', 'customer'),
    delivered('2026-10-19T10:00:00Z'),
    npsRecorded('2026-10-25T10:00:00Z', 9, 'r-1'),
  ]);
  return {
    lastVersion: 6,
    state,
    contributions: itemCountersOf(dealProjection.contributions(state, 'UTC')),
    documentKeys: documentKeysOf(GENERATION, dealProjection.documents(state, 'UTC')),
  };
};

describe('a stream view as stored', () => {
  it('given a view, when stored and read back, then it is the same view, packed under 1 KB (one write unit per KB)', () => {
    const view = fullView();

    const item = viewItem(GENERATION, STREAM, view);

    expect(parseView(GENERATION, item)).toEqual(view);
    expect(JSON.stringify([view.state, view.contributions]).length).toBeGreaterThan(1024);
    expect(dynamoItemBytes(item)).toBeLessThan(1024);
  });

  it('given the same view stored twice, then the items are identical byte for byte (a rebuilt view equals the live one)', () => {
    const first = viewItem(GENERATION, STREAM, fullView());

    const second = viewItem(GENERATION, STREAM, fullView());

    expect(Buffer.from(second.z!.B!).equals(Buffer.from(first.z!.B!))).toBe(true);
  });

  it('given a view stored before views were packed (JSON attributes), when read, then it is the view it stored', () => {
    const view = fullView();
    const unpacked = {
      p: { S: `g${GENERATION}#${STREAM}` },
      k: { S: 'view' },
      lv: { N: '6' },
      st: { S: JSON.stringify(view.state) },
      c: { S: JSON.stringify(view.contributions) },
      dk: { S: JSON.stringify(view.documentKeys.map((key) => recordedDocumentKey(GENERATION, key))) },
    };

    expect(parseView(GENERATION, unpacked)).toEqual(view);
  });

  it('given a view stored before documents could move (no document keys), when read, then it lists none', () => {
    const view = fullView();
    const oldest = { p: { S: `g${GENERATION}#${STREAM}` }, k: { S: 'view' }, lv: { N: '6' }, st: { S: JSON.stringify(view.state) }, c: { S: JSON.stringify(view.contributions) } };

    expect(parseView(GENERATION, oldest)).toEqual({ ...view, documentKeys: [] });
  });
});
