import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CloseDealBody } from '../../domain/deal/commands.ts';
import type { EscalationCommand } from '../../domain/promises/escalationCommands.ts';
import { escalationDecider } from '../../domain/promises/escalationDecider.ts';
import type { PromiseCheckAnswer } from '../../domain/promises/promiseCheckAnswer.ts';
import { streamKinds } from '../../domain/streams.ts';
import { createCommandService } from '../../functions/commands/commandService.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { createEscalationSweepHandler, SWEEP_ACTOR } from '../../functions/handlers/escalationSweep.ts';
import { openEscalationsFromEvents, openEscalationsFromProjection } from '../../functions/handlers/escalationSweepOpenIds.ts';
import { freshEventsTable } from '../support/dynamo.ts';
import { closeDealBody } from '../support/sampleDeals.ts';

/**
 * The scheduled sweep on DynamoDB Local: an escalation opened Monday 1 March 2027 09:00Z at level 1,
 * with SLAs of 24, 48 and 72 hours, is due Tuesday 09:00; unanswered, it rises to level 2 then.
 */
const T0 = '2027-03-01T09:00:00.000Z';
const hoursAfter = (hours: number): string => new Date(Date.parse(T0) + hours * 3_600_000).toISOString();

const check: PromiseCheckAnswer = {
  at: T0,
  fits: false,
  beyondCapacity: true,
  atRisk: ['D-2'],
  earliestDeliverBy: '2027-03-29T00:00:00.000Z',
  loadPercent: 125,
  unplanned: { skus: [], opsTeams: [] },
  teams: [],
  verdict: { level: 1, rules: ['beyond-capacity'], rulesVersion: 1 },
};

const deskOn = async () => {
  const { client, tableName } = await freshEventsTable();
  const store = new DynamoEventStore(client, tableName);
  const record = createCommandService(escalationDecider, { store, tenantId: 'default', now: () => new Date(T0), newEventId: randomUUID });
  const send = (escalationId: string, command: EscalationCommand) =>
    record({ streamId: streamKinds.escalation.streamId(escalationId), command, actor: { id: 'P-SALES-1', roles: ['sales'] }, fingerprint: randomUUID() });
  const open = (escalationId: string) =>
    send(escalationId, {
      type: 'OpenEscalation',
      body: { escalationId, at: T0, proposal: CloseDealBody.parse(closeDealBody(`D-${escalationId}`, { closedAt: T0, promise: { deliverBy: '2027-03-12T17:00:00Z' } })) },
      check,
      slaHours: { 1: 24, 2: 48, 3: 72 },
    });
  const sweep = createEscalationSweepHandler({
    store,
    tenantId: 'default',
    escalations: openEscalationsFromEvents(client, tableName),
    now: () => new Date(hoursAfter(30)),
  });
  const eventsOf = async (escalationId: string) => (await store.readStream(streamKinds.escalation.streamId(escalationId))).events.map((stored) => stored.event);
  return { open, send, sweep, eventsOf };
};

describe('the escalation sweep', () => {
  it('given an escalation opened at t0 with a 24 h SLA, when swept at t0+25h, then one EscalationRaised to level 2 is recorded at the due time; swept again, nothing new', async () => {
    const desk = await deskOn();
    await desk.open('E-1');

    const first = await desk.sweep({ scheduledTime: hoursAfter(25) });

    expect(first).toEqual({ at: hoursAfter(25), swept: 1, raised: ['E-1'] });
    const afterFirst = await desk.eventsOf('E-1');
    expect(afterFirst.map((event) => event.type)).toEqual(['EscalationOpened', 'EscalationRaised']);
    expect(afterFirst[1]).toMatchObject({
      occurredAt: hoursAfter(24),
      actor: SWEEP_ACTOR,
      data: { escalationId: 'E-1', fromLevel: 1, level: 2, dueBy: hoursAfter(24 + 48) },
    });

    expect(await desk.sweep({ scheduledTime: hoursAfter(25) })).toEqual({ at: hoursAfter(25), swept: 1, raised: [] });
    expect(await desk.sweep({ scheduledTime: hoursAfter(26) })).toEqual({ at: hoursAfter(26), swept: 1, raised: [] });
    expect(await desk.eventsOf('E-1')).toEqual(afterFirst);
  });

  it('given an escalation still within its SLA, when swept, then nothing is recorded', async () => {
    const desk = await deskOn();
    await desk.open('E-2');

    expect(await desk.sweep({ scheduledTime: hoursAfter(23) })).toEqual({ at: hoursAfter(23), swept: 1, raised: [] });
    expect((await desk.eventsOf('E-2')).map((event) => event.type)).toEqual(['EscalationOpened']);
  });

  it('given an escalation left for two SLAs, when swept once, then both rises are recorded, each at its own due time', async () => {
    const desk = await deskOn();
    await desk.open('E-3');

    await desk.sweep({ scheduledTime: hoursAfter(24 + 48 + 1) });

    const rises = (await desk.eventsOf('E-3')).filter((event) => event.type === 'EscalationRaised');
    expect(rises.map((event) => [event.occurredAt, event.data])).toEqual([
      [hoursAfter(24), { escalationId: 'E-3', fromLevel: 1, level: 2, dueBy: hoursAfter(72) }],
      [hoursAfter(72), { escalationId: 'E-3', fromLevel: 2, level: 3, dueBy: hoursAfter(144) }],
    ]);
  });

  it('given one decided and one open escalation, when swept past their SLA, then only the open one is swept', async () => {
    const desk = await deskOn();
    await desk.open('E-4');
    await desk.open('E-5');
    await desk.send('E-4', {
      type: 'DecideEscalation',
      body: { at: hoursAfter(2), decision: 'approved', note: 'ops can shift a crew' },
      by: { id: 'P-OPS-1', roles: ['ops'] },
    });

    expect(await desk.sweep({ scheduledTime: hoursAfter(25) })).toEqual({ at: hoursAfter(25), swept: 1, raised: ['E-5'] });
    expect((await desk.eventsOf('E-4')).map((event) => event.type)).toEqual(['EscalationOpened', 'EscalationDecided']);
  });

  it('given no scheduled time (invoked by hand), when swept, then it sweeps at the clock', async () => {
    const desk = await deskOn();
    await desk.open('E-6');

    expect(await desk.sweep()).toEqual({ at: hoursAfter(30), swept: 1, raised: ['E-6'] });
  });

  it('given a scheduled time that is not an instant, when swept, then it refuses before touching anything', async () => {
    const desk = await deskOn();
    await desk.open('E-7');

    await expect(desk.sweep({ scheduledTime: 'yesterday' })).rejects.toThrow();
    expect((await desk.eventsOf('E-7')).map((event) => event.type)).toEqual(['EscalationOpened']);
  });
});

describe('the open escalations from the escalation projection', () => {
  it('given the projection lists two open escalations, when the sweep asks, then it gets their ids', async () => {
    const asked: string[] = [];
    const open = openEscalationsFromProjection({
      byStatus: async (status) => {
        asked.push(status);
        return [{ escalationId: 'E-1' }, { escalationId: 'E-9' }];
      },
    });

    expect(await open.openEscalationIds()).toEqual(['E-1', 'E-9']);
    expect(asked).toEqual(['open']);
  });
});
