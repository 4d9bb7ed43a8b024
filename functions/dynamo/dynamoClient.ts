import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../config.ts';

/**
 * On AWS the SDK finds its region and role itself. Against the local server one fixed fake
 * credential keeps every process on the same database.
 */
export const createDynamoClient = (config: Pick<Config, 'dynamoDbEndpoint' | 'region'>): DynamoDBClient =>
  config.dynamoDbEndpoint
    ? new DynamoDBClient({
        endpoint: config.dynamoDbEndpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      })
    : new DynamoDBClient({ region: config.region });
