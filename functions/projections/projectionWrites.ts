import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Contributions } from '../../domain/scorecard/contributions.ts';
import type { ProjectedDocument } from '../../domain/scorecard/streamProjections.ts';
import { contributionItemKey, documentItemKey, streamViewKey } from './projectionKeys.ts';

/** The most items one DynamoDB transaction may hold. */
export const MAX_TRANSACTION_ITEMS = 100;

export interface StoredView {
  lastVersion: number;
  state: unknown;
  contributions: Contributions;
}

export const parseView = (item: Record<string, AttributeValue>): StoredView => ({
  lastVersion: Number(item.lv!.N),
  state: JSON.parse(item.st!.S!) as unknown,
  contributions: JSON.parse(item.c!.S!) as Contributions,
});

/** The updates that move every touched scorecard item by the deal's change in contribution. */
export const counterUpdates = (tableName: string, generation: number, delta: Contributions): TransactWriteItem[] =>
  Object.entries(delta).map(([key, counters]) => {
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
        Key: contributionItemKey(generation, key),
        UpdateExpression: `ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });

export const documentPuts = (tableName: string, generation: number, documents: ProjectedDocument[]): TransactWriteItem[] =>
  documents.map((document) => ({
    Put: { TableName: tableName, Item: { ...documentItemKey(generation, document.key), d: { S: JSON.stringify(document.body) } } },
  }));

/**
 * The view's new version, written only if the view still holds the version it was read at, so two
 * projectors that read the same view cannot both apply their change to the counters.
 */
export const viewPut = (
  tableName: string,
  generation: number,
  streamId: string,
  before: StoredView | null,
  after: { version: number; state: unknown; contributions: Contributions },
): TransactWriteItem => ({
  Put: {
    TableName: tableName,
    Item: {
      ...streamViewKey(generation, streamId),
      lv: { N: String(after.version) },
      st: { S: JSON.stringify(after.state) },
      c: { S: JSON.stringify(after.contributions) },
    },
    ConditionExpression: before ? 'lv = :lastVersion' : 'attribute_not_exists(lv)',
    ...(before ? { ExpressionAttributeValues: { ':lastVersion': { N: String(before.lastVersion) } } } : {}),
  },
});
