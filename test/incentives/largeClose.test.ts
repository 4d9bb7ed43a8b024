import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { monthClosingDecider } from '../../domain/incentives/monthClosing.ts';
import { streamKinds } from '../../domain/streams.ts';
import { createCommandService } from '../../functions/commands/commandService.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { IncentiveRecords } from '../../functions/incentives/incentiveRecords.ts';
import { largeMonthPayout } from '../domain/incentives/incentiveSpec.ts';
import { freshEventsTable } from '../support/dynamo.ts';

describe('a large month closed on DynamoDB Local', () => {
  it('given statements far larger than one item holds, when the month is closed, then they are stored in one transaction and read back whole', async () => {
    const { client, tableName } = await freshEventsTable();
    const store = new DynamoEventStore(client, tableName);
    const run = createCommandService(monthClosingDecider, { store, tenantId: 'default', now: () => new Date('2026-11-01T00:05:00Z'), newEventId: randomUUID });
    const payout = largeMonthPayout();

    const result = await run({
      streamId: streamKinds.closes.streamId(),
      command: { type: 'CloseMonth', month: '2026-10', at: '2026-11-01T00:05:00Z', monthEndsAt: '2026-11-01T00:00:00Z', payout },
      actor: { id: 'P-ADMIN', roles: ['admin'] },
      fingerprint: 'CloseMonth 2026-10',
      expectedVersion: 0,
    });

    expect(result.version).toBeGreaterThan(3);
    const { version, state } = await new IncentiveRecords(store).closings();
    expect(version).toBe(result.version);
    expect(state.months['2026-10']?.closed?.payout).toEqual(payout);
  });
});
