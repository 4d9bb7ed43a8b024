import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CloseDealBody, type DealCommand } from '../../domain/deal/commands.ts';
import { ConcurrencyExhausted, IdempotencyKeyReused, VersionMismatch } from '../../functions/commands/commandService.ts';
import { createDealCommandService } from '../../functions/commands/dealCommandService.ts';
import { DynamoEventStore, type AppendRequest } from '../../functions/eventStore/dynamoEventStore.ts';
import { freshEventsTable } from '../support/dynamo.ts';
import { recordedEvent } from '../support/recordedEvents.ts';
import { closeDealBody, deliveryBody, handoffBody, scopeChangeBody } from '../support/sampleDeals.ts';

/** The real store, with another writer who always gets in first a given number of times. */
class RacedStore extends DynamoEventStore {
  races = 0;
  constructor(
    private readonly base: DynamoEventStore,
    private racesToLose: number,
  ) {
    super(base.client, base.tableName);
  }
  override async append(request: AppendRequest) {
    if (this.racesToLose > 0) {
      this.racesToLose -= 1;
      this.races += 1;
      const dealId = request.streamId.replace('deal#', '');
      await this.base.append({
        streamId: request.streamId,
        expectedVersion: request.expectedVersion,
        events: [recordedEvent(dealId, request.expectedVersion + 1, 'the other writer')],
      });
    }
    return super.append(request);
  }
}

let store: DynamoEventStore;
const actor = { id: 'P-SALES-1', roles: ['sales' as const] };
const serviceOver = (over: DynamoEventStore) =>
  createDealCommandService({ store: over, tenantId: 'default', now: () => new Date('2026-10-02T15:00:01Z'), newEventId: randomUUID });
const close = (dealId: string): DealCommand => ({ type: 'CloseDeal', body: CloseDealBody.parse(closeDealBody(dealId)) });
const changeScope = (reason: string): DealCommand => ({ type: 'ChangeScope', body: scopeChangeBody({ reason }) as never });

beforeAll(async () => {
  const table = await freshEventsTable();
  store = new DynamoEventStore(table.client, table.tableName);
});

