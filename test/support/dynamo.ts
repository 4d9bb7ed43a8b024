import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDynamoClient } from '../../functions/dynamo/dynamoClient.ts';
import { ensureEventsTable, ensureProjectionsTable } from '../../functions/local/tables.ts';

/** A client for the run's DynamoDB Local, over HTTP with the real SDK. */
export const testDynamoClient = () =>
  createDynamoClient({ dynamoDbEndpoint: inject('dynamoDbEndpoint'), region: 'us-east-1' });

/** A fresh events table, so test files never see each other's data. */
export const freshEventsTable = async (client = testDynamoClient()) => {
  const tableName = `events-${randomUUID().slice(0, 8)}`;
  await ensureEventsTable(client, tableName);
  return { client, tableName };
};

/** A fresh projections table beside the events table. */
export const freshProjectionsTable = async (client = testDynamoClient()) => {
  const tableName = `projections-${randomUUID().slice(0, 8)}`;
  await ensureProjectionsTable(client, tableName);
  return { client, tableName };
};
