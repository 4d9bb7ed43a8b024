import { QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { NpsResponse } from '../../domain/deal/events.ts';
import { documentPartition } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';

/** NPS answers that named no known deal, as the projector listed them for attribution. */
export class UnattributedNpsRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly generation: () => Promise<number>,
  ) {}

  async list(limit = 1000): Promise<{ responses: NpsResponse[]; truncated: boolean }> {
    const responses: NpsResponse[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    const partition = documentPartition(await this.generation(), 'unattributed-nps');
    do {
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
      for (const item of page.Items ?? []) responses.push(JSON.parse(item.d!.S!) as NpsResponse);
      startKey = page.LastEvaluatedKey;
    } while (startKey && responses.length < limit);
    return { responses, truncated: startKey !== undefined };
  }
}
