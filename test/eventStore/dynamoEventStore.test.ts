import { PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { CorruptStoredEvent, VersionConflict } from '../../functions/eventStore/errors.ts';
import { DynamoEventStore, MAX_EVENTS_PER_APPEND } from '../../functions/eventStore/dynamoEventStore.ts';
import { freshEventsTable } from '../support/dynamo.ts';
import { recordedEvent } from '../support/recordedEvents.ts';

let store: DynamoEventStore;
let table: Awaited<ReturnType<typeof freshEventsTable>>;

const itemsOf = async (streamId: string) => {
  const scan = await table.client.send(new ScanCommand({ TableName: table.tableName, ConsistentRead: true }));
  return (scan.Items ?? []).filter((item) => item.s?.S === streamId);
};

beforeAll(async () => {
  table = await freshEventsTable();
  store = new DynamoEventStore(table.client, table.tableName);
});

describe('appending and reading a stream', () => {
  it('given an empty stream, when one event is appended, then it reads back valid and at version 1', async () => {
    const event = recordedEvent('S-1', 1);

    const result = await store.append({ streamId: event.streamId, expectedVersion: 0, events: [event] });
    const read = await store.readStream(event.streamId);

    expect(result.version).toBe(1);
    expect(read.version).toBe(1);
    expect(read.events.map((stored) => stored.event)).toEqual([event]);
  });

  it('given an unknown stream, when read, then it is empty at version 0', async () => {
    const read = await store.readStream('deal#never-closed');

    expect(read).toEqual({ streamId: 'deal#never-closed', version: 0, events: [] });
  });

  it('stores the envelope as one JSON string attribute, with the idempotency key beside it', async () => {
    const event = recordedEvent('S-2', 1);

    await store.append({ streamId: event.streamId, expectedVersion: 0, events: [event], idempotencyKey: 'k-1', fingerprint: 'f-1' });
    const [item] = await itemsOf(event.streamId);

    expect(JSON.parse(item!.e!.S!)).toEqual(event);
    expect(item!.k?.S).toBe('k-1');
    expect(item!.f?.S).toBe('f-1');
    expect(item!.t?.S).toBe('DealClosed');
  });

  it('given several events, when appended together, then all land in one go with consecutive versions', async () => {
    const events = [recordedEvent('S-3', 1), recordedEvent('S-3', 2), recordedEvent('S-3', 3)];

    const result = await store.append({ streamId: events[0]!.streamId, expectedVersion: 0, events });

    expect(result.version).toBe(3);
    expect((await store.readStream('deal#S-3')).events.map((stored) => stored.event.version)).toEqual([1, 2, 3]);
  });

  it('given a stream at version 2, when a batch overlapping version 2 is appended, then nothing of the batch lands', async () => {
    await store.append({ streamId: 'deal#S-4', expectedVersion: 0, events: [recordedEvent('S-4', 1), recordedEvent('S-4', 2)] });

    const attempt = store.append({ streamId: 'deal#S-4', expectedVersion: 1, events: [recordedEvent('S-4', 2), recordedEvent('S-4', 3)] });

    await expect(attempt).rejects.toBeInstanceOf(VersionConflict);
    expect(await itemsOf('deal#S-4')).toHaveLength(2);
  });

  it('refuses events whose stream or version does not follow the expected version, before writing', async () => {
    const attempt = store.append({ streamId: 'deal#S-5', expectedVersion: 0, events: [recordedEvent('S-5', 2)] });

    await expect(attempt).rejects.toThrow(/must be deal#S-5 v1/);
    expect(await itemsOf('deal#S-5')).toHaveLength(0);
  });

  it('given more events than one transaction holds, when appended, then they are refused before anything is written', async () => {
    const events = Array.from({ length: MAX_EVENTS_PER_APPEND + 1 }, (_, index) => recordedEvent('S-6', index + 1));

    const attempt = store.append({ streamId: 'deal#S-6', expectedVersion: 0, events });

    await expect(attempt).rejects.toThrow(`deal#S-6 was given 101 events at once; at most 100 are recorded together`);
    expect(await itemsOf('deal#S-6')).toHaveLength(0);
  });
});

describe('concurrent writers', () => {
  it('given two writers at the same expected version, when both append, then exactly one wins', async () => {
    await store.append({ streamId: 'deal#C-1', expectedVersion: 0, events: [recordedEvent('C-1', 1)] });

    const results = await Promise.allSettled([
      store.append({ streamId: 'deal#C-1', expectedVersion: 1, events: [recordedEvent('C-1', 2, 'writer A')] }),
      store.append({ streamId: 'deal#C-1', expectedVersion: 1, events: [recordedEvent('C-1', 2, 'writer B')] }),
    ]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [lost] = results.filter((result) => result.status === 'rejected');
    expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflict);
    expect(await itemsOf('deal#C-1')).toHaveLength(2);
  });

  it('given ten writers racing for one version, then one wins and nine see a conflict', async () => {
    await store.append({ streamId: 'deal#C-2', expectedVersion: 0, events: [recordedEvent('C-2', 1)] });

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, writer) =>
        store.append({ streamId: 'deal#C-2', expectedVersion: 1, events: [recordedEvent('C-2', 2, `writer ${writer}`)] }),
      ),
    );

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(9);
  });
});

