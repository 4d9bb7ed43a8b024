import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import { DescribeTableCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { DynamoEventStore, readStoredItem } from '../../functions/eventStore/dynamoEventStore.ts';
import { startStreamConsumers, type RunningStreamConsumers, type StreamConsumersOptions } from '../../functions/local/streamConsumers.ts';
import { deadLetterFile } from '../../functions/local/batchDelivery.ts';
import { shardsReadyToRead } from '../../functions/local/shardReader.ts';
import type { StreamConsumer } from '../../functions/local/streamPoller.ts';
import { freshEventsTable } from '../support/dynamo.ts';
import { recordedEvent } from '../support/recordedEvents.ts';

let table: Awaited<ReturnType<typeof freshEventsTable>>;
let store: DynamoEventStore;
let dataDir: string;
const running: RunningStreamConsumers[] = [];

beforeEach(async () => {
  table = await freshEventsTable();
  store = new DynamoEventStore(table.client, table.tableName);
  dataDir = await mkdtemp(join(tmpdir(), 'handshake-stream-'));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((consumers) => consumers.stop()));
  await rm(dataDir, { recursive: true, force: true });
});

const start = async (consumers: StreamConsumer[], options: Partial<StreamConsumersOptions> = {}) => {
  const started = await startStreamConsumers({
    client: table.client,
    endpoint: inject('dynamoDbEndpoint'),
    eventsTable: table.tableName,
    dataDir,
    consumers,
    pollIntervalMs: 50,
    retryDelayMs: 5,
    ...options,
  });
  running.push(started);
  return started;
};

/** Appends versions from..to of one deal, one append (one stream record) each. */
const appendVersions = async (dealId: string, from: number, to: number) => {
  for (let version = from; version <= to; version += 1) {
    await store.append({ streamId: `deal#${dealId}`, expectedVersion: version - 1, events: [recordedEvent(dealId, version)] });
  }
};

const versionOf = (record: DynamoDBRecord) => Number(record.dynamodb?.Keys?.v?.N);

/** A consumer that remembers every batch it was given and answers as `answer` says. */
const recordingConsumer = (
  name: string,
  answer: (event: DynamoDBStreamEvent) => { itemIdentifier: string }[] = () => [],
) => {
  const batches: DynamoDBStreamEvent[] = [];
  const consumer: StreamConsumer = {
    name,
    handler: async (event) => {
      batches.push(event);
      return { batchItemFailures: answer(event) };
    },
  };
  const versions = () => batches.flatMap((batch) => batch.Records.map(versionOf));
  return { consumer, batches, versions };
};

const failVersion = (version: number) => (event: DynamoDBStreamEvent) =>
  event.Records.filter((record) => versionOf(record) === version).map((record) => ({
    itemIdentifier: record.dynamodb!.SequenceNumber!,
  }));

