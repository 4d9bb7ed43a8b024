import { QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { allItemsOf } from './pages.ts';

/** Every item of one partition, in sort-key order, page after page, read consistently. */
export const queryPartition = async (
  client: DynamoDBClient,
  query: { tableName: string; partitionKeyName: string; partition: string },
): Promise<Record<string, AttributeValue>[]> =>
  allItemsOf((startKey) =>
    client.send(
      new QueryCommand({
        TableName: query.tableName,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': query.partitionKeyName },
        ExpressionAttributeValues: { ':p': { S: query.partition } },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    ),
  );
