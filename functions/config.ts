import { EVENTS_TABLE_ENV } from './eventStore/eventsTable.ts';

/** Everything a handler reads from its environment, read once and named. */
export interface Config {
  eventsTable: string;
  tenantId: string;
  timeZone: string;
  /** Set only on the local stack: the DynamoDB-compatible server to talk to. */
  dynamoDbEndpoint?: string;
  region: string;
}

export const readConfig = (env: NodeJS.ProcessEnv = process.env): Config => ({
  eventsTable: env[EVENTS_TABLE_ENV] ?? 'handshake-events',
  tenantId: env.HANDSHAKE_TENANT_ID ?? 'default',
  timeZone: env.HANDSHAKE_TIME_ZONE ?? 'UTC',
  dynamoDbEndpoint: env.HANDSHAKE_DYNAMODB_ENDPOINT,
  region: env.AWS_REGION ?? 'us-east-1',
});
