import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenDeal } from '../../domain/promises/openDeal.ts';
import type { Actor } from '../../domain/roles.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { CATALOGUE_STREAM_ID } from '../../functions/promises/catalogueStream.ts';
import { engagementAtClose } from '../../functions/promises/closeEngagement.ts';
import { createPromiseDeskCommands } from '../../functions/promises/promiseDeskCommands.ts';
import { capacityStreamId, PromiseDeskReader, RULES_STREAM_ID } from '../../functions/promises/promiseDeskReader.ts';
import { freshEventsTable } from '../support/dynamo.ts';
import { closeDealBody } from '../support/sampleDeals.ts';

/*
 * The desk reader on a real events table, with the open commitments handed in as the projection's
 * repository would give them. Depends on the open-commitments projection only through that interface:
 * once it is merged, the same cases hold with the real OpenCommitmentsRepository behind it.
 */

const admin: Actor = { id: 'P-ADMIN', roles: ['admin'] };
const AT = '2027-03-01T09:00:00Z';

let store: DynamoEventStore;
let commands: ReturnType<typeof createPromiseDeskCommands>;
const openDeals: OpenDeal[] = [];
let reads = 0;
const openCommitments = {
  openDeals: async () => {
    reads += 1;
    return openDeals;
  },
};

const request = <C>(streamId: string, command: C) => ({ streamId, command, actor: admin, fingerprint: randomUUID() });

beforeAll(async () => {
  const { client, tableName } = await freshEventsTable();
  store = new DynamoEventStore(client, tableName);
  commands = createPromiseDeskCommands({ store, tenantId: 'default', now: () => new Date(AT), newEventId: randomUUID });
  const entry = { sku: 'DIG-HOUR', description: 'An hour of digging', opsTeam: 'T-DIG', minutesPerUnit: 60 };
  await commands.catalogue(request(CATALOGUE_STREAM_ID, { type: 'PublishCatalogueEntry', entry, at: AT }));
  const capacity = { weeklyHours: 10, weeks: {}, reservePercent: 0 };
  await commands.capacity(request(capacityStreamId('T-DIG'), { type: 'PublishCapacity', opsTeam: 'T-DIG', capacity, at: AT }));
  // 10 hours of digging due the Friday of the first week: the whole first week is taken.
  openDeals.push({ dealId: 'D-HELD', closedAt: '2027-02-20T09:00:00Z', deliverBy: '2027-03-05T17:00:00Z', scope: [{ sku: 'DIG-HOUR', quantity: 10 }] });
});

describe('the desk a proposal is checked against', () => {
  it('given an open deal of a team, when the desk is read for a proposal with work for it, then the deal is priced as a commitment of that team', async () => {
    const reader = new PromiseDeskReader({ store, openCommitments, timeZone: 'UTC' });
    const desk = await reader.deskFor(closeDealBody('D-NEW', { closedAt: AT, scope: [{ sku: 'DIG-HOUR', quantity: 5 }] }));
    expect(desk.capacities.get('T-DIG')).toMatchObject({ weeklyHours: 10 });
    expect(desk.commitments.get('T-DIG')).toEqual([{ dealId: 'D-HELD', minutes: 600, deliverBy: '2027-03-05T17:00:00Z', closedAt: '2027-02-20T09:00:00Z' }]);
  });

  it('given rules that look only at lead time, when a deal is closed, then the open commitments are not read', async () => {
    const rules = {
      version: 1,
      agreedBy: { sales: 'P-S', ops: 'P-O' },
      slaHours: { 1: 24, 2: 48, 3: 72 },
      rules: [{ id: 'short-lead', when: { leadDaysBelow: 5 }, level: 1 as const }],
    };
    await commands.rules(request(RULES_STREAM_ID, { type: 'PublishRulesOfEngagement', rules, at: AT }));
    const reader = new PromiseDeskReader({ store, openCommitments, timeZone: 'UTC' });
    reads = 0;
    const body = closeDealBody('D-LEAD', { closedAt: AT, promise: { deliverBy: '2027-03-02T09:00:00Z' }, scope: [{ sku: 'DIG-HOUR', quantity: 5 }] });
    const engagement = await engagementAtClose({ reader, store, timeZone: 'UTC' }, body);
    expect(engagement).toEqual({ class: 'outside-rules', level: 1, rules: ['short-lead'], rulesVersion: 1 });
    expect(reads).toBe(0);
  });

  it('given a beyond-capacity rule and a week already taken, when a deal due that week is closed, then it is outside rules and the commitments were read', async () => {
    const rules = {
      version: 2,
      agreedBy: { sales: 'P-S', ops: 'P-O' },
      slaHours: { 1: 24, 2: 48, 3: 72 },
      rules: [{ id: 'beyond-capacity', when: { beyondCapacity: true }, level: 1 as const }],
    };
    await commands.rules(request(RULES_STREAM_ID, { type: 'PublishRulesOfEngagement', rules, at: AT }));
    const reader = new PromiseDeskReader({ store, openCommitments, timeZone: 'UTC' });
    reads = 0;
    const body = closeDealBody('D-SQUEEZE', { closedAt: AT, promise: { deliverBy: '2027-03-05T17:00:00Z' }, scope: [{ sku: 'DIG-HOUR', quantity: 2 }] });
    const engagement = await engagementAtClose({ reader, store, timeZone: 'UTC' }, body);
    expect(engagement).toEqual({ class: 'outside-rules', level: 1, rules: ['beyond-capacity'], rulesVersion: 2 });
    expect(reads).toBe(1);
  });
});

describe('what the reader remembers', () => {
  it('given rules read once, when another process publishes a version, then the reader sees it only after its cache time or its own write', async () => {
    let clock = 0;
    const reader = new PromiseDeskReader({ store, openCommitments, timeZone: 'UTC', cacheMs: 1_000, now: () => clock });
    const before = (await reader.rules())?.version ?? 0;
    const publish = (version: number) =>
      commands.rules(
        request(RULES_STREAM_ID, {
          type: 'PublishRulesOfEngagement',
          rules: { version, agreedBy: { sales: 'P-S', ops: 'P-O' }, slaHours: { 1: 24, 2: 48, 3: 72 }, rules: [] },
          at: AT,
        }),
      );
    await publish(before + 1);
    clock = 500;
    expect((await reader.rules())?.version).toBe(before);
    clock = 1_500;
    expect((await reader.rules())?.version).toBe(before + 1);
    await publish(before + 2);
    reader.published(RULES_STREAM_ID);
    expect((await reader.rules())?.version).toBe(before + 2);
  });

  it('given the open deals read for a check, when checked again within the cache time, then the projection is not read again; the capacity view (fresh) and a later check are', async () => {
    let clock = 0;
    const reader = new PromiseDeskReader({ store, openCommitments, timeZone: 'UTC', cacheMs: 1_000, now: () => clock });
    const catalogue = await reader.catalogue();
    reads = 0;

    await reader.commitmentsOf(['T-DIG'], catalogue);
    clock = 500;
    await reader.commitmentsOf(['T-DIG'], catalogue);
    expect(reads).toBe(1);

    await reader.commitmentsOf(['T-DIG'], catalogue, { fresh: true });
    expect(reads).toBe(2);
    clock = 2_000;
    await reader.commitmentsOf(['T-DIG'], catalogue);
    expect(reads).toBe(3);
  });
});
