import { QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Every item of one partition, in sort-key order, page after page, read consistently. */
export const queryPartition = async (
  client: DynamoDBClient,
  query: { tableName: string; partitionKeyName: string; partition: string },
): Promise<Record<string, AttributeValue>[]> => {
  const items: Record<string, AttributeValue>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: query.tableName,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': query.partitionKeyName },
        ExpressionAttributeValues: { ':p': { S: query.partition } },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};
