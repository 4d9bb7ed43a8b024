import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { NpsResponse } from '../../domain/deal/events.ts';
import { pagesOf } from '../dynamo/pages.ts';
import { unattributedNpsPartition } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';
import { documentBodyOf } from './projectionWrites.ts';

/** NPS answers that named no known deal, as the projector listed them for attribution. */
export class UnattributedNpsRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly generation: () => Promise<number>,
  ) {}

  async list(limit = 1000): Promise<{ responses: NpsResponse[]; truncated: boolean }> {
    const responses: NpsResponse[] = [];
    const partition = unattributedNpsPartition(await this.generation());
    let more = false;
    const pages = pagesOf(async (startKey) => {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#p = :p',
          ExpressionAttributeNames: { '#p': T.partitionKey },
          ExpressionAttributeValues: { ':p': { S: partition } },
          ExclusiveStartKey: startKey,
          Limit: limit - responses.length,
        }),
      );
      more = page.LastEvaluatedKey !== undefined;
      return page;
    });
    for await (const page of pages) {
      responses.push(...page.map((item) => documentBodyOf(item) as NpsResponse));
      // A full list stops the reading: whatever is left only makes the answer truncated.
      if (responses.length >= limit) break;
    }
    return { responses, truncated: more };
  }
}