const deadLetters = async (consumer: string) => {
  try {
    return (await readFile(deadLetterFile(dataDir, consumer), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  } catch {
    return [];
  }
};

describe('delivering the events table stream to a consumer', () => {
  it('given events appended through the store, when the consumer has caught up, then it got each in order, shaped as Lambda delivers it', async () => {
    // prepare
    const seen = recordingConsumer('projector');
    await start([seen.consumer]);
    const appended = [recordedEvent('P-1', 1), recordedEvent('P-1', 2)];
    await store.append({ streamId: 'deal#P-1', expectedVersion: 0, events: appended });
    await appendVersions('P-1', 3, 3);
    const streamArn = (await table.client.send(new DescribeTableCommand({ TableName: table.tableName }))).Table!.LatestStreamArn;

    // act
    await running[0]!.drain();

    // assess
    const records = seen.batches.flatMap((batch) => batch.Records);
    expect(records.map(versionOf)).toEqual([1, 2, 3]);
    for (const batch of seen.batches) expect(() => DynamoDBStreamSchema.parse(batch)).not.toThrow();
    const [first] = records;
    expect(first).toMatchObject({
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      eventSourceARN: streamArn,
      dynamodb: { Keys: { s: { S: 'deal#P-1' }, v: { N: '1' } }, StreamViewType: 'NEW_IMAGE' },
    });
    expect(first!.eventID).toEqual(expect.any(String));
    expect(first!.dynamodb!.SizeBytes).toBeGreaterThan(0);
    // Epoch seconds, as Lambda gives them (DynamoDB Local rounds them down to the minute).
    expect(Math.abs(first!.dynamodb!.ApproximateCreationDateTime! - Date.now() / 1000)).toBeLessThan(120);
    const sequenceNumbers = records.map((record) => BigInt(record.dynamodb!.SequenceNumber!));
    expect([...sequenceNumbers].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequenceNumbers);
    const image = first!.dynamodb!.NewImage as Record<string, AttributeValue>;
    expect(readStoredItem(image).event).toEqual(appended[0]);
  });

  it('given a running consumer, when a command appends an event, then the consumer has it well within a second', async () => {
    // prepare
    let arrived: (at: number) => void;
    const arrival = new Promise<number>((done) => (arrived = done));
    await start([{ name: 'projector', handler: async () => arrived(Date.now()) }]);

    // act
    const appendedAt = Date.now();
    await appendVersions('L-1', 1, 1);

    // assess
    expect((await arrival) - appendedAt).toBeLessThan(1000);
  });

  it('given a consumer with a batching window, when events trickle in across many polls, then they arrive together, in order', async () => {
    // prepare
    const gathered = recordingConsumer('projector');
    const consumers = await start([{ ...gathered.consumer, batchingWindowMs: 3_000 }]);

    // act: five appends 150 ms apart, three polls apart each
    for (let version = 1; version <= 5; version += 1) {
      await appendVersions('W-1', version, version);
      await new Promise((wait) => setTimeout(wait, 150));
    }
    await consumers.drain();

    // assess: without the window each poll would invoke with the one record it found
    expect(gathered.versions()).toEqual([1, 2, 3, 4, 5]);
    expect(gathered.batches.length).toBeLessThanOrEqual(2);
  });
});

describe('partial batch failures', () => {
  it('given a consumer that reports one record failed, when it is delivered again, then the batch restarts at that record and nothing is lost', async () => {
    // prepare
    await appendVersions('F-1', 1, 5);
    let failed = false;
    const seen = recordingConsumer('projector', (event) => {
      if (failed) return [];
      failed = true;
      return failVersion(3)(event);
    });

    // act
    await (await start([seen.consumer])).drain();

    // assess
    expect(seen.batches.map((batch) => batch.Records.map(versionOf))).toEqual([
      [1, 2, 3, 4, 5],
      [3, 4, 5],
    ]);
    expect(await deadLetters('projector')).toEqual([]);
  });

  it('given a record that keeps failing, when its retries are spent, then it is dead-lettered and the later records still arrive', async () => {
    // prepare
    await appendVersions('F-2', 1, 4);
    const seen = recordingConsumer('projector', failVersion(2));
    const consumers = await start([{ ...seen.consumer, maxRetryAttempts: 2 }]);

    // act
    await consumers.drain();
    await appendVersions('F-2', 5, 5);
    await consumers.drain();

    // assess
    const letters = await deadLetters('projector');
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3, consumer: 'projector' },
      DDBStreamBatchInfo: { batchSize: 1, startSequenceNumber: letters[0].record.dynamodb.SequenceNumber },
      record: { dynamodb: { Keys: { v: { N: '2' } } } },
    });
    expect(seen.versions().filter((version) => version === 2)).toHaveLength(3);
    expect(new Set(seen.versions())).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(seen.batches.at(-1)!.Records.map(versionOf)).toEqual([5]);
  });

  it('given a consumer that throws on one record, when the batch fails, then it is halved until that record is alone and only it is dead-lettered', async () => {
    // prepare
    await appendVersions('T-1', 1, 6);
    const handled: number[] = [];
    const consumer: StreamConsumer = {
      name: 'thrower',
      maxRetryAttempts: 1,
      handler: async (event) => {
        const versions = event.Records.map(versionOf);
        if (versions.includes(4)) throw new Error('cannot apply v4');
        handled.push(...versions);
      },
    };

    // act
    await (await start([consumer])).drain();

    // assess
    expect(handled).toEqual([1, 2, 3, 5, 6]);
    const letters = await deadLetters('thrower');
    expect(letters.map((letter) => letter.record.dynamodb.Keys.v.N)).toEqual(['4']);
    expect(letters[0].responseContext.functionError).toBe('cannot apply v4');
  });
});

describe('several consumers and restarts', () => {
  it('given two consumers, when events are appended, then each gets every record, and one failing does not hold the other back', async () => {
    // prepare
    const projector = recordingConsumer('projector', failVersion(2));
    const publisher = recordingConsumer('publisher');
    const consumers = await start([{ ...projector.consumer, maxRetryAttempts: 1 }, publisher.consumer]);

    // act
    await appendVersions('M-1', 1, 3);
    await consumers.drain();

    // assess
    expect(publisher.versions()).toEqual([1, 2, 3]);
    expect(new Set(projector.versions())).toEqual(new Set([1, 2, 3]));
    expect(await deadLetters('projector')).toHaveLength(1);
    expect(await deadLetters('publisher')).toHaveLength(0);
  });

  it('given a consumer that stopped, when it starts again, then it resumes after its last acknowledged record', async () => {
    // prepare
    const before = recordingConsumer('projector');
    const first = await start([before.consumer]);
    await appendVersions('R-1', 1, 2);
    await first.drain();
    await first.stop();
    await appendVersions('R-1', 3, 4);

    // act
    const after = recordingConsumer('projector');
    await (await start([after.consumer])).drain();

    // assess
    expect(before.versions()).toEqual([1, 2]);
    expect(after.versions()).toEqual([3, 4]);
  });

  it('given a consumer without a checkpoint that starts at LATEST, when it runs, then it sees only what is written after it started', async () => {
    // prepare
    await appendVersions('N-1', 1, 2);
    const seen = recordingConsumer('projector');
    const consumers = await start([seen.consumer], { startingPosition: 'LATEST' });

    // act
    await appendVersions('N-1', 3, 3);
    await consumers.drain();

    // assess
    expect(seen.versions()).toEqual([3]);
  });
});

describe('shard lineage', () => {
  const shards = [
    { ShardId: 'a' },
    { ShardId: 'b', ParentShardId: 'a' },
    { ShardId: 'c', ParentShardId: 'b' },
    { ShardId: 'd', ParentShardId: 'trimmed-long-ago' },
  ];

  it('reads a parent before its children, and an orphan at once', () => {
    expect(shardsReadyToRead(shards, new Set())).toEqual(['a', 'd']);
  });

  it('reads a child once its parent has been read to its end', () => {
    expect(shardsReadyToRead(shards, new Set(['a']))).toEqual(['b', 'd']);
    expect(shardsReadyToRead(shards, new Set(['a', 'b', 'd']))).toEqual(['c']);
  });
});
