import {
  ConditionalCheckFailedException,
  PutItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { parseStoredEvent, type RecordedEvent } from '../../domain/envelope.ts';
import { queryPartition } from '../dynamo/partitionQuery.ts';
import { CorruptStoredEvent, VersionConflict } from './errors.ts';
import { eventsTable as T } from './eventsTable.ts';

export interface StoredEvent {
  event: RecordedEvent;
  idempotencyKey?: string;
  fingerprint?: string;
}

export interface StreamRead {
  streamId: string;
  /** 0 when the stream has no events yet. */
  version: number;
  events: StoredEvent[];
}

export interface AppendRequest {
  streamId: string;
  /** The version the stream is at now; the new events take the versions after it. */
  expectedVersion: number;
  events: RecordedEvent[];
  idempotencyKey?: string;
  fingerprint?: string;
}

/** One event as the store keeps it: s, v, t, e (the whole envelope as JSON) and, when given, k and f. */
export const storedItemOf = (
  event: RecordedEvent,
  keys: { idempotencyKey?: string; fingerprint?: string } = {},
): Record<string, AttributeValue> => {
  const item: Record<string, AttributeValue> = {
    [T.partitionKey]: { S: event.streamId },
    [T.sortKey]: { N: String(event.version) },
    [T.type]: { S: event.type },
    [T.body]: { S: JSON.stringify(event) },
  };
  if (keys.idempotencyKey) item[T.idempotencyKey] = { S: keys.idempotencyKey };
  if (keys.fingerprint) item[T.fingerprint] = { S: keys.fingerprint };
  return item;
};

const storedKeys = (item: Record<string, AttributeValue> | undefined) =>
  item ? { idempotencyKey: item[T.idempotencyKey]?.S, fingerprint: item[T.fingerprint]?.S } : null;

/**
 * Reads one stored item back as a valid event of its stream's kind, in that kind's current schema,
 * or says exactly which item is broken.
 */
export const readStoredItem = (item: Record<string, AttributeValue>): StoredEvent => {
  const streamId = item[T.partitionKey]?.S ?? '<no stream id>';
  const version = Number(item[T.sortKey]?.N ?? Number.NaN);
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(item[T.body]?.S ?? '') as Record<string, unknown>;
  } catch (error) {
    throw new CorruptStoredEvent(streamId, version, undefined, [`body is not JSON (${(error as Error).message})`]);
  }
  const eventId = typeof raw?.eventId === 'string' ? raw.eventId : undefined;
  let parsed;
  try {
    parsed = parseStoredEvent(streamId, raw);
  } catch (error) {
    throw new CorruptStoredEvent(streamId, version, eventId, [(error as Error).message]);
  }
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`);
    throw new CorruptStoredEvent(streamId, version, eventId, problems);
  }
  if (parsed.data.streamId !== streamId || parsed.data.version !== version) {
    throw new CorruptStoredEvent(streamId, version, eventId, ['body names another stream or version than its key']);
  }
  return {
    event: parsed.data,
    idempotencyKey: item[T.idempotencyKey]?.S,
    fingerprint: item[T.fingerprint]?.S,
  };
};

/** A transaction holds at most 100 items, so at most 100 events can land together. */
export const MAX_EVENTS_PER_APPEND = 100;

/**
 * The event store of every kind of stream: one item per event, keyed by stream and version.
 * Appends are conditional on the version slot being free, so of two concurrent writers exactly one wins.
 */
export class DynamoEventStore {
  constructor(
    readonly client: DynamoDBClient,
    readonly tableName: string,
  ) {}

  async readStream(streamId: string): Promise<StreamRead> {
    const items = await queryPartition(this.client, { tableName: this.tableName, partitionKeyName: T.partitionKey, partition: streamId });
    const events = items.map(readStoredItem);
    return { streamId, version: events.at(-1)?.event.version ?? 0, events };
  }

  /**
   * One event is one conditional PutItem (the cheapest write DynamoDB has); several events go in one
   * transaction so they land together or not at all (it costs twice the write units, so only then).
   */
  async append(request: AppendRequest): Promise<{ version: number }> {
    const { events, streamId, expectedVersion } = request;
    if (events.length === 0) return { version: expectedVersion };
    if (events.length > MAX_EVENTS_PER_APPEND) {
      throw new Error(`${streamId} was given ${events.length} events at once; at most ${MAX_EVENTS_PER_APPEND} are recorded together`);
    }
    events.forEach((event, index) => {
      if (event.streamId !== streamId || event.version !== expectedVersion + index + 1) {
        throw new Error(`event ${index} must be ${streamId} v${expectedVersion + index + 1}`);
      }
    });
    const condition = {
      ConditionExpression: 'attribute_not_exists(#v)',
      ExpressionAttributeNames: { '#v': T.sortKey },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    };
    try {
      if (events.length === 1) {
        await this.client.send(
          new PutItemCommand({ TableName: this.tableName, Item: storedItemOf(events[0]!, request), ...condition }),
        );
      } else {
        await this.client.send(
          new TransactWriteItemsCommand({
            TransactItems: events.map((event) => ({
              Put: { TableName: this.tableName, Item: storedItemOf(event, request), ...condition },
            })),
          }),
        );
      }
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new VersionConflict(streamId, expectedVersion + 1, storedKeys(error.Item));
      }
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
        if (failed >= 0) throw new VersionConflict(streamId, expectedVersion + failed + 1, storedKeys(reasons[failed]?.Item));
      }
      throw error;
    }
    return { version: expectedVersion + events.length };
  }
}
