import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { RecordedDealEvent } from '../../domain/envelope.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { readBusEvents, type BusEvent } from '../../functions/local/localEventBus.ts';
import { startLocalPublishing, startStreamConsumers, type LocalPublishing, type RunningStreamConsumers } from '../../functions/local/streamConsumers.ts';
import { deadLetterFile } from '../../functions/local/batchDelivery.ts';
import type { StreamConsumer } from '../../functions/local/streamPoller.ts';
import { chunkEntries, MAX_PUT_BYTES } from '../../functions/publishing/domainEventPublisher.ts';
import { EVENT_SOURCE } from '../../functions/publishing/eventBus.ts';
import { freshEventsTable } from '../support/dynamo.ts';
import { recordedEvent } from '../support/recordedEvents.ts';

let table: Awaited<ReturnType<typeof freshEventsTable>>;
let store: DynamoEventStore;
let dataDir: string;
let publishing: LocalPublishing;
let consumers: RunningStreamConsumers | undefined;

beforeEach(async () => {
  table = await freshEventsTable();
  store = new DynamoEventStore(table.client, table.tableName);
  dataDir = await mkdtemp(join(tmpdir(), 'handshake-publish-'));
  publishing = await startLocalPublishing({ dataDir, retry: { baseDelayMs: 2 } });
});

afterEach(async () => {
  await consumers?.stop();
  consumers = undefined;
  await publishing.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The publisher, fed by the table's stream; its answers are kept for the test to look at. */
const startPublisher = async (settings: Partial<StreamConsumer> = {}) => {
  const answers: (DynamoDBBatchResponse | void)[] = [];
  const consumer: StreamConsumer = {
    ...publishing.consumer,
    handler: async (event) => {
      const answer = await publishing.consumer.handler(event);
      answers.push(answer);
      return answer;
    },
    ...settings,
  };
  consumers = await startStreamConsumers({
    client: table.client,
    endpoint: inject('dynamoDbEndpoint'),
    eventsTable: table.tableName,
    dataDir,
    consumers: [consumer],
    pollIntervalMs: 50,
    retryDelayMs: 5,
  });
  return answers;
};

const append = async (...events: RecordedDealEvent[]) => {
  for (const event of events) await store.append({ streamId: event.streamId, expectedVersion: event.version - 1, events: [event] });
  return events;
};

const eventIdsOf = (events: BusEvent[]) => events.map((event) => (event.detail as RecordedDealEvent).eventId);
const eventIdsIn = (entries: { Detail?: string }[]) => entries.map((entry) => JSON.parse(entry.Detail!).eventId as string);

const jsonLines = async (file: string) => {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line));
  } catch {
    return [];
  }
};

