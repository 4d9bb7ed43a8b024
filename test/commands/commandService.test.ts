import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CloseDealBody, type DealCommand } from '../../domain/deal/commands.ts';
import { dealDecider } from '../../domain/deal/decider.ts';
import { streamKinds } from '../../domain/streams.ts';
import { createCommandService } from '../../functions/commands/commandService.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { freshEventsTable } from '../support/dynamo.ts';
import { countItems } from '../support/storedItems.ts';
import { closeDealBody } from '../support/sampleDeals.ts';

let table: Awaited<ReturnType<typeof freshEventsTable>>;
let store: DynamoEventStore;
const actor = { id: 'P-SALES-1', roles: ['sales' as const] };
const close = (dealId: string): DealCommand => ({ type: 'CloseDeal', body: CloseDealBody.parse(closeDealBody(dealId)) });

beforeAll(async () => {
  table = await freshEventsTable();
  store = new DynamoEventStore(table.client, table.tableName);
});

describe('the command service, over every kind of stream', () => {
  const run = () => createCommandService(dealDecider, { store, tenantId: 'default', now: () => new Date('2026-10-02T15:00:01Z'), newEventId: randomUUID });

  it('given a command on a deal\'s stream, when it is recorded, then its event carries the deal kind\'s current schema version', async () => {
    await run()({ streamId: streamKinds.deal.streamId('K-1'), command: close('K-1'), actor, fingerprint: 'close K-1' });

    const [stored] = (await store.readStream('deal#K-1')).events;
    expect(stored?.event.schemaVersion).toBe(streamKinds.deal.schemaVersion);
  });

  it('given a stream id that names no kind of stream, when a command is run on it, then it is refused and nothing is stored', async () => {
    const before = await countItems(table);

    const attempt = run()({ streamId: 'invoice#K-2', command: close('K-2'), actor, fingerprint: 'close K-2' });

    await expect(attempt).rejects.toThrow('stream id invoice#K-2 names no kind of stream');
    expect(await countItems(table)).toBe(before);
  });
});
