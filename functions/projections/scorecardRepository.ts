import { QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Month } from '../../domain/calendar.ts';
import { batchGetItems } from '../dynamo/batchGet.ts';
import type { Counters } from '../../domain/scorecard/contributions.ts';
import type { Dimension } from '../../domain/scorecard/dimensions.ts';
import { countersOf, scorecardPartition } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';

export interface StoredScorecards {
  buckets: Map<Month, Counters>;
  ledger: Counters;
}

/**
 * Reads scorecard items: a month is one BatchGetItem (its bucket and the dimension's commitment
 * ledger), a range of months is one Query plus the ledger, however many events lie behind them.
 */
export class ScorecardRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly generation: () => Promise<number>,
  ) {}

  async month(dimension: Dimension, month: Month): Promise<StoredScorecards> {
    const partition = scorecardPartition(await this.generation(), dimension);
    const keys = [month, 'ledger'].map((sortKey) => ({ [T.partitionKey]: { S: partition }, [T.sortKey]: { S: sortKey } }));
    const items = await batchGetItems(this.client, this.tableName, keys);
    const byKey = new Map(items.map((item) => [item[T.sortKey]?.S, item]));
    return { buckets: new Map([[month, countersOf(byKey.get(month))]]), ledger: countersOf(byKey.get('ledger')) };
  }

  async months(dimension: Dimension, from: Month, to: Month): Promise<StoredScorecards> {
    const partition = scorecardPartition(await this.generation(), dimension);
    const buckets = new Map<Month, Counters>();
    let ledger: Counters = {};
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      // Months sort as text, and `ledger` sorts after every month: one query reads both.
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#p = :p AND #k BETWEEN :from AND :ledger',
          ExpressionAttributeNames: { '#p': T.partitionKey, '#k': T.sortKey },
          ExpressionAttributeValues: { ':p': { S: partition }, ':from': { S: from }, ':ledger': { S: 'ledger' } },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const sortKey = item[T.sortKey]!.S!;
        if (sortKey === 'ledger') ledger = countersOf(item);
        else if (sortKey <= to) buckets.set(sortKey, countersOf(item));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return { buckets, ledger };
  }
}
