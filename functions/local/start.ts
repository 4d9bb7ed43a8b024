import { resolve } from 'node:path';
import { DATA_DIR_ENV, PORT_ENV, readConfig, readLocalPorts, webhookSecretEnv } from '../config.ts';
import { createDynamoClient } from '../dynamo/dynamoClient.ts';
import { isPortFree, LocalDatabaseUnavailable, startDynamoDbLocal } from './dynamoDbLocal.ts';
import { startLocalStack } from './localStack.ts';
import { removeStackRecord, stackRecordFile, writeStackRecord } from './stackRecord.ts';
import { ensureEventsTable, ensureProjectionsTable } from './tables.ts';

/** An interval in seconds from the environment (default a minute; 0 turns the timer off), in ms. */
const intervalMs = (name: string): number => {
  const seconds = Number(process.env[name] ?? 60);
  if (!Number.isFinite(seconds) || seconds < 0) throw new LocalDatabaseUnavailable(`${name} must be a number of seconds >= 0`);
  return seconds * 1000;
};
/** How often open escalations are swept locally. */
const sweepIntervalMs = (): number => intervalMs('HANDSHAKE_SWEEP_INTERVAL_SECONDS');
/** How often the local stack looks whether Monday 06:00 has passed and last week's brief is due. */
const briefIntervalMs = (): number => intervalMs('HANDSHAKE_BRIEF_INTERVAL_SECONDS');

/** `npm start`: DynamoDB Local with data kept in .handshake/ (or HANDSHAKE_DATA_DIR), the tables, and the API on localhost. */
const main = async (): Promise<void> => {
  // Node 20 is supported by the pinned SDK; its notice about future releases is noise on every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Like the development signing key, local webhook secrets protect nothing: a known default lets the
  // README's signed webhook example work as pasted. Set the variables to use the providers' own.
  for (const provider of ['delighted', 'typeform']) process.env[webhookSecretEnv(provider)] ||= `handshake-local-${provider}-secret`;
  const dataDirName = process.env[DATA_DIR_ENV] || '.handshake';
  const dataDir = resolve(dataDirName);
  const ports = readLocalPorts();
  const sweepEvery = sweepIntervalMs();
  const briefEvery = briefIntervalMs();
  const port = ports.api;
  if (!(await isPortFree(port))) {
    throw new LocalDatabaseUnavailable(`port ${port} is already in use; stop what holds it or set ${PORT_ENV} to another port.`);
  }
  const database = await startDynamoDbLocal({ port: ports.dynamoDb, dataDir: resolve(dataDir, 'dynamodb') });
  const config = { ...readConfig(), dynamoDbEndpoint: database.endpoint };
  const client = createDynamoClient(config);
  await ensureEventsTable(client, config.eventsTable);
  await ensureProjectionsTable(client, config.projectionsTable);
  const stack = await startLocalStack({
    ...config,
    client,
    endpoint: database.endpoint,
    port,
    host: '0.0.0.0',
    dataDir,
    publishing: { port: ports.eventBus },
    sweepIntervalMs: sweepEvery,
    briefIntervalMs: briefEvery,
  });
  const url = `http://localhost:${port}`;
  await writeStackRecord(dataDir, {
    pid: process.pid,
    apiUrl: url,
    dynamoDbEndpoint: database.endpoint,
    ...(stack.publishing ? { eventBusEndpoint: stack.publishing.bus.endpoint } : {}),
    startedAt: new Date().toISOString(),
  });

  console.log(`Handshake is serving ${url}  (DynamoDB Local at ${database.endpoint}, data in ${dataDirName}/)`);
  console.log(`Business time zone: ${config.timeZone}. OpenAPI: ${url}/v1/openapi.json`);
  console.log(`Projections follow the events table's stream; events go to the local bus at ${stack.publishing?.bus.endpoint}.`);
  console.log('Mint a token:  npx handshake token --role sales --sub P-SALES-1');
  console.log('Watch the bus: npx handshake events tail --follow');
  console.log(`Operator commands (npx handshake ...) find this stack through ${stackRecordFile(dataDirName)}.`);
  console.log(sweepEvery > 0 ? `Open escalations are swept every ${sweepEvery / 1000} s (HANDSHAKE_SWEEP_INTERVAL_SECONDS).` : 'Escalations are not swept.');
  console.log(
    briefEvery > 0
      ? `Last week's brief is published on Mondays from 06:00 (${config.timeZone}) into ${dataDirName}/briefs/; checked every ${briefEvery / 1000} s (HANDSHAKE_BRIEF_INTERVAL_SECONDS).`
      : 'Weekly briefs are published only when asked (POST /v1/briefs/{week}).',
  );
  console.log('Stop with Ctrl+C.');

  const stop = async () => {
    await removeStackRecord(dataDir, process.pid);
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