describe('a retried append', () => {
  it('given an event stored with an idempotency key, when the same append is repeated, then the conflict carries the stored key', async () => {
    const event = recordedEvent('R-1', 1);
    await store.append({ streamId: event.streamId, expectedVersion: 0, events: [event], idempotencyKey: 'key-R1', fingerprint: 'fp-R1' });

    const repeat = store.append({ streamId: event.streamId, expectedVersion: 0, events: [event], idempotencyKey: 'key-R1', fingerprint: 'fp-R1' });

    const conflict = await repeat.catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(VersionConflict);
    expect((conflict as VersionConflict).stored).toEqual({ idempotencyKey: 'key-R1', fingerprint: 'fp-R1' });
    expect(await itemsOf(event.streamId)).toHaveLength(1);
  });

  it('given a transaction that collides with a stored event, then the conflict names that event\'s key', async () => {
    await store.append({ streamId: 'deal#R-2', expectedVersion: 0, events: [recordedEvent('R-2', 1)], idempotencyKey: 'key-R2', fingerprint: 'fp' });

    const repeat = store.append({
      streamId: 'deal#R-2',
      expectedVersion: 0,
      events: [recordedEvent('R-2', 1), recordedEvent('R-2', 2)],
      idempotencyKey: 'key-R2',
      fingerprint: 'fp',
    });

    const conflict = (await repeat.catch((error: unknown) => error)) as VersionConflict;
    expect(conflict).toBeInstanceOf(VersionConflict);
    expect(conflict.stored?.idempotencyKey).toBe('key-R2');
    expect(await itemsOf('deal#R-2')).toHaveLength(1);
  });
});

describe('a corrupt stored event', () => {
  const putRaw = (streamId: string, version: number, body: string) =>
    table.client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: { s: { S: streamId }, v: { N: String(version) }, t: { S: 'ScopeChanged' }, e: { S: body } },
      }),
    );

  it('given a body that is not JSON, when the stream is read, then the error names the stream and version', async () => {
    await store.append({ streamId: 'deal#X-1', expectedVersion: 0, events: [recordedEvent('X-1', 1)] });
    await putRaw('deal#X-1', 2, '{"eventId": "broken');

    const read = store.readStream('deal#X-1');

    await expect(read).rejects.toBeInstanceOf(CorruptStoredEvent);
    await expect(read).rejects.toThrow(/deal#X-1 v2 .*not JSON/);
  });

  it('given a body that breaks the schema, when read, then the error names the event id and the field at fault', async () => {
    const bad = recordedEvent('X-2', 1) as unknown as { data: { value: { amount: number } }; eventId: string };
    bad.data.value.amount = -5;
    await putRaw('deal#X-2', 1, JSON.stringify(bad));

    const error = (await store.readStream('deal#X-2').catch((caught: unknown) => caught)) as CorruptStoredEvent;

    expect(error).toBeInstanceOf(CorruptStoredEvent);
    expect(error.eventId).toBe(bad.eventId);
    expect(error.version).toBe(1);
    expect(error.message).toContain('data.value.amount');
  });

  it('given a deal\'s event stored on the plans stream, when read, then it is reported: the plans stream holds plans only', async () => {
    await putRaw('plans#org', 1, JSON.stringify({ ...recordedEvent('X-4', 1), streamId: 'plans#org' }));

    const error = (await store.readStream('plans#org').catch((caught: unknown) => caught)) as CorruptStoredEvent;

    expect(error).toBeInstanceOf(CorruptStoredEvent);
    expect(error.streamId).toBe('plans#org');
    expect(error.message).toContain('type');
  });

  it('given an event stored on a stream whose id names no kind of stream, when read, then it is reported with that id', async () => {
    await putRaw('invoice#X-5', 1, JSON.stringify({ ...recordedEvent('X-5', 1), streamId: 'invoice#X-5' }));

    await expect(store.readStream('invoice#X-5')).rejects.toThrow(/invoice#X-5 v1 .*names no kind of stream/);
  });

  it('given a body that claims another version than its key, when read, then it is reported, not trusted', async () => {
    await putRaw('deal#X-3', 1, JSON.stringify(recordedEvent('X-3', 2)));

    await expect(store.readStream('deal#X-3')).rejects.toThrow(/another stream or version/);
  });
});
