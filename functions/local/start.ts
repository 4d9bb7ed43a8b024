import { resolve } from 'node:path';
import { readConfig } from '../config.ts';
import { createDynamoClient } from '../dynamoClient.ts';
import { EVENTS_TABLE_ENV } from '../eventStore/eventsTable.ts';
import { isPortFree, LocalDatabaseUnavailable, startDynamoDbLocal } from './dynamoDbLocal.ts';
import { serveLocalApi } from './localApi.ts';
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
  const api = await serveLocalApi({
    client,
    eventsTable: config.eventsTable,
    projectionsTable: config.projectionsTable,
    reportingCurrency: config.reportingCurrency,
    tenantId: config.tenantId,
    port,
    host: '0.0.0.0',
  });

  console.log(`Handshake is serving ${api.url.replace(/:\d+$/, `:${port}`)}  (DynamoDB Local at ${database.endpoint}, data in .handshake/)`);
  console.log(`Business time zone: ${config.timeZone}. OpenAPI: ${api.url}/v1/openapi.json`);
  console.log('Mint a token:  npx handshake token --role sales --sub P-SALES-1');
  console.log('Stop with Ctrl+C.');

  const stop = async () => {
    await api.close();
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
