import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { backOff, sleep } from './backoff.ts';

/** BatchWriteItem's limit. */
const ITEMS_PER_REQUEST = 25;
/** 2^6 x 20 ms: the longest pause between writes of throttled items. */
const MAX_BACKOFF_STEP = 6;

/** Writes one request's items, again and again for those DynamoDB leaves unprocessed (throttled). */
const writeBatch = async (client: DynamoDBClient, tableName: string, requests: WriteRequest[]): Promise<void> => {
  let batch = requests;
  for (let attempt = 1; batch.length; attempt++) {
    // Unprocessed items are throttled ones: wait longer each time, up to about a second, until all are written.
    await backOff(Math.min(attempt, MAX_BACKOFF_STEP), sleep, 20);
    const answer = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: batch } }));
    batch = answer.UnprocessedItems?.[tableName] ?? [];
  }
};

export interface BatchWrites {
  /** Queues writes; resolves once the queue is short enough to take more (back-pressure), rejects after a failed write. */
  add: (requests: WriteRequest[]) => Promise<void>;
  /** Writes what is queued and resolves when every write is done; rejects with the first failure. */
  finish: () => Promise<void>;
}

/**
 * Writes items as they are produced, 25 a request with `parallelism` requests in flight, so a producer
 * (a scan being folded) and the writes overlap instead of taking turns.
 */
export const batchWrites = (
  client: DynamoDBClient,
  tableName: string,
  options: { parallelism?: number; onWritten?: (count: number) => void } = {},
): BatchWrites => {
  const parallelism = options.parallelism ?? 8;
  const queued: WriteRequest[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;

  const pump = (all: boolean) => {
    while (!failure && inFlight.size < parallelism && (queued.length >= ITEMS_PER_REQUEST || (all && queued.length > 0))) {
      const batch = queued.splice(0, ITEMS_PER_REQUEST);
      const write: Promise<void> = writeBatch(client, tableName, batch)
        .then(
          () => options.onWritten?.(batch.length),
          (error: unknown) => void (failure ??= { error }),
        )
        .finally(() => {
          inFlight.delete(write);
          pump(false);
        });
      inFlight.add(write);
    }
  };
  const settle = () => {
    if (failure) throw failure.error;
  };

  return {
    add: async (requests) => {
      settle();
      queued.push(...requests);
      pump(false);
      while (queued.length > ITEMS_PER_REQUEST * parallelism * 4 && inFlight.size > 0) {
        await Promise.race(inFlight);
        settle();
      }
    },
    finish: async () => {
      pump(true);
      while (inFlight.size > 0) {
        await Promise.race(inFlight);
        pump(true);
      }
      settle();
    },
  };
};
