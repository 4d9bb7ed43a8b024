import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarise, tailBusEvents } from '../../functions/cli/eventsTail.ts';
import { readBusEvents, startLocalEventBus, type LocalEventBus } from '../../functions/local/localEventBus.ts';

let dataDir: string;
let bus: LocalEventBus;
let eventBridge: EventBridgeClient;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'handshake-bus-'));
  bus = await startLocalEventBus({ dataDir });
  eventBridge = new EventBridgeClient({
    endpoint: bus.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});

afterEach(async () => {
  eventBridge.destroy();
  await bus.close();
  await rm(dataDir, { recursive: true, force: true });
});

const entry = (n: number, overrides: Partial<PutEventsRequestEntry> = {}): PutEventsRequestEntry => ({
  EventBusName: 'handshake-local',
  Source: 'handshake.deals',
  DetailType: 'DealClosed',
  Detail: JSON.stringify({ streamId: `deal#B-${n}`, version: 1, actor: { id: 'P-SALES-1' } }),
  Time: new Date('2026-10-02T15:00:01.250Z'),
  Resources: [],
  ...overrides,
});

describe('the local event bus, through the real EventBridge client', () => {
  it('given valid entries, when put, then each gets an id and is recorded as EventBridge delivers it to a target', async () => {
    // act
    const answer = await eventBridge.send(new PutEventsCommand({ Entries: [entry(1), entry(2, { Resources: ['arn:x'] })] }));

    // assess
    expect(answer.FailedEntryCount).toBe(0);
    const recorded = await readBusEvents(dataDir);
    expect(recorded.map((event) => event.id)).toEqual(answer.Entries!.map((result) => result.EventId));
    for (const event of recorded) expect(() => EventBridgeSchema.parse(event)).not.toThrow();
    expect(recorded[1]).toEqual({
      version: '0',
      id: answer.Entries![1]!.EventId,
      'detail-type': 'DealClosed',
      source: 'handshake.deals',
      account: '000000000000',
      time: '2026-10-02T15:00:01Z',
      region: 'us-east-1',
      resources: ['arn:x'],
      detail: { streamId: 'deal#B-2', version: 1, actor: { id: 'P-SALES-1' } },
    });
  });

  it('given invalid entries among valid ones, when put, then only they fail, each with the error EventBridge gives', async () => {
    // act
    const answer = await eventBridge.send(
      new PutEventsCommand({
        Entries: [entry(1, { DetailType: undefined }), entry(2), entry(3, { Detail: '{not json' }), entry(4, { Detail: '[1]' })],
      }),
    );

    // assess
    expect(answer.FailedEntryCount).toBe(3);
    expect(answer.Entries).toEqual([
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter(s) DetailType could not be found.' },
      { EventId: expect.any(String) },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: expect.stringMatching(/JSON object/) },
    ]);
    expect((await readBusEvents(dataDir)).map((event) => event.detail)).toEqual([JSON.parse(entry(2).Detail!)]);
  });

  it('refuses a call of more than 10 entries, or over 256 KB, as a whole', async () => {
    const eleven = Array.from({ length: 11 }, (_, n) => entry(n));
    const huge = [entry(1, { Detail: JSON.stringify({ text: 'x'.repeat(140_000) }) }), entry(2, { Detail: JSON.stringify({ text: 'y'.repeat(140_000) }) })];

    await expect(eventBridge.send(new PutEventsCommand({ Entries: eleven }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(eventBridge.send(new PutEventsCommand({ Entries: huge }))).rejects.toThrow(/over the limit/);
    expect(await readBusEvents(dataDir)).toEqual([]);
  });

  it('given failures to inject, when entries are put, then the next ones fail with that code and later ones pass', async () => {
    // prepare
    bus.failNext(2, 'ThrottlingException', 'Rate exceeded');

    // act
    const first = await eventBridge.send(new PutEventsCommand({ Entries: [entry(1), entry(2), entry(3)] }));
    const second = await eventBridge.send(new PutEventsCommand({ Entries: [entry(1), entry(2)] }));

    // assess
    expect(first.FailedEntryCount).toBe(2);
    expect(first.Entries!.map((result) => result.ErrorCode)).toEqual(['ThrottlingException', 'ThrottlingException', undefined]);
    expect(second.FailedEntryCount).toBe(0);
    expect(bus.received.map((call) => call.entries.length)).toEqual([3, 2]);
  });

  it('given a whole-call failure to inject, when put, then the client gets the service error', async () => {
    bus.failNextCalls(1, 503, 'ServiceUnavailable');

    await expect(eventBridge.send(new PutEventsCommand({ Entries: [entry(1)] }))).rejects.toMatchObject({
      name: 'ServiceUnavailable',
      $metadata: { httpStatusCode: 503 },
    });
    expect((await eventBridge.send(new PutEventsCommand({ Entries: [entry(1)] }))).FailedEntryCount).toBe(0);
  });
});

describe('npx handshake events tail', () => {
  it('prints the last N recorded events, then follows new ones', async () => {
    // prepare
    await eventBridge.send(new PutEventsCommand({ Entries: [entry(1), entry(2), entry(3)] }));
    const printed: string[] = [];
    const abort = new AbortController();

    // act
    const tail = tailBusEvents({ file: bus.file, lines: 2, follow: true, json: false, write: (line) => printed.push(line), signal: abort.signal, pollMs: 20 });
    await expect.poll(() => printed.length).toBe(2);
    await eventBridge.send(new PutEventsCommand({ Entries: [entry(4)] }));
    await expect.poll(() => printed.length).toBe(3);
    abort.abort();
    await tail;

    // assess
    const recorded = await readBusEvents(dataDir);
    expect(printed).toEqual(recorded.slice(1).map(summarise));
    expect(printed[2]).toMatch(/^2026-10-02T15:00:01Z {2}DealClosed +deal#B-4 v1 +P-SALES-1 +[0-9a-f-]{36}$/);
  });

  it('given a published domain event, when summarised, then the line ends with its own eventId (the one the deal view shows), not the bus envelope id', async () => {
    const eventId = '0b7c7f8e-2f1c-4b8e-9a55-6f1b1d2c3e4f';
    await eventBridge.send(new PutEventsCommand({ Entries: [entry(5, { Detail: JSON.stringify({ eventId, streamId: 'deal#B-5', version: 1, actor: { id: 'P-SALES-1' } }) })] }));

    const published = (await readBusEvents(dataDir)).at(-1)!;
    const line = summarise(published);

    expect(line.endsWith(`  ${eventId}`)).toBe(true);
    expect(line).not.toContain(published.id);
  });

  it('prints raw JSON lines with --json, and waits for a line to be complete', async () => {
    // prepare
    await appendFile(bus.file, '{"version":"0","id":"1"}\n{"version":"0",');
    const printed: string[] = [];

    // act
    await tailBusEvents({ file: bus.file, lines: 10, follow: false, json: true, write: (line) => printed.push(line) });

    // assess
    expect(printed).toEqual(['{"version":"0","id":"1"}']);
  });
});
