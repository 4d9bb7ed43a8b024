import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
  type AttributeValue as StreamsAttributeValue,
  type DynamoDBStreamsClient,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import type {
  AttributeValue as LambdaAttributeValue,
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
} from 'aws-lambda';
import { logger } from '../observability/logger.ts';

/** What a stream-fed Lambda answers: nothing (all done) or the records it could not process. */
export type StreamConsumerHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

/** One event source mapping: a named consumer with its own position in the stream. */
export interface StreamConsumer {
  /** Names the consumer's checkpoint and its dead-letter file (`dlq/<name>.jsonl`). */
  name: string;
  handler: StreamConsumerHandler;
  /** Records per invocation at most (Lambda's default for DynamoDB streams is 100). */
  batchSize?: number;
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
  /** Pause after a round that found nothing new (default 100 ms, so latency stays well under a second). */
  pollIntervalMs?: number;
  /** First pause before a retry; doubles with each retry of the same record (default 100 ms). */
  retryDelayMs?: number;
  /** The region Lambda would name in each record (DynamoDB Local says "ddblocal"). */
  region?: string;
}

/** Where a consumer's dead letters are written, one JSON object per line. */
export const deadLetterFile = (dataDir: string, consumer: string): string => join(dataDir, 'dlq', `${consumer}.jsonl`);

export const checkpointFile = (dataDir: string, tableName: string): string =>
  join(dataDir, 'streams', `${tableName}.checkpoints.json`);

const errorName = (error: unknown) => (error as { name?: string })?.name ?? '';

/** Waits, or stops waiting as soon as the signal aborts (without throwing). */
const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  wait(ms, undefined, { signal }).catch((error: unknown) => {
    if (errorName(error) !== 'AbortError') throw error;
  });

const toLambdaAttribute = (value: StreamsAttributeValue): LambdaAttributeValue => {
  const v = value as unknown as Record<string, unknown>;
  const base64 = (bytes: unknown) => Buffer.from(bytes as Uint8Array).toString('base64');
  if (v.B !== undefined) return { B: base64(v.B) };
  if (v.BS !== undefined) return { BS: (v.BS as unknown[]).map(base64) };
  if (v.M !== undefined) return { M: toLambdaImage(v.M as Record<string, StreamsAttributeValue>) };
  if (v.L !== undefined) return { L: (v.L as StreamsAttributeValue[]).map(toLambdaAttribute) };
  return value as LambdaAttributeValue; // S, N, BOOL, NULL, SS, NS are JSON already
};

const toLambdaImage = (image: Record<string, StreamsAttributeValue>): Record<string, LambdaAttributeValue> =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaAttribute(value)]));

/**
 * A record as Lambda's event source mapping hands it to the function: binary attributes in base64,
 * the creation time in epoch seconds, the stream's ARN and the function's region.
 */
export const toLambdaRecord = (record: StreamsRecord, streamArn: string, region: string): DynamoDBRecord => {
  const stream = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ...(stream.ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(stream.ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
      Keys: toLambdaImage(stream.Keys ?? {}),
      ...(stream.NewImage ? { NewImage: toLambdaImage(stream.NewImage) } : {}),
      ...(stream.OldImage ? { OldImage: toLambdaImage(stream.OldImage) } : {}),
      SequenceNumber: stream.SequenceNumber,
      SizeBytes: stream.SizeBytes,
      StreamViewType: stream.StreamViewType,
    },
    eventSourceARN: streamArn,
  };
};

/**
 * The shards to read now, parents before children: a shard is read once its parent has been read to
 * its end, or when the parent is no longer listed (trimmed after 24 hours), as Lambda does.
 */
export const shardsReadyToRead = (shards: Pick<Shard, 'ShardId' | 'ParentShardId'>[], finished: ReadonlySet<string>): string[] => {
  const listed = new Set(shards.map((shard) => shard.ShardId));
  return shards
    .filter((shard) => shard.ShardId && !finished.has(shard.ShardId))
    .filter((shard) => !shard.ParentShardId || !listed.has(shard.ParentShardId) || finished.has(shard.ParentShardId))
    .map((shard) => shard.ShardId!);
};

/** A consumer's position in one shard: the last record it acknowledged, and whether the shard is done. */
interface ShardCheckpoint {
  sequenceNumber?: string;
  finished?: boolean;
}

type Checkpoints = Record<string, Record<string, ShardCheckpoint>>;

interface ShardState {
  shardId: string;
  iterator?: string;
  /** Set when the shard was open at the first start of a consumer that begins at LATEST. */
  startAtLatest?: boolean;
}

