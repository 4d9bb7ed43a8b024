import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
  type DynamoDBStreamsClient,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import { logger } from '../observability/logger.ts';
import { finishedShards, finishShard, type ConsumerCheckpoints } from './checkpoints.ts';

/** The stream a reader reads, through the DynamoDB Streams API. */
export interface StreamSource {
  streams: DynamoDBStreamsClient;
  streamArn: string;
}

/** One page of a shard, and the iterator that continues after it (none once the shard is closed and read). */
export interface ShardPage {
  records: StreamsRecord[];
  nextIterator?: string;
}

const errorName = (error: unknown) => (error as { name?: string })?.name ?? '';

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

interface ShardState {
  shardId: string;
  iterator?: string;
  /** Set when the shard was open at the first start of a consumer that begins at LATEST. */
  startAtLatest?: boolean;
}

/**
 * One consumer's view of the stream's shards: which exist, which may be read now, and an iterator on
 * each, taken from the consumer's checkpoints. Shards it finds closed or gone are marked finished there.
 */
export class ShardReader {
  private readonly shards = new Map<string, ShardState>();
  private described: Shard[] = [];
  private stale = true;

  constructor(
    private readonly source: StreamSource,
    private readonly consumerName: string,
    private readonly checkpoints: ConsumerCheckpoints,
  ) {}

  /** True until the shards are first listed, and again after a shard closed (its children may be new). */
  get needsRefresh(): boolean {
    return this.stale;
  }

  readyShards(): string[] {
    return shardsReadyToRead(this.described, finishedShards(this.checkpoints));
  }

  /**
   * Lists the stream's shards. With `startAtLatest` (a consumer's first start at LATEST), shards without
   * a checkpoint begin at their tip: what closed shards hold is history, and open shards start at LATEST.
   */
  async refresh(startAtLatest = false): Promise<void> {
    const shards: Shard[] = [];
    let startAfter: string | undefined;
    do {
      const page = await this.source.streams.send(
        new DescribeStreamCommand({ StreamArn: this.source.streamArn, ExclusiveStartShardId: startAfter }),
      );
      shards.push(...(page.StreamDescription?.Shards ?? []));
      startAfter = page.StreamDescription?.LastEvaluatedShardId;
    } while (startAfter);
    for (const shard of shards) {
      const shardId = shard.ShardId!;
      if (this.shards.has(shardId)) continue;
      const state: ShardState = { shardId };
      if (startAtLatest && !this.checkpoints[shardId]) {
        if (shard.SequenceNumberRange?.EndingSequenceNumber) finishShard(this.checkpoints, shardId);
        else state.startAtLatest = true;
      }
      this.shards.set(shardId, state);
    }
    this.described = shards;
    this.stale = false;
  }

  /** Takes an iterator on a shard that has none, after its checkpoint, so records written after this are seen. */
  async takeIterator(shardId: string): Promise<void> {
    const shard = this.shards.get(shardId)!;
    if (shard.iterator) return;
    const checkpoint = this.checkpoints[shardId]?.sequenceNumber;
    const request = (type: ShardIteratorType, sequenceNumber?: string) =>
      this.source.streams.send(
        new GetShardIteratorCommand({
          StreamArn: this.source.streamArn,
          ShardId: shardId,
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
          consumer: this.consumerName,
          shardId,
          checkpoint,
        });
        shard.iterator = (await request('TRIM_HORIZON')).ShardIterator;
      } else if (errorName(error) === 'ResourceNotFoundException') {
        finishShard(this.checkpoints, shardId);
      } else {
        throw error;
      }
    }
    if (!shard.iterator) finishShard(this.checkpoints, shardId);
  }

  /**
   * Reads the next page of a shard, at most `limit` records. Null when there is nothing to read this
   * round: the shard turned out finished, or its iterator expired and is taken again from the checkpoint.
   */
  async read(shardId: string, limit: number): Promise<ShardPage | null> {
    await this.takeIterator(shardId);
    const shard = this.shards.get(shardId)!;
    if (!shard.iterator) return null;
    try {
      const page = await this.source.streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: limit }));
      return { records: page.Records ?? [], nextIterator: page.NextShardIterator };
    } catch (error) {
      if (errorName(error) === 'ExpiredIteratorException' || errorName(error) === 'TrimmedDataAccessException') {
        shard.iterator = undefined;
        return null;
      }
      throw error;
    }
  }

  /** Moves past a delivered page; true when that closed the shard (read to its end: its children may start). */
  advance(shardId: string, page: ShardPage): boolean {
    const shard = this.shards.get(shardId)!;
    shard.iterator = page.nextIterator;
    if (shard.iterator) return false;
    finishShard(this.checkpoints, shardId);
    this.stale = true;
    return true;
  }
}
