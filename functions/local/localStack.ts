import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { createProjectorHandler } from '../handlers/projector.ts';
import { createStreamProjector } from '../projections/streamProjector.ts';
import { ActiveGeneration } from '../projections/generations.ts';
import { serveLocalApi, type RunningApi } from './localApi.ts';
import { startLocalPublishing, startStreamConsumers, type LocalPublishing } from './streamConsumers.ts';

export interface LocalStackOptions {
  client: DynamoDBClient;
  /** DynamoDB Local's endpoint, which also serves its Streams API. */
  endpoint: string;
  eventsTable: string;
  projectionsTable: string;
  timeZone: string;
  reportingCurrency?: string;
  tenantId?: string;
  port: number;
  host?: string;
  /** Dead letters, stream checkpoints, the bus's record and issued reports (reports/) live here. */
  dataDir: string;
  /** Publish every event to a local EventBridge bus (the second stream consumer). */
  publishing?: { port?: number };
  pollIntervalMs?: number;
  persistCheckpoints?: boolean;
  /** The clock month closes are judged by; tests may set it. */
  now?: () => Date;
}

export interface LocalStack {
  api: RunningApi;
  publishing?: LocalPublishing;
  /** Resolves once every event written so far has been projected (and published). */
  drain: (timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * What AWS runs, on one machine: the HTTP functions behind the API Gateway adapter, and the stream
 * consumers (projector, publisher) fed by DynamoDB Local's real stream, as event source mappings would.
 */
export const startLocalStack = async (options: LocalStackOptions): Promise<LocalStack> => {
  const { client } = options;
  const generations = new ActiveGeneration(client, options.projectionsTable);
  const projector = createProjectorHandler(
    createStreamProjector({
      client,
      tableName: options.projectionsTable,
      eventStore: new DynamoEventStore(client, options.eventsTable),
      timeZone: options.timeZone,
      generation: () => generations.current(),
    }),
  );
  const publishing = options.publishing ? await startLocalPublishing({ dataDir: options.dataDir, port: options.publishing.port }) : undefined;
  const streams = await startStreamConsumers({
    client,
    endpoint: options.endpoint,
    eventsTable: options.eventsTable,
    dataDir: options.dataDir,
    consumers: [{ name: 'projector', handler: projector }, ...(publishing ? [publishing.consumer] : [])],
    pollIntervalMs: options.pollIntervalMs,
    persistCheckpoints: options.persistCheckpoints,
  });
  const api = await serveLocalApi({
    client,
    eventsTable: options.eventsTable,
    projectionsTable: options.projectionsTable,
    reportingCurrency: options.reportingCurrency,
    tenantId: options.tenantId,
    timeZone: options.timeZone,
    reportsDir: join(options.dataDir, 'reports'),
    ...(options.now ? { now: options.now } : {}),
    port: options.port,
    host: options.host,
  });
  return {
    api,
    publishing,
    drain: (timeoutMs) => streams.drain(timeoutMs),
    close: async () => {
      await api.close();
      // Consumers stop before the database so in-flight batches finish and checkpoints are saved.
      await streams.stop();
      await publishing?.close();
    },
  };
};