interface Delivery {
  /** -1 when the whole batch failed (the function threw, or named records not in the batch). */
  failedFrom: number | null;
  reason?: string;
}

/** One consumer's loop over the stream's shards, with its own iterators and checkpoints. */
class ConsumerLoop {
  private readonly shards = new Map<string, ShardState>();
  private described: Shard[] = [];
  private shardsStale = true;
  private round = 0;
  private quietWaiters: { afterRound: number; done: () => void }[] = [];
  private running?: Promise<void>;

  constructor(
    private readonly poller: StreamPoller,
    readonly consumer: Required<StreamConsumer>,
    private readonly checkpoints: Record<string, ShardCheckpoint>,
    /** No checkpoint yet: the starting position applies. */
    private readonly firstStart: boolean,
  ) {}

  /** Lists the shards and takes an iterator on each readable one, so records written after this are seen. */
  async prepare(): Promise<void> {
    await this.refreshShards(this.firstStart);
    for (const shardId of this.readyShards()) await this.ensureIterator(this.shards.get(shardId)!);
  }

  run(signal: AbortSignal): void {
    this.running = this.loop(signal);
  }

  stopped(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** Resolves after a whole round, begun after this call, found nothing new on any shard. */
  caughtUp(): Promise<void> {
    return new Promise((done) => this.quietWaiters.push({ afterRound: this.round, done }));
  }

  private finished(): Set<string> {
    return new Set(Object.entries(this.checkpoints).flatMap(([id, checkpoint]) => (checkpoint.finished ? [id] : [])));
  }

  private readyShards(): string[] {
    return shardsReadyToRead(this.described, this.finished());
  }

  private async refreshShards(firstStart = false): Promise<void> {
    const shards: Shard[] = [];
    let startAfter: string | undefined;
    do {
      const page = await this.poller.options.streams.send(
        new DescribeStreamCommand({ StreamArn: this.poller.streamArn, ExclusiveStartShardId: startAfter }),
      );
      shards.push(...(page.StreamDescription?.Shards ?? []));
      startAfter = page.StreamDescription?.LastEvaluatedShardId;
    } while (startAfter);
    for (const shard of shards) {
      const shardId = shard.ShardId!;
      if (this.shards.has(shardId)) continue;
      const state: ShardState = { shardId };
      if (firstStart && this.poller.startingPosition === 'LATEST' && !this.checkpoints[shardId]) {
        // Starting at LATEST: what closed shards hold is history, and open shards start at their tip.
        if (shard.SequenceNumberRange?.EndingSequenceNumber) this.checkpoints[shardId] = { finished: true };
        else state.startAtLatest = true;
      }
      this.shards.set(shardId, state);
    }
    this.described = shards;
    this.shardsStale = false;
  }

  private async ensureIterator(shard: ShardState): Promise<void> {
    if (shard.iterator) return;
    const checkpoint = this.checkpoints[shard.shardId]?.sequenceNumber;
    const request = (type: ShardIteratorType, sequenceNumber?: string) =>
      this.poller.options.streams.send(
        new GetShardIteratorCommand({
          StreamArn: this.poller.streamArn,
          ShardId: shard.shardId,
          ShardIteratorType: type,
          SequenceNumber: sequenceNumber,
        }),
      );
    try {
      const answer = checkpoint
        ? await request('AFTER_SEQUENCE_NUMBER', checkpoint)
        : await request(shard.startAtLatest ? 'LATEST' : 'TRIM_HORIZON');
      shard.iterator = answer.ShardIterator;
    } catch (error) {
      if (checkpoint && errorName(error) === 'TrimmedDataAccessException') {
        logger.warn('stream checkpoint is older than the stream keeps; reading the shard from its oldest record', {
          consumer: this.consumer.name,
          shardId: shard.shardId,
          checkpoint,
        });
        shard.iterator = (await request('TRIM_HORIZON')).ShardIterator;
      } else if (errorName(error) === 'ResourceNotFoundException') {
        this.checkpoints[shard.shardId] = { ...this.checkpoints[shard.shardId], finished: true };
      } else {
        throw error;
      }
    }
    if (!shard.iterator) this.checkpoints[shard.shardId] = { ...this.checkpoints[shard.shardId], finished: true };
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const round = ++this.round;
      let progressed = false;
      try {
        // New shards appear when DynamoDB rolls shards over; look again whenever someone waits for us.
        if (this.shardsStale || this.quietWaiters.length > 0) await this.refreshShards();
        for (const shardId of this.readyShards()) {
          if (signal.aborted) return;
          if (await this.pollShard(this.shards.get(shardId)!, signal)) progressed = true;
        }
      } catch (error) {
        if (signal.aborted) return;
        logger.error('stream polling failed; trying again shortly', { consumer: this.consumer.name, error: error as Error });
        await sleep(1000, signal);
        continue;
      }
      if (progressed) continue;
      const waiting = this.quietWaiters;
      this.quietWaiters = waiting.filter((waiter) => waiter.afterRound >= round);
      waiting.filter((waiter) => waiter.afterRound < round).forEach((waiter) => waiter.done());
      await sleep(this.poller.pollIntervalMs, signal);
    }
  }