describe('the deal command service', () => {
  it('given a lost race, when deciding again from fresh state, then the command lands after the winner', async () => {
    await serviceOver(store)({ dealId: 'L-1', command: close('L-1'), actor, fingerprint: 'close' });
    const raced = new RacedStore(store, 2);

    const result = await serviceOver(raced)({ dealId: 'L-1', command: changeScope('mine'), actor, fingerprint: 'mine' });

    expect(raced.races).toBe(2);
    expect(result).toEqual({ dealId: 'L-1', version: 4, replayed: false });
    const reasons = (await store.readStream('deal#L-1')).events.map((stored) => (stored.event.data as { reason?: string }).reason);
    expect(reasons).toEqual([undefined, 'the other writer', 'the other writer', 'mine']);
  });

  it('given writers that always win, when the attempts run out, then it gives up with a conflict and stores nothing of its own', async () => {
    await serviceOver(store)({ dealId: 'L-2', command: close('L-2'), actor, fingerprint: 'close' });
    const raced = new RacedStore(store, 100);

    const attempt = createDealCommandService({ store: raced, tenantId: 'default', now: () => new Date(), newEventId: randomUUID, maxAttempts: 3 })({
      dealId: 'L-2',
      command: changeScope('mine'),
      actor,
      fingerprint: 'mine',
    });

    await expect(attempt).rejects.toBeInstanceOf(ConcurrencyExhausted);
    expect(raced.races).toBe(3);
    const stored = (await store.readStream('deal#L-2')).events;
    expect(stored.filter((event) => (event.event.data as { reason?: string }).reason === 'mine')).toHaveLength(0);
  });

  it('given If-Match and a lost race, then it answers a version mismatch rather than deciding on newer state', async () => {
    await serviceOver(store)({ dealId: 'L-3', command: close('L-3'), actor, fingerprint: 'close' });

    const attempt = serviceOver(new RacedStore(store, 1))({
      dealId: 'L-3',
      command: changeScope('mine'),
      actor,
      fingerprint: 'mine',
      expectedVersion: 1,
    });

    await expect(attempt).rejects.toBeInstanceOf(VersionMismatch);
  });

  it('given a request already recorded with its key, when retried, then the first response comes back and nothing is added', async () => {
    await serviceOver(store)({ dealId: 'L-4', command: close('L-4'), actor, fingerprint: 'close' });
    const request = { dealId: 'L-4', command: changeScope('once'), actor, fingerprint: 'once', idempotencyKey: 'key-L4' };
    const first = await serviceOver(store)(request);
    await serviceOver(store)({ dealId: 'L-4', command: changeScope('later'), actor, fingerprint: 'later' });

    const retry = await serviceOver(store)(request);

    expect(first).toEqual({ dealId: 'L-4', version: 2, replayed: false });
    expect(retry).toEqual({ dealId: 'L-4', version: 2, replayed: true });
    expect((await store.readStream('deal#L-4')).version).toBe(3);
  });

  it('given a key already used, when reused for another request, then it is refused', async () => {
    await serviceOver(store)({ dealId: 'L-5', command: close('L-5'), actor, fingerprint: 'close' });
    await serviceOver(store)({ dealId: 'L-5', command: changeScope('a'), actor, fingerprint: 'a', idempotencyKey: 'key-L5' });

    const reuse = serviceOver(store)({ dealId: 'L-5', command: changeScope('b'), actor, fingerprint: 'b', idempotencyKey: 'key-L5' });

    await expect(reuse).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it('stamps the envelope: event id, stream, version, recordedAt from the clock, actor and tenant', async () => {
    await serviceOver(store)({ dealId: 'L-6', command: close('L-6'), actor, fingerprint: 'close', correlationId: 'req-1' });

    const [stored] = (await store.readStream('deal#L-6')).events;

    expect(stored!.event).toMatchObject({
      type: 'DealClosed',
      streamId: 'deal#L-6',
      version: 1,
      schemaVersion: 2,
      occurredAt: '2026-10-02T15:00:00Z',
      recordedAt: '2026-10-02T15:00:01.000Z',
      actor,
      tenantId: 'default',
      correlationId: 'req-1',
    });
  });
});

describe('two processes deciding on what they remember', () => {
  const handOff = (): DealCommand => ({ type: 'HandOff', body: handoffBody() as never });
  const deliver = (): DealCommand => ({ type: 'Deliver', body: deliveryBody() as never });

  it('given process A remembers a deal that B has since handed off, when A delivers, then A rereads and the delivery lands', async () => {
    const processA = serviceOver(store);
    const processB = serviceOver(store);
    await processA({ dealId: 'M-1', command: close('M-1'), actor, fingerprint: 'close' });
    await processB({ dealId: 'M-1', command: handOff(), actor, fingerprint: 'handoff' });

    const delivered = await processA({ dealId: 'M-1', command: deliver(), actor, fingerprint: 'deliver' });

    expect(delivered).toEqual({ dealId: 'M-1', version: 3, replayed: false });
  });

  it('given process A remembers a deal that B has since handed off, when A hands off too, then A rereads and refuses', async () => {
    const processA = serviceOver(store);
    const processB = serviceOver(store);
    await processA({ dealId: 'M-2', command: close('M-2'), actor, fingerprint: 'close' });
    await processB({ dealId: 'M-2', command: handOff(), actor, fingerprint: 'handoff-b' });

    const second = processA({ dealId: 'M-2', command: handOff(), actor, fingerprint: 'handoff-a' });

    await expect(second).rejects.toMatchObject({ rule: 'already-handed-off' });
    expect((await store.readStream('deal#M-2')).version).toBe(2);
  });

  it('given a deal closed by another process, when closed again with another body, then it is refused as already closed', async () => {
    await serviceOver(store)({ dealId: 'M-3', command: close('M-3'), actor, fingerprint: 'close-1' });

    const again = serviceOver(store)({ dealId: 'M-3', command: close('M-3'), actor, fingerprint: 'close-2' });

    await expect(again).rejects.toMatchObject({ rule: 'deal-already-closed' });
  });

  it('given a deal closed by another process, when closed again with the identical request, then the first response comes back', async () => {
    await serviceOver(store)({ dealId: 'M-4', command: close('M-4'), actor, fingerprint: 'same' });

    const again = await serviceOver(store)({ dealId: 'M-4', command: close('M-4'), actor, fingerprint: 'same' });

    expect(again).toEqual({ dealId: 'M-4', version: 1, replayed: true });
  });

  it('given If-Match naming a version another process reached, when A remembers an older one, then A rereads and accepts', async () => {
    const processA = serviceOver(store);
    await processA({ dealId: 'M-5', command: close('M-5'), actor, fingerprint: 'close' });
    await serviceOver(store)({ dealId: 'M-5', command: changeScope('b'), actor, fingerprint: 'b' });

    const result = await processA({ dealId: 'M-5', command: changeScope('a'), actor, fingerprint: 'a', expectedVersion: 2 });

    expect(result.version).toBe(3);
  });
});


/** The real store, where a customer's survey answer lands on the deal just before each of the first `answers` appends. */
class AnsweredStore extends DynamoEventStore {
  landed = 0;
  constructor(
    private readonly base: DynamoEventStore,
    private answers: number,
  ) {
    super(base.client, base.tableName);
  }
  override async append(request: AppendRequest) {
    if (this.answers > 0) {
      this.answers -= 1;
      this.landed += 1;
      const answer = recordedEvent(request.streamId.replace('deal#', ''), request.expectedVersion + 1);
      await this.base.append({
        streamId: request.streamId,
        expectedVersion: request.expectedVersion,
        events: [
          {
            ...answer,
            actor: { id: 'survey-tool:delighted', roles: [] },
            type: 'NpsResponseRecorded',
            occurredAt: '2026-10-04T09:00:00Z',
            data: {
              provider: 'delighted',
              responseId: `answer-${request.expectedVersion + 1}`,
              score: 9,
              dealId: request.streamId.replace('deal#', ''),
              respondedAt: '2026-10-04T09:00:00Z',
            },
          },
        ],
      });
    }
    return super.append(request);
  }
}

describe('survey answers beside the deal commands', () => {
  it('given If-Match "1", when two survey answers land between the read and the write, then the command is retried and lands as version 2', async () => {
    await serviceOver(store)({ dealId: 'N-1', command: close('N-1'), actor, fingerprint: 'close' });
    const answered = new AnsweredStore(store, 2);

    const result = await serviceOver(answered)({
      dealId: 'N-1',
      command: changeScope('mine'),
      actor,
      fingerprint: 'mine',
      expectedVersion: 1,
    });

    expect(answered.landed).toBe(2);
    expect(result).toEqual({ dealId: 'N-1', version: 2, replayed: false });
    const types = (await store.readStream('deal#N-1')).events.map((stored) => stored.event.type);
    expect(types).toEqual(['DealClosed', 'NpsResponseRecorded', 'NpsResponseRecorded', 'ScopeChanged']);
  });

  it('given a command recorded before answers arrived, when it is retried with its key, then it answers its first command version', async () => {
    await serviceOver(store)({ dealId: 'N-2', command: close('N-2'), actor, fingerprint: 'close' });
    const request = { dealId: 'N-2', command: changeScope('once'), actor, fingerprint: 'once', idempotencyKey: 'key-N2' };
    const first = await serviceOver(new AnsweredStore(store, 1))(request);
    const later = { dealId: 'N-2', command: changeScope('later'), actor, fingerprint: 'later' };
    await serviceOver(new AnsweredStore(store, 1))(later);

    const retry = await serviceOver(store)(request);

    expect(first).toEqual({ dealId: 'N-2', version: 2, replayed: false });
    expect(retry).toEqual({ dealId: 'N-2', version: 2, replayed: true });
    expect((await store.readStream('deal#N-2')).version).toBe(5);
  });

  it('given If-Match "1" and a real deal command landing between the read and the write, then it is still a version mismatch', async () => {
    await serviceOver(store)({ dealId: 'N-3', command: close('N-3'), actor, fingerprint: 'close' });

    const attempt = serviceOver(new RacedStore(store, 1))({
      dealId: 'N-3',
      command: changeScope('mine'),
      actor,
      fingerprint: 'mine',
      expectedVersion: 1,
    });

    await expect(attempt).rejects.toMatchObject({ expected: 1, actual: 2 });
  });
});