describe('publishing appended events on the bus', () => {
  it('given appended events, when the publisher has caught up, then each is on the bus once: source the store, detail-type its type, detail the whole envelope', async () => {
    // prepare
    const events = await append(recordedEvent('E-1', 1), recordedEvent('E-1', 2), recordedEvent('E-2', 1));

    // act
    await startPublisher();
    await consumers!.drain();

    // assess
    const published = await readBusEvents(dataDir);
    expect(published).toHaveLength(3);
    published.forEach((busEvent, index) => {
      expect(() => EventBridgeSchema.parse(busEvent)).not.toThrow();
      expect(busEvent.source).toBe(EVENT_SOURCE);
      expect(busEvent['detail-type']).toBe(events[index]!.type);
      expect(busEvent.detail).toEqual(events[index]);
      expect(busEvent.time).toBe(events[index]!.recordedAt.replace(/\.\d+Z$/, 'Z'));
      expect(busEvent.resources).toEqual([]);
    });
    expect(publishing.bus.received[0]!.entries[0]!.EventBusName).toBe('handshake-local');
  });

  it('given more than ten records in a batch, when published, then PutEvents gets them ten at a time, in order', async () => {
    // prepare
    const events = await append(...Array.from({ length: 23 }, (_, index) => recordedEvent('E-3', index + 1)));

    // act
    await startPublisher();
    await consumers!.drain();

    // assess
    expect(publishing.bus.received.map((call) => call.entries.length)).toEqual([10, 10, 3]);
    expect(eventIdsOf(await readBusEvents(dataDir))).toEqual(events.map((event) => event.eventId));
  });

  it('given the bus rejects some entries of a call, when the publisher retries, then only those entries are sent again', async () => {
    // prepare
    const events = await append(recordedEvent('E-4', 1), recordedEvent('E-4', 2), recordedEvent('E-4', 3));
    publishing.bus.failNext(2, 'ThrottlingException', 'Rate exceeded');

    // act
    const answers = await startPublisher();
    await consumers!.drain();

    // assess
    const [first, retry, ...more] = publishing.bus.received;
    expect(first!.results.filter((result) => 'ErrorCode' in result)).toHaveLength(2);
    expect(eventIdsIn(retry!.entries)).toEqual(events.slice(0, 2).map((event) => event.eventId));
    expect(more).toEqual([]);
    expect(eventIdsOf(await readBusEvents(dataDir)).sort()).toEqual(events.map((event) => event.eventId).sort());
    expect(answers).toEqual([{ batchItemFailures: [] }]);
    expect(await jsonLines(publishing.deadLetterFile)).toEqual([]);
  });

  it('given entries the bus keeps rejecting, when the retries are spent, then they go to the dead-letter sink and the stream moves on', async () => {
    // prepare
    const [stuck] = await append(recordedEvent('E-5', 1));
    publishing.bus.failNext(1000, 'InternalFailure', 'We encountered an internal error.');
    const answers = await startPublisher();
    await consumers!.drain();

    // act
    publishing.bus.failNext(0);
    const [later] = await append(recordedEvent('E-5', 2));
    await consumers!.drain();

    // assess
    const letters = await jsonLines(publishing.deadLetterFile);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      eventId: stuck!.eventId,
      streamId: 'deal#E-5',
      version: 1,
      type: 'DealClosed',
      errorCode: 'InternalFailure',
      attempts: 4,
      entry: { Source: EVENT_SOURCE, DetailType: 'DealClosed', Time: new Date(stuck!.recordedAt).toISOString() },
    });
    expect(JSON.parse(letters[0].entry.Detail)).toEqual(stuck);
    expect(publishing.bus.received.slice(0, 4).map((call) => eventIdsIn(call.entries))).toEqual(Array(4).fill([stuck!.eventId]));
    expect(eventIdsOf(await readBusEvents(dataDir))).toEqual([later!.eventId]);
    expect(answers).toEqual([{ batchItemFailures: [] }, { batchItemFailures: [] }]);
  });

  it('given an entry the bus refuses for good, when published, then it is dead-lettered at once, without retries', async () => {
    // prepare
    await append(recordedEvent('E-6', 1), recordedEvent('E-6', 2));
    publishing.bus.failNext(1, 'AccessDeniedException', 'not allowed');

    // act
    await startPublisher();
    await consumers!.drain();

    // assess
    expect(publishing.bus.received).toHaveLength(1);
    expect(await jsonLines(publishing.deadLetterFile)).toMatchObject([{ version: 1, errorCode: 'AccessDeniedException', attempts: 1 }]);
    expect(await readBusEvents(dataDir)).toHaveLength(1);
  });

  it('given a record that does not read as an event, when published, then it is a batch item failure and every other event is published once', async () => {
    // prepare
    const [before] = await append(recordedEvent('E-7', 1));
    await table.client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: { s: { S: 'deal#E-BAD' }, v: { N: '1' }, t: { S: 'DealClosed' }, e: { S: '{"not":"an event"' } },
      }),
    );
    const [after] = await append(recordedEvent('E-8', 1));

    // act
    const answers = await startPublisher({ maxRetryAttempts: 1 });
    await consumers!.drain();

    // assess
    const [firstAnswer] = answers as DynamoDBBatchResponse[];
    const streamLetters = await jsonLines(deadLetterFile(dataDir, 'publisher'));
    expect(streamLetters).toHaveLength(1);
    const bad = streamLetters[0].record as DynamoDBRecord;
    expect(bad.dynamodb?.Keys?.s?.S).toBe('deal#E-BAD');
    expect(firstAnswer!.batchItemFailures[0]).toEqual({ itemIdentifier: bad.dynamodb!.SequenceNumber });
    expect(eventIdsOf(await readBusEvents(dataDir))).toEqual([before!.eventId, after!.eventId]);
    expect(await jsonLines(publishing.deadLetterFile)).toEqual([]);
  });

  it('given the bus is unreachable for a while, when published, then the records are left for redelivery and go out once it is back', async () => {
    // prepare
    const events = await append(recordedEvent('E-9', 1), recordedEvent('E-9', 2));
    publishing.bus.failNextCalls(3, 500, 'InternalException'); // the SDK's own three attempts

    // act
    const answers = await startPublisher();
    await consumers!.drain();

    // assess
    expect((answers[0] as DynamoDBBatchResponse).batchItemFailures).toHaveLength(2);
    expect(answers.at(-1)).toEqual({ batchItemFailures: [] });
    expect(eventIdsOf(await readBusEvents(dataDir))).toEqual(events.map((event) => event.eventId));
  });
});

describe('chunking PutEvents calls', () => {
  const sized = (bytes: number): { entry: PutEventsRequestEntry } => ({
    entry: { Source: 'handshake.deals', DetailType: 'DealClosed', Detail: JSON.stringify({ pad: 'x'.repeat(bytes) }) },
  });

  it('keeps each call within 256 KB as well as 10 entries', () => {
    const chunks = chunkEntries([sized(100_000), sized(100_000), sized(100_000), sized(10)]);

    expect(chunks.map((chunk) => chunk.length)).toEqual([2, 2]);
    expect(MAX_PUT_BYTES).toBe(262_144);
  });
});
