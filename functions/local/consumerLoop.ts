import type { _Record as StreamsRecord } from '@aws-sdk/client-dynamodb-streams';
import { logger } from '../observability/logger.ts';
import { abortableSleep } from './abortableSleep.ts';
import { BatchDelivery, type ConsumerSettings } from './batchDelivery.ts';
import type { ConsumerCheckpoints } from './checkpoints.ts';
import { ShardReader, type ShardPage, type StreamSource } from './shardReader.ts';

export interface ConsumerLoopOptions extends StreamSource {
  region: string;
  dataDir: string;
  /** Pause after a round that found nothing new. */
  pollIntervalMs: number;
  retryDelayMs: number;
  /** The consumer's first start at LATEST: shards without a checkpoint begin at their tip. */
  startAtLatest: boolean;
  /** Saves every consumer's checkpoints; called after each acknowledgement and each finished shard. */
  saveCheckpoints: () => Promise<void>;
}

/** One consumer's rounds over the stream's shards, with its own iterators and checkpoints. */
export class ConsumerLoop {
  private readonly reader: ShardReader;
  private readonly delivery: BatchDelivery;
  private round = 0;
  private quietWaiters: { afterRound: number; done: () => void }[] = [];
  private running?: Promise<void>;

  constructor(
    private readonly options: ConsumerLoopOptions,
    readonly consumer: ConsumerSettings,
    private readonly checkpoints: ConsumerCheckpoints,
  ) {
    this.reader = new ShardReader(options, consumer.name, checkpoints);
    this.delivery = new BatchDelivery(consumer, {
      streamArn: options.streamArn,
      region: options.region,
      dataDir: options.dataDir,
      retryDelayMs: options.retryDelayMs,
      acknowledge: (shardId, record) => this.acknowledge(shardId, record),
    });
  }

  /** Lists the shards and takes an iterator on each readable one, so records written after this are seen. */
  async prepare(): Promise<void> {
    await this.reader.refresh(this.options.startAtLatest);
    for (const shardId of this.reader.readyShards()) await this.reader.takeIterator(shardId);
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

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const round = ++this.round;
      let progressed = false;
      try {
        // New shards appear when DynamoDB rolls shards over; look again whenever someone waits for us.
        if (this.reader.needsRefresh || this.quietWaiters.length > 0) await this.reader.refresh();
        for (const shardId of this.reader.readyShards()) {
          if (signal.aborted) return;
          if (await this.pollShard(shardId, signal)) progressed = true;
        }
      } catch (error) {
        if (signal.aborted) return;
        logger.error('stream polling failed; trying again shortly', { consumer: this.consumer.name, error: error as Error });
        await abortableSleep(1000, signal);
        continue;
      }
      if (progressed) continue;
      const waiting = this.quietWaiters;
      this.quietWaiters = waiting.filter((waiter) => waiter.afterRound >= round);
      waiting.filter((waiter) => waiter.afterRound < round).forEach((waiter) => waiter.done());
      await abortableSleep(this.options.pollIntervalMs, signal);
    }
  }

  /** Reads one batch of a shard and delivers it; answers whether anything happened. */
  private async pollShard(shardId: string, signal: AbortSignal): Promise<boolean> {
    const batch = await this.readBatch(shardId, signal);
    if (!batch) return true;
    if (batch.records.length > 0) await this.delivery.deliver(shardId, batch.records, signal);
    if (signal.aborted) return false;
    if (batch.last && this.reader.advance(shardId, batch.last)) {
      await this.options.saveCheckpoints();
      return true;
    }
    return batch.records.length > 0;
  }

  /**
   * A shard's next batch: one page, or with a batching window (Lambda's MaximumBatchingWindowInSeconds)
   * the pages read until the window since the first record ends or the batch is full, so a trickle of
   * records reaches the consumer in one invocation instead of many. `last` is the page to advance past
   * after delivery; none when the iterator expired on the way (it is taken again from the checkpoint).
   */
  private async readBatch(shardId: string, signal: AbortSignal): Promise<{ records: StreamsRecord[]; last?: ShardPage } | null> {
    const limit = this.consumer.batchSize;
    const first = await this.reader.read(shardId, limit);
    if (!first) return null;
    const windowMs = this.consumer.batchingWindowMs;
    if (!windowMs || first.records.length === 0 || first.records.length >= limit) return { records: first.records, last: first };
    const records = [...first.records];
    const closesAt = Date.now() + windowMs;
    let last = first;
    while (records.length < limit && last.nextIterator && !signal.aborted) {
      const remaining = closesAt - Date.now();
      if (remaining <= 0) break;
      await abortableSleep(Math.min(this.options.pollIntervalMs, remaining), signal);
      this.reader.advance(shardId, last);
      const next = await this.reader.read(shardId, limit - records.length);
      if (!next) return { records };
      records.push(...next.records);
      last = next;
    }
    return { records, last };
  }

  private async acknowledge(shardId: string, record: StreamsRecord): Promise<void> {
    this.checkpoints[shardId] = { sequenceNumber: record.dynamodb!.SequenceNumber! };
    await this.options.saveCheckpoints();
  }
}
