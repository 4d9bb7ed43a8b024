import { resolve } from 'node:path';
import { readConfig } from '../config.ts';
import { createDynamoClient } from '../dynamo/dynamoClient.ts';
import { EVENTS_TABLE_ENV } from '../eventStore/eventsTable.ts';
import { isPortFree, LocalDatabaseUnavailable, startDynamoDbLocal } from './dynamoDbLocal.ts';
import { startLocalStack } from './localStack.ts';
import { ensureEventsTable, ensureProjectionsTable } from './tables.ts';

/** `npm start`: DynamoDB Local with data kept in .handshake/, the tables, and the API on localhost. */
const main = async (): Promise<void> => {
  // Node 20 is supported by the pinned SDK; its notice about future releases is noise on every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const port = Number(process.env.PORT ?? 3000);
  const dynamoPort = Number(process.env.HANDSHAKE_DYNAMODB_PORT ?? 8000);
  if (!(await isPortFree(port))) {
    throw new LocalDatabaseUnavailable(`port ${port} is already in use; stop what holds it or set PORT to another port.`);
  }
  const database = await startDynamoDbLocal({ port: dynamoPort, dataDir: resolve('.handshake', 'dynamodb') });
  process.env.HANDSHAKE_DYNAMODB_ENDPOINT = database.endpoint;
  process.env[EVENTS_TABLE_ENV] ??= 'handshake-events';
  const config = readConfig();
  const client = createDynamoClient(config);
  await ensureEventsTable(client, config.eventsTable);
  await ensureProjectionsTable(client, config.projectionsTable);
  const stack = await startLocalStack({
    client,
    endpoint: database.endpoint,
    eventsTable: config.eventsTable,
    projectionsTable: config.projectionsTable,
    timeZone: config.timeZone,
    reportingCurrency: config.reportingCurrency,
    tenantId: config.tenantId,
    port,
    host: '0.0.0.0',
    dataDir: resolve('.handshake'),
    publishing: { port: Number(process.env.HANDSHAKE_EVENT_BUS_PORT ?? 0) },
  });
  const url = `http://localhost:${port}`;

  console.log(`Handshake is serving ${url}  (DynamoDB Local at ${database.endpoint}, data in .handshake/)`);
  console.log(`Business time zone: ${config.timeZone}. OpenAPI: ${url}/v1/openapi.json`);
  console.log(`Projections follow the events table's stream; events go to the local bus at ${stack.publishing?.bus.endpoint}.`);
  console.log('Mint a token:  npx handshake token --role sales --sub P-SALES-1');
  console.log('Watch the bus: npx handshake events tail --follow');
  console.log('Stop with Ctrl+C.');

  const stop = async () => {
    await stack.close();
    client.destroy();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(error instanceof LocalDatabaseUnavailable ? `Cannot start Handshake: ${error.message}` : error);
  process.exit(1);
});
