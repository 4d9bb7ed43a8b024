import { EVENTS_TABLE_ENV } from './eventStore/eventsTable.ts';
import { PROJECTIONS_TABLE_ENV } from './projections/projectionsTable.ts';

/** Everything a handler reads from its environment, read once and named. */
export interface Config {
  eventsTable: string;
  projectionsTable: string;
  /** The currency scorecards report money in. */
  reportingCurrency: string;
  tenantId: string;
  timeZone: string;
  /** Set only on the local stack: the DynamoDB-compatible server to talk to. */
  dynamoDbEndpoint?: string;
  region: string;
}

export const readConfig = (env: NodeJS.ProcessEnv = process.env): Config => ({
  eventsTable: env[EVENTS_TABLE_ENV] ?? 'handshake-events',
  projectionsTable: env[PROJECTIONS_TABLE_ENV] ?? 'handshake-projections',
  reportingCurrency: env.HANDSHAKE_CURRENCY ?? 'USD',
  tenantId: env.HANDSHAKE_TENANT_ID ?? 'default',
  timeZone: env.HANDSHAKE_TIME_ZONE ?? 'UTC',
  dynamoDbEndpoint: env.HANDSHAKE_DYNAMODB_ENDPOINT,
  region: env.AWS_REGION ?? 'us-east-1',
});
