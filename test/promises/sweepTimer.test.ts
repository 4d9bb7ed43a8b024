import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { inject, describe, expect, it } from 'vitest';
import { CloseDealBody } from '../../domain/deal/commands.ts';
import { escalationDecider } from '../../domain/promises/escalationDecider.ts';
import type { PromiseCheckAnswer } from '../../domain/promises/promiseCheckAnswer.ts';
import { streamKinds } from '../../domain/streams.ts';
import { createCommandService } from '../../functions/commands/commandService.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { startLocalStack } from '../../functions/local/localStack.ts';
import { freshEventsTable, freshProjectionsTable } from '../support/dynamo.ts';
import { closeDealBody } from '../support/sampleDeals.ts';

/** The local runtime's sweep timer: what the AWS schedule does every 15 minutes, locally on an interval. */
const T0 = '2027-03-01T09:00:00.000Z';
const check: PromiseCheckAnswer = {
  at: T0,
  fits: false,
  beyondCapacity: true,
  atRisk: [],
  earliestDeliverBy: '2027-03-29T00:00:00.000Z',
  loadPercent: 125,
  unplanned: { skus: [], opsTeams: [] },
  teams: [],
  verdict: { level: 1, rules: ['beyond-capacity'], rulesVersion: 1 },
};

const stackWithOpenEscalation = async (sweepIntervalMs?: number) => {
  const { client, tableName } = await freshEventsTable();
  const projections = await freshProjectionsTable(client);
  const store = new DynamoEventStore(client, tableName);
  const streamId = streamKinds.escalation.streamId('E-1');
  await createCommandService(escalationDecider, { store, tenantId: 'default', now: () => new Date(T0), newEventId: randomUUID })({
    streamId,
    command: {
      type: 'OpenEscalation',
      body: { escalationId: 'E-1', at: T0, proposal: CloseDealBody.parse(closeDealBody('D-1', { closedAt: T0, promise: { deliverBy: '2027-03-12T17:00:00Z' } })) },
      check,
      slaHours: { 1: 24, 2: 48, 3: 72 },
    },
    actor: { id: 'P-SALES-1', roles: ['sales'] },
    fingerprint: 'open',
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'handshake-sweep-'));
  const stack = await startLocalStack({
    client,
    endpoint: inject('dynamoDbEndpoint'),
    eventsTable: tableName,
    projectionsTable: projections.tableName,
    timeZone: 'UTC',
    port: 0,
    dataDir,
    pollIntervalMs: 50,
    // Two days after opening: past the level 1 SLA, within level 2's.
    now: () => new Date('2027-03-03T09:00:00Z'),
    ...(sweepIntervalMs === undefined ? {} : { sweepIntervalMs }),
  });
  return {
    types: async () => (await store.readStream(streamId)).events.map((stored) => stored.event.type),
    close: async () => {
      await stack.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

describe('the local sweep timer', () => {
  it('given an overdue escalation and a stack sweeping every 50 ms, when a few intervals pass, then its rise is recorded once', async () => {
    const stack = await stackWithOpenEscalation(50);
    try {
      await expect.poll(stack.types, { timeout: 5_000, interval: 50 }).toEqual(['EscalationOpened', 'EscalationRaised']);
      await wait(200);
      expect(await stack.types()).toEqual(['EscalationOpened', 'EscalationRaised']);
    } finally {
      await stack.close();
    }
  });

  it('given an overdue escalation and a stack told no interval (as in tests), when time passes, then nothing is swept', async () => {
    const stack = await stackWithOpenEscalation();
    try {
      await wait(300);
      expect(await stack.types()).toEqual(['EscalationOpened']);
    } finally {
      await stack.close();
    }
  });
});
