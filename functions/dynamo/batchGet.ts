import {
  BatchGetItemCommand,
  type AttributeValue,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
  type KeysAndAttributes,
} from '@aws-sdk/client-dynamodb';
import { backOff, sleep, type Pause } from './backoff.ts';

/** BatchGetItem's limit on keys per call. */
const MAX_KEYS_PER_READ = 100;
const MAX_READ_ATTEMPTS = 8;

type Item = Record<string, AttributeValue>;

/**
 * Every item of the given keys that exists, read consistently, 100 keys a call. Keys DynamoDB leaves
 * unprocessed (throttling) are asked for again after a random, growing pause, a few times at most.
 */
export const batchGetItems = async (
  client: DynamoDBClient,
  tableName: string,
  keys: readonly Item[],
  pause: Pause = sleep,
): Promise<Item[]> => {
  const items: Item[] = [];
  for (let start = 0; start < keys.length; start += MAX_KEYS_PER_READ) {
    let request: Record<string, KeysAndAttributes> | undefined = {
      [tableName]: { Keys: keys.slice(start, start + MAX_KEYS_PER_READ), ConsistentRead: true },
    };
    for (let attempt = 1; request && Object.keys(request).length; attempt++) {
      if (attempt > MAX_READ_ATTEMPTS) throw new Error(`${tableName}: keys still unread after ${MAX_READ_ATTEMPTS} attempts`);
      await backOff(attempt, pause);
      const answer: BatchGetItemCommandOutput = await client.send(new BatchGetItemCommand({ RequestItems: request }));
      items.push(...(answer.Responses?.[tableName] ?? []));
      request = answer.UnprocessedKeys;
    }
  }
  return items;
};