  /** Reads one page of a shard and delivers it; answers whether anything happened. */
  private async pollShard(shard: ShardState, signal: AbortSignal): Promise<boolean> {
    await this.ensureIterator(shard);
    if (!shard.iterator) return true;
    let page;
    try {
      page = await this.poller.options.streams.send(
        new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: this.consumer.batchSize }),
      );
    } catch (error) {
      if (errorName(error) === 'ExpiredIteratorException' || errorName(error) === 'TrimmedDataAccessException') {
        shard.iterator = undefined; // taken again from the checkpoint on the next round
        return true;
      }
      throw error;
    }
    const records = page.Records ?? [];
    if (records.length > 0) await this.deliver(shard.shardId, records, signal);
    if (signal.aborted) return false;
    shard.iterator = page.NextShardIterator;
    if (!shard.iterator) {
      // No next iterator: the shard is closed and read to its end; its children may start.
      this.checkpoints[shard.shardId] = { ...this.checkpoints[shard.shardId], finished: true };
      this.shardsStale = true;
      await this.poller.saveCheckpoints();
      return true;
    }
    return records.length > 0;
  }

  private async invoke(batch: StreamsRecord[]): Promise<Delivery> {
    const event: DynamoDBStreamEvent = {
      Records: batch.map((record) => toLambdaRecord(record, this.poller.streamArn, this.poller.region)),
    };
    let answer: DynamoDBBatchResponse | void;
    try {
      answer = await this.consumer.handler(event);
    } catch (error) {
      return { failedFrom: -1, reason: (error as Error)?.message ?? String(error) };
    }
    const failures = answer?.batchItemFailures ?? [];
    if (failures.length === 0) return { failedFrom: null };
    // Lambda's rule: start again from the lowest failed record; an identifier it cannot place fails the batch.
    const positions = failures.map((failure) =>
      failure.itemIdentifier ? batch.findIndex((record) => record.dynamodb?.SequenceNumber === failure.itemIdentifier) : -1,
    );
    if (positions.includes(-1)) return { failedFrom: -1, reason: 'the response named records that are not in the batch' };
    return { failedFrom: Math.min(...positions), reason: 'reported as a batch item failure' };
  }

  /**
   * Delivers records until each is acknowledged or dead-lettered. Records before the lowest failed one
   * are checkpointed; the failing record is retried (after a thrown error the batch is halved until it is
   * alone) and after `maxRetryAttempts` retries it goes to the dead-letter file so later records move on.
   */
  private async deliver(shardId: string, records: StreamsRecord[], signal: AbortSignal): Promise<void> {
    let pending = records;
    let size = pending.length;
    let failuresOfHead = 0;
    while (pending.length > 0 && !signal.aborted) {
      const batch = pending.slice(0, size);
      const outcome = await this.invoke(batch);
      if (outcome.failedFrom === null) {
        await this.acknowledge(shardId, batch.at(-1)!);
        pending = pending.slice(batch.length);
        size = pending.length;
        failuresOfHead = 0;
        continue;
      }
      if (outcome.failedFrom > 0) {
        await this.acknowledge(shardId, batch[outcome.failedFrom - 1]!);
        pending = pending.slice(outcome.failedFrom);
        size = pending.length;
        failuresOfHead = 1;
      } else if (outcome.failedFrom === -1 && this.consumer.bisectOnError && batch.length > 1) {
        size = Math.ceil(batch.length / 2);
        continue; // halving is not a retry: the failing record is not known yet
      } else {
        failuresOfHead += 1;
      }
      if (failuresOfHead > this.consumer.maxRetryAttempts) {
        await this.deadLetter(shardId, pending[0]!, failuresOfHead, outcome.reason ?? 'failed');
        await this.acknowledge(shardId, pending[0]!);
        pending = pending.slice(1);
        size = pending.length;
        failuresOfHead = 0;
        continue;
      }
      await sleep(this.poller.retryDelayMs * 2 ** (failuresOfHead - 1), signal);
    }
  }

  private async acknowledge(shardId: string, record: StreamsRecord): Promise<void> {
    this.checkpoints[shardId] = { sequenceNumber: record.dynamodb!.SequenceNumber! };
    await this.poller.saveCheckpoints();
  }

  /** Written as Lambda's on-failure destination would describe it, with the record itself beside it. */
  private async deadLetter(shardId: string, record: StreamsRecord, attempts: number, reason: string): Promise<void> {
    const sequenceNumber = record.dynamodb?.SequenceNumber;
    const arrival = record.dynamodb?.ApproximateCreationDateTime?.toISOString();
    const letter = {
      version: '1.0',
      timestamp: new Date().toISOString(),
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: attempts, consumer: this.consumer.name },
      responseContext: { functionError: reason },
      DDBStreamBatchInfo: {
        shardId,
        startSequenceNumber: sequenceNumber,
        endSequenceNumber: sequenceNumber,
        approximateArrivalOfFirstRecord: arrival,
        approximateArrivalOfLastRecord: arrival,
        batchSize: 1,
        streamArn: this.poller.streamArn,
      },
      record: toLambdaRecord(record, this.poller.streamArn, this.poller.region),
    };
    const file = deadLetterFile(this.poller.options.dataDir, this.consumer.name);
    await mkdir(dirname(file), { recursive: true });
    await appendFile(file, `${JSON.stringify(letter)}\n`);
    logger.error('stream record dead-lettered after its retries', {
      consumer: this.consumer.name,
      shardId,
      sequenceNumber,
      attempts,
      reason,
      file,
    });
  }
}

