import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createPublisherHandler, type PublisherHandlerDeps } from '../handlers/publisher.ts';
import { jsonLinesDeadLetterSink } from '../publishing/deadLetterSinks.ts';
import { startLocalEventBus, type LocalEventBus } from './localEventBus.ts';
import { StreamPoller, type StartingPosition, type StreamConsumer } from './streamPoller.ts';

/** The same fixed fake credential as the local DynamoDB client: nothing here checks it. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface StreamConsumersOptions {
  /** The DynamoDB client of the local stack (for DescribeTable). */
  client: DynamoDBClient;
  /** DynamoDB Local's endpoint: it serves the Streams API too. */
  endpoint: string;
  eventsTable: string;
  /** Dead letters in `<dataDir>/dlq/`, checkpoints in `<dataDir>/streams/`. */
  dataDir: string;
  consumers: StreamConsumer[];
  startingPosition?: StartingPosition;
  persistCheckpoints?: boolean;
  pollIntervalMs?: number;
  retryDelayMs?: number;
}

export interface RunningStreamConsumers {
  poller: StreamPoller;
  /** Resolves when everything written so far has been handed to every consumer and acknowledged. */
  drain: (timeoutMs?: number) => Promise<void>;
  stop: () => Promise<void>;
}

/** The local event source mappings: every consumer fed from the events table's stream on DynamoDB Local. */
export const startStreamConsumers = async (options: StreamConsumersOptions): Promise<RunningStreamConsumers> => {
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  const poller = new StreamPoller({
    dynamo: options.client,
    streams,
    tableName: options.eventsTable,
    consumers: options.consumers,
    dataDir: options.dataDir,
    startingPosition: options.startingPosition,
    persistCheckpoints: options.persistCheckpoints,
    pollIntervalMs: options.pollIntervalMs,
    retryDelayMs: options.retryDelayMs,
  });
  try {
    await poller.start();
  } catch (error) {
    streams.destroy();
    throw error;
  }
  return {
    poller,
    drain: (timeoutMs) => poller.drain(timeoutMs),
    stop: async () => {
      await poller.stop();
      streams.destroy();
    },
  };
};

export interface LocalPublishingOptions {
  dataDir: string;
  /** The local bus's port (default: any free port). */
  port?: number;
  busName?: string;
  /** PutEvents retries and backoff (tests shorten them). */
  retry?: PublisherHandlerDeps['retry'];
}

export interface LocalPublishing {
  bus: LocalEventBus;
  /** Add this to the stream consumers: the publisher Lambda, fed by the local stream. */
  consumer: StreamConsumer;
  /** Entries the bus kept rejecting, one JSON line each (on AWS: the publish dead-letter queue). */
  deadLetterFile: string;
  close: () => Promise<void>;
}

/** The local bus and the publisher that feeds it, through the real EventBridge client. */
export const startLocalPublishing = async (options: LocalPublishingOptions): Promise<LocalPublishing> => {
  const bus = await startLocalEventBus({ dataDir: options.dataDir, port: options.port });
  const eventBridge = new EventBridgeClient({ endpoint: bus.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  const deadLetterFile = join(options.dataDir, 'dlq', 'publish-entries.jsonl');
  const handler = createPublisherHandler({
    eventBridge,
    busName: options.busName ?? 'handshake-local',
    deadLetter: jsonLinesDeadLetterSink(deadLetterFile),
    retry: options.retry,
  });
  return {
    bus,
    consumer: { name: 'publisher', handler: (event) => handler(event) },
    deadLetterFile,
    close: async () => {
      eventBridge.destroy();
      await bus.close();
    },
  };
};
