import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { ProjectedDocument } from '../../domain/scorecard/streamProjections.ts';
import { documentItemKey, documentKeyOf, recordedDocumentKey, scorecardItemKey, streamViewKey, type ItemKey, type RecordedDocumentKey } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';
import type { Counters, ItemCounters } from './scorecardCounters.ts';

type Item = Record<string, AttributeValue>;

/** The most items one DynamoDB transaction may hold. */
export const MAX_TRANSACTION_ITEMS = 100;

/** A stream's view as stored: how far it is folded, the folded state, what it counted for and the documents it listed. */
export interface StoredView {
  lastVersion: number;
  state: unknown;
  contributions: ItemCounters;
  documentKeys: ItemKey[];
}

/** Pinned, not left to zlib's default, so a view packs the same way wherever it is written; level 9 packs views no smaller, only slower. */
const PACK_LEVEL = 6;

/** A view's packed attribute, unpacked: the attributes views were once stored in, under the same names. */
interface PackedView {
  [T.state]: unknown;
  [T.contributions]: ItemCounters;
  [T.documents]?: RecordedDocumentKey[];
}

/**
 * A view as stored. The JSON is deterministic (the state is built in event order) and so is deflate at
 * a fixed level on one zlib, so a rebuilt view is byte for byte the live one it replaces.
 */
export const viewItem = (generation: number, streamId: string, view: StoredView): Item => {
  const packed: PackedView = {
    [T.state]: view.state,
    [T.contributions]: view.contributions,
    [T.documents]: view.documentKeys.map((key) => recordedDocumentKey(generation, key)),
  };
  return {
    ...streamViewKey(generation, streamId),
    [T.lastVersion]: { N: String(view.lastVersion) },
    [T.packed]: { B: deflateRawSync(JSON.stringify(packed), { level: PACK_LEVEL }) },
  };
};

/** Views written before they were packed keep their parts in attributes of their own (and the oldest list no documents). */
const unpacked = (item: Item): PackedView => {
  const packed = item[T.packed]?.B;
  if (packed) return JSON.parse(inflateRawSync(packed).toString('utf8')) as PackedView;
  const documents = item[T.documents]?.S;
  return {
    [T.state]: JSON.parse(item[T.state]!.S!) as unknown,
    [T.contributions]: JSON.parse(item[T.contributions]!.S!) as ItemCounters,
    ...(documents ? { [T.documents]: JSON.parse(documents) as RecordedDocumentKey[] } : {}),
  };
};

/** Views written before documents could move record none: they listed only documents that never move. */
export const parseView = (generation: number, item: Item): StoredView => {
  const view = unpacked(item);
  return {
    lastVersion: Number(item[T.lastVersion]!.N),
    state: view[T.state],
    contributions: view[T.contributions],
    documentKeys: (view[T.documents] ?? []).map((key) => documentKeyOf(generation, key)),
  };
};

export const documentKeysOf = (generation: number, documents: readonly ProjectedDocument[]): ItemKey[] =>
  documents.map((document) => documentItemKey(generation, document));

export const documentItem = (generation: number, document: ProjectedDocument): Item => ({
  ...documentItemKey(generation, document),
  [T.document]: { S: JSON.stringify(document.body) },
});

export const documentBodyOf = (item: Item): unknown => JSON.parse(item[T.document]!.S!);

/** A scorecard item written whole (by a rebuild, into a generation no one else writes yet); zeros are left out. */
export const scorecardItem = (generation: number, id: string, counters: Counters): Item => ({
  ...scorecardItemKey(generation, id),
  ...Object.fromEntries(
    Object.entries(counters)
      .filter(([, amount]) => amount !== 0)
      .map(([name, amount]) => [name, { N: String(amount) }]),
  ),
});

/** The updates that move every touched scorecard item by a change in contributions. */
export const counterUpdates = (tableName: string, generation: number, delta: ItemCounters): TransactWriteItem[] =>
  Object.entries(delta).map(([id, counters]) => {
    const names: Record<string, string> = {};
    const values: Record<string, { N: string }> = {};
    const adds = Object.entries(counters).map(([name, amount], index) => {
      names[`#c${index}`] = name;
      values[`:c${index}`] = { N: String(amount) };
      return `#c${index} :c${index}`;
    });
    return {
      Update: {
        TableName: tableName,
        Key: scorecardItemKey(generation, id),
        UpdateExpression: `ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });

/**
 * The documents to write: those the view did not list, or whose body is not what its stored state
 * lists. Most events leave most of a stream's documents as they were (a delivery does not change the
 * close's week fact), and a write unit each is most of what projecting costs. Only a document the view
 * recorded as written may be skipped, so a kind of document newer than the view is written all the same.
 */
export const changedDocuments = (
  generation: number,
  view: StoredView | null,
  documents: readonly ProjectedDocument[],
  documentsOf: (state: unknown) => readonly ProjectedDocument[],
): ProjectedDocument[] => {
  if (!view || view.documentKeys.length === 0) return [...documents];
  const written = new Set(view.documentKeys.map(keyText));
  const before = new Map(
    documentsOf(view.state).map((document) => [keyText(documentItemKey(generation, document)), JSON.stringify(document.body)]),
  );
  return documents.filter((document) => {
    const key = keyText(documentItemKey(generation, document));
    return !written.has(key) || before.get(key) !== JSON.stringify(document.body);
  });
};

const keyText = (key: ItemKey): string => `${key[T.partitionKey]!.S}\u0000${key[T.sortKey]!.S}`;

export const documentPuts = (tableName: string, generation: number, documents: readonly ProjectedDocument[]): TransactWriteItem[] =>
  documents.map((document) => ({ Put: { TableName: tableName, Item: documentItem(generation, document) } }));

const sameKey = (a: ItemKey, b: ItemKey): boolean =>
  a[T.partitionKey]!.S === b[T.partitionKey]!.S && a[T.sortKey]!.S === b[T.sortKey]!.S;

/** Deletes the documents a stream listed before and lists no more (a transaction may not both put and delete one item). */
export const documentDeletes = (tableName: string, before: readonly ItemKey[], after: readonly ItemKey[]): TransactWriteItem[] =>
  before.filter((key) => !after.some((kept) => sameKey(key, kept))).map((key) => ({ Delete: { TableName: tableName, Key: key } }));

/**
 * The view's new version, written only if the view still holds the version it was read at, so two
 * projectors that read the same view cannot both apply their change to the counters.
 */
export const viewPut = (tableName: string, generation: number, streamId: string, before: StoredView | null, after: StoredView): TransactWriteItem => ({
  Put: {
    TableName: tableName,
    Item: viewItem(generation, streamId, after),
    ConditionExpression: before ? '#lv = :lastVersion' : 'attribute_not_exists(#lv)',
    ExpressionAttributeNames: { '#lv': T.lastVersion },
    ...(before ? { ExpressionAttributeValues: { ':lastVersion': { N: String(before.lastVersion) } } } : {}),
  },
});
