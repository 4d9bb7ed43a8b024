import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { _Record as StreamsRecord } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../observability/logger.ts';
import { abortableSleep } from './abortableSleep.ts';
import { toLambdaRecord } from './streamRecords.ts';

/** What a stream-fed Lambda answers: nothing (all done) or the records it could not process. */
export type StreamConsumerHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

/** A consumer with every setting decided: what Lambda's event source mapping would be configured with. */
export interface ConsumerSettings {
  name: string;
  handler: StreamConsumerHandler;
  batchSize: number;
  /** How long to gather records before invoking, once the first is read (0: invoke with what one read gives). */
  batchingWindowMs: number;
  maxRetryAttempts: number;
  bisectOnError: boolean;
}

/** Where the records go and where their failures are recorded. */
export interface DeliveryTarget {
  streamArn: string;
  region: string;
  /** Dead letters go to `<dataDir>/dlq/`. */
  dataDir: string;
  /** First pause before a retry; doubles with each retry of the same record. */
  retryDelayMs: number;
  /** Moves the consumer's checkpoint in the shard to this record. */
  acknowledge: (shardId: string, record: StreamsRecord) => Promise<void>;
}

/** Where a consumer's dead letters are written, one JSON object per line. */
export const deadLetterFile = (dataDir: string, consumer: string): string => join(dataDir, 'dlq', `${consumer}.jsonl`);

interface Delivery {
  /** -1 when the whole batch failed (the function threw, or named records not in the batch). */
  failedFrom: number | null;
  reason?: string;
}

/**
 * Hands a shard's records to one consumer as Lambda's event source mapping does: Lambda-shaped batches,
 * partial batch failures, bisection on errors, bounded retries and a dead-letter destination.
 */
export class BatchDelivery {
  constructor(
    private readonly consumer: ConsumerSettings,
    private readonly target: DeliveryTarget,
  ) {}

  /**
   * Delivers records until each is acknowledged or dead-lettered. Records before the lowest failed one
   * are checkpointed; the failing record is retried (after a thrown error the batch is halved until it is
   * alone) and after `maxRetryAttempts` retries it goes to the dead-letter file so later records move on.
   */
  async deliver(shardId: string, records: StreamsRecord[], signal: AbortSignal): Promise<void> {
    let pending = records;
    let size = pending.length;
    let failuresOfHead = 0;
    while (pending.length > 0 && !signal.aborted) {
      const batch = pending.slice(0, size);
      const outcome = await this.invoke(batch);
      if (outcome.failedFrom === null) {
        await this.target.acknowledge(shardId, batch.at(-1)!);
        pending = pending.slice(batch.length);
        size = pending.length;
        failuresOfHead = 0;
        continue;
      }
      if (outcome.failedFrom > 0) {
        await this.target.acknowledge(shardId, batch[outcome.failedFrom - 1]!);
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
        await this.target.acknowledge(shardId, pending[0]!);
        pending = pending.slice(1);
        size = pending.length;
        failuresOfHead = 0;
        continue;
      }
      await abortableSleep(this.target.retryDelayMs * 2 ** (failuresOfHead - 1), signal);
    }
  }

  private async invoke(batch: StreamsRecord[]): Promise<Delivery> {
    const event: DynamoDBStreamEvent = {
      Records: batch.map((record) => toLambdaRecord(record, this.target.streamArn, this.target.region)),
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
        streamArn: this.target.streamArn,
      },
      record: toLambdaRecord(record, this.target.streamArn, this.target.region),
    };
    const file = deadLetterFile(this.target.dataDir, this.consumer.name);
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
