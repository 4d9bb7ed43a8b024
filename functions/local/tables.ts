import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { eventsTable } from '../eventStore/eventsTable.ts';

/** Creates the events table as the CDK app defines it (same keys, streams with new images), if missing. */
export const ensureEventsTable = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: eventsTable.partitionKey, AttributeType: 'S' },
          { AttributeName: eventsTable.sortKey, AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: eventsTable.partitionKey, KeyType: 'HASH' },
          { AttributeName: eventsTable.sortKey, KeyType: 'RANGE' },
        ],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
};
