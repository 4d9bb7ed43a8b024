import { describe, expect, it } from 'vitest';
import { dealProjection } from '../../domain/scorecard/streamProjections.ts';
import { changedDocuments, documentKeysOf, type StoredView } from '../../functions/projections/projectionWrites.ts';
import { dealAfter, dealClosed, handedOff, npsRecorded } from '../domain/dealSpec.ts';

const GENERATION = 1;
const documentsOf = (state: unknown) => dealProjection.documents(state as ReturnType<typeof dealAfter>, 'UTC');

/** A view as the projector stored it after folding these events: its state and the documents it wrote. */
const viewAfter = (state: ReturnType<typeof dealAfter>, documentKeys = documentKeysOf(GENERATION, documentsOf(state))): StoredView => ({
  lastVersion: 1,
  state,
  contributions: {},
  documentKeys,
});

describe('which of a stream\'s documents the projector writes again', () => {
  it('given a closed deal\'s view, when it is handed off, then only the documents the handoff changed are written', () => {
    const closed = dealAfter([dealClosed()]);
    const handedOffDeal = dealAfter([dealClosed(), handedOff()]);
    const documents = documentsOf(handedOffDeal);

    const written = changedDocuments(GENERATION, viewAfter(closed), documents, documentsOf);

    const unchanged = documentsOf(closed).filter((before) =>
      documents.some((after) => JSON.stringify(after) === JSON.stringify(before)),
    );
    expect(unchanged.length).toBeGreaterThan(0);
    expect(written.length).toBe(documents.length - unchanged.length);
    for (const document of unchanged) expect(written).not.toContainEqual(document);
  });

  it('given an NPS answer that changes no document, when it is folded, then nothing is written but the view', () => {
    const handedOffDeal = dealAfter([dealClosed(), handedOff()]);
    const answered = dealAfter([dealClosed(), handedOff(), npsRecorded('2026-10-25T10:00:00Z', 9, 'r-1')]);
    const before = new Set(documentsOf(handedOffDeal).map((document) => JSON.stringify(document)));

    const written = changedDocuments(GENERATION, viewAfter(handedOffDeal), documentsOf(answered), documentsOf);

    expect(written.every((document) => !before.has(JSON.stringify(document)))).toBe(true);
  });

  it('given a view stored before a kind of document existed (it lists none of them), when folded on, then those documents are written', () => {
    const closed = dealAfter([dealClosed()]);
    const documents = documentsOf(dealAfter([dealClosed(), handedOff()]));
    const olderKinds = documentsOf(closed).filter((document) => document.kind !== 'week-fact');

    const written = changedDocuments(GENERATION, viewAfter(closed, documentKeysOf(GENERATION, olderKinds)), documents, documentsOf);

    const weekFacts = documents.filter((document) => document.kind === 'week-fact');
    expect(weekFacts.length).toBeGreaterThan(0);
    for (const document of weekFacts) expect(written).toContainEqual(document);
  });

  it('given no view yet, then every document is written', () => {
    const documents = documentsOf(dealAfter([dealClosed()]));

    expect(changedDocuments(GENERATION, null, documents, documentsOf)).toEqual(documents);
  });
});
