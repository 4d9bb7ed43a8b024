import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { eventsTable } from '../eventStore/eventsTable.ts';
import { projectionsTable } from '../projections/projectionsTable.ts';

const ensureTable = async (client: DynamoDBClient, definition: CreateTableCommandInput): Promise<void> => {
  try {
    await client.send(new DescribeTableCommand({ TableName: definition.TableName }));
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  try {
    await client.send(new CreateTableCommand(definition));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: definition.TableName });
};

const keyed = (tableName: string, keys: { partitionKey: string; sortKey: string }, sortKeyType: 'S' | 'N') => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST' as const,
  AttributeDefinitions: [
    { AttributeName: keys.partitionKey, AttributeType: 'S' as const },
    { AttributeName: keys.sortKey, AttributeType: sortKeyType },
  ],
  KeySchema: [
    { AttributeName: keys.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: keys.sortKey, KeyType: 'RANGE' as const },
  ],
});

/** Creates the events table as the CDK app defines it (same keys, streams with new images), if missing. */
export const ensureEventsTable = (client: DynamoDBClient, tableName: string): Promise<void> =>
  ensureTable(client, {
    ...keyed(tableName, eventsTable, 'N'),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
  });

/** Creates the projections table as the CDK app defines it, if missing. */
export const ensureProjectionsTable = (client: DynamoDBClient, tableName: string): Promise<void> =>
  ensureTable(client, keyed(tableName, projectionsTable, 'S'));
