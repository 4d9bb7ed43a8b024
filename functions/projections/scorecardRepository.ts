import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Month } from '../../domain/calendar.ts';
import type { CommitmentLedger, MonthCounts } from '../../domain/scorecard/contributions.ts';
import type { Dimension } from '../../domain/scorecard/dimensions.ts';
import { batchGetItems } from '../dynamo/batchGet.ts';
import { pagesOf } from '../dynamo/pages.ts';
import { LEDGER_SORT_KEY, scorecardPartition } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';
import { countersOf, ledgerOf, monthCountsOf } from './scorecardCounters.ts';

export interface StoredScorecards {
  months: Map<Month, MonthCounts>;
  ledger: CommitmentLedger;
}

/**
 * Reads scorecard items: a month is one BatchGetItem (its counts and the dimension's commitment
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
    const keys = [month, LEDGER_SORT_KEY].map((sortKey) => ({ [T.partitionKey]: { S: partition }, [T.sortKey]: { S: sortKey } }));
    const items = await batchGetItems(this.client, this.tableName, keys);
    const byKey = new Map(items.map((item) => [item[T.sortKey]?.S, item]));
    return {
      months: new Map([[month, monthCountsOf(countersOf(byKey.get(month)))]]),
      ledger: ledgerOf(countersOf(byKey.get(LEDGER_SORT_KEY))),
    };
  }

  async months(dimension: Dimension, from: Month, to: Month): Promise<StoredScorecards> {
    const partition = scorecardPartition(await this.generation(), dimension);
    const months = new Map<Month, MonthCounts>();
    let ledger: CommitmentLedger = {};
    // Months sort as text, and the ledger sorts after every month: one query reads both.
    const pages = pagesOf((startKey) =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#p = :p AND #k BETWEEN :from AND :ledger',
          ExpressionAttributeNames: { '#p': T.partitionKey, '#k': T.sortKey },
          ExpressionAttributeValues: { ':p': { S: partition }, ':from': { S: from }, ':ledger': { S: LEDGER_SORT_KEY } },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    for await (const page of pages) {
      for (const item of page) {
        const sortKey = item[T.sortKey]!.S!;
        if (sortKey === LEDGER_SORT_KEY) ledger = ledgerOf(countersOf(item));
        else if (sortKey <= to) months.set(sortKey, monthCountsOf(countersOf(item)));
      }
    }
    return { months, ledger };
  }
}