/**
 * Does locally what Lambda's event source mapping does on AWS: reads the events table's stream through
 * the real DynamoDB Streams API (here DynamoDB Local's) and invokes each consumer with Lambda-shaped
 * batches, honouring partial batch failures, bounded retries and a dead-letter destination.
 */
export class StreamPoller {
  readonly startingPosition: StartingPosition;
  readonly pollIntervalMs: number;
  readonly retryDelayMs: number;
  readonly region: string;
  streamArn = '';
  private loops: ConsumerLoop[] = [];
  private abort?: AbortController;
  private checkpoints: Checkpoints = {};
  private saving: Promise<void> = Promise.resolve();

  constructor(readonly options: StreamPollerOptions) {
    this.startingPosition = options.startingPosition ?? 'TRIM_HORIZON';
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.region = options.region ?? 'us-east-1';
    const names = options.consumers.map((consumer) => consumer.name);
    const repeated = names.find((name, index) => names.indexOf(name) !== index);
    if (repeated) throw new Error(`two stream consumers are named "${repeated}"; each needs its own checkpoint`);
    const unusable = names.find((name) => !/^[\w.-]+$/.test(name));
    if (unusable !== undefined) throw new Error(`stream consumer name "${unusable}" must be letters, digits, ".", "_" or "-" (it names files)`);
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
    this.checkpoints = await this.loadCheckpoints();
    this.loops = this.options.consumers.map((consumer) => {
      const firstStart = !this.checkpoints[consumer.name];
      const settings: Required<StreamConsumer> = {
        name: consumer.name,
        handler: consumer.handler,
        batchSize: consumer.batchSize ?? 100,
        maxRetryAttempts: consumer.maxRetryAttempts ?? 3,
        bisectOnError: consumer.bisectOnError ?? true,
      };
      return new ConsumerLoop(this, settings, (this.checkpoints[consumer.name] ??= {}), firstStart);
    });
    for (const loop of this.loops) await loop.prepare();
    this.abort = new AbortController();
    for (const loop of this.loops) loop.run(this.abort.signal);
  }

  /** Stops polling after the batches in flight; checkpoints are saved. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await Promise.all(this.loops.map((loop) => loop.stopped()));
    await this.saving;
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

  /** @internal Called by the consumer loops after each acknowledgement. */
  saveCheckpoints(): Promise<void> {
    if (this.options.persistCheckpoints === false) return Promise.resolve();
    const file = checkpointFile(this.options.dataDir, this.options.tableName);
    this.saving = this.saving.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      const json = JSON.stringify({ streamArn: this.streamArn, consumers: this.checkpoints }, null, 1);
      await writeFile(`${file}.tmp`, json);
      await rename(`${file}.tmp`, file);
    });
    return this.saving;
  }

  private async loadCheckpoints(): Promise<Checkpoints> {
    if (this.options.persistCheckpoints === false) return {};
    try {
      const saved = JSON.parse(await readFile(checkpointFile(this.options.dataDir, this.options.tableName), 'utf8')) as {
        streamArn?: string;
        consumers?: Checkpoints;
      };
      // A recreated table has a new stream: its old checkpoints mean nothing.
      return saved.streamArn === this.streamArn ? (saved.consumers ?? {}) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }
}
