import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { StreamConsumerHandler } from './batchDelivery.ts';
import { CheckpointFile, checkpointFile, type Checkpoints } from './checkpoints.ts';
import { ConsumerLoop } from './consumerLoop.ts';

/** One event source mapping: a named consumer with its own position in the stream. */
export interface StreamConsumer {
  /** Names the consumer's checkpoint and its dead-letter file (`dlq/<name>.jsonl`). */
  name: string;
  handler: StreamConsumerHandler;
  /** Records per invocation at most (Lambda's default for DynamoDB streams is 100). */
  batchSize?: number;
  /**
   * Lambda's MaximumBatchingWindowInSeconds: once a record is read, keep reading for up to this long
   * (or until the batch is full) before invoking (default 0: invoke with each read's records).
   */
  batchingWindowMs?: number;
  /** Retries of a failing record after the first attempt, then it is dead-lettered (default 3). */
  maxRetryAttempts?: number;
  /** On a thrown error, halve the batch until the failing record is alone (default true). */
  bisectOnError?: boolean;
}

export type StartingPosition = 'TRIM_HORIZON' | 'LATEST';

export interface StreamPollerOptions {
  dynamo: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  tableName: string;
  consumers: StreamConsumer[];
  /** Dead letters go to `<dataDir>/dlq/`, checkpoints to `<dataDir>/streams/`. */
  dataDir: string;
  /** Where a consumer without a checkpoint starts (default TRIM_HORIZON: everything still in the stream). */
  startingPosition?: StartingPosition;
  /** Keep checkpoints in a file so that a restart resumes where it stopped (default true). */
  persistCheckpoints?: boolean;
  /**
   * Pause after a round that found nothing new (default 250 ms: Lambda reads a shard four times a second).
   * Every read is a request DynamoDB Local serves beside the commands', so polling faster costs them.
   */
  pollIntervalMs?: number;
  /** First pause before a retry; doubles with each retry of the same record (default 100 ms). */
  retryDelayMs?: number;
  /** The region Lambda would name in each record (DynamoDB Local says "ddblocal"). */
  region?: string;
}

/**
 * Does locally what Lambda's event source mapping does on AWS: reads the events table's stream through
 * the real DynamoDB Streams API (here DynamoDB Local's) and invokes each consumer with Lambda-shaped
 * batches, honouring partial batch failures, bounded retries and a dead-letter destination.
 */
export class StreamPoller {
  private readonly checkpointFile: CheckpointFile;
  private streamArn = '';
  private loops: ConsumerLoop[] = [];
  private abort?: AbortController;
  private checkpoints: Checkpoints = {};

  constructor(readonly options: StreamPollerOptions) {
    const names = options.consumers.map((consumer) => consumer.name);
    const repeated = names.find((name, index) => names.indexOf(name) !== index);
    if (repeated) throw new Error(`two stream consumers are named "${repeated}"; each needs its own checkpoint`);
    const unusable = names.find((name) => !/^[\w.-]+$/.test(name));
    if (unusable !== undefined) throw new Error(`stream consumer name "${unusable}" must be letters, digits, ".", "_" or "-" (it names files)`);
    this.checkpointFile = new CheckpointFile(
      options.persistCheckpoints === false ? undefined : checkpointFile(options.dataDir, options.tableName),
    );
  }

  /** Resolves once every consumer holds an iterator on every readable shard. */
  async start(): Promise<void> {
    if (this.abort) throw new Error('the stream poller is already running');
    const table = await this.options.dynamo.send(new DescribeTableCommand({ TableName: this.options.tableName }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn || !table.Table?.StreamSpecification?.StreamEnabled) {
      throw new Error(`table ${this.options.tableName} has no stream; create it with streams (NEW_IMAGE) enabled`);
    }
    this.streamArn = streamArn;
    this.checkpoints = await this.checkpointFile.load(streamArn);
    const startingPosition = this.options.startingPosition ?? 'TRIM_HORIZON';
    this.loops = this.options.consumers.map((consumer) => {
      const firstStart = !this.checkpoints[consumer.name];
      const loopOptions = {
        streams: this.options.streams,
        streamArn,
        region: this.options.region ?? 'us-east-1',
        dataDir: this.options.dataDir,
        pollIntervalMs: this.options.pollIntervalMs ?? 250,
        retryDelayMs: this.options.retryDelayMs ?? 100,
        startAtLatest: firstStart && startingPosition === 'LATEST',
        saveCheckpoints: () => this.checkpointFile.save(this.streamArn, this.checkpoints),
      };
      const settings = {
        name: consumer.name,
        handler: consumer.handler,
        batchSize: consumer.batchSize ?? 100,
        batchingWindowMs: consumer.batchingWindowMs ?? 0,
        maxRetryAttempts: consumer.maxRetryAttempts ?? 3,
        bisectOnError: consumer.bisectOnError ?? true,
      };
      return new ConsumerLoop(loopOptions, settings, (this.checkpoints[consumer.name] ??= {}));
    });
    for (const loop of this.loops) await loop.prepare();
    this.abort = new AbortController();
    for (const loop of this.loops) loop.run(this.abort.signal);
  }

  /** Stops polling after the batches in flight; checkpoints are saved. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await Promise.all(this.loops.map((loop) => loop.stopped()));
    await this.checkpointFile.saved();
    this.abort = undefined;
  }

  /**
   * Resolves when every consumer has read every shard to its current end and acknowledged (or
   * dead-lettered) everything it read: what was written before the call has been delivered.
   */
  async drain(timeoutMs = 10_000): Promise<void> {
    if (!this.abort) throw new Error('the stream poller is not running');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`the stream consumers did not catch up within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([Promise.all(this.loops.map((loop) => loop.caughtUp())), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
