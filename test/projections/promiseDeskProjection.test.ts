import { randomUUID } from 'node:crypto';
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../domain/envelope.ts';
import type { DomainEvent } from '../../domain/events.ts';
import { readScorecard } from '../../domain/scorecard/scorecard.ts';
import { streamKinds, type StreamKindName } from '../../domain/streams.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { EscalationsRepository } from '../../functions/projections/escalationsRepository.ts';
import { OpenCommitmentsRepository } from '../../functions/projections/openCommitmentsRepository.ts';
import { ScorecardRepository } from '../../functions/projections/scorecardRepository.ts';
import { closedUnder, escalationDecided, escalationOpened, escalationRaised } from '../domain/scorecardEngagementSpec.ts';
import { cancelled, delivered, promiseRevised, scopeChanged, SOLD_SCOPE } from '../domain/dealSpec.ts';
import { freshEventsTable, freshProjectionsTable, testDynamoClient } from '../support/dynamo.ts';
import { projectorFor, rebuildInto, storedEventItems, streamEventOf, streamRecordOf } from '../support/projection.ts';

/**
 * The promise desk's projections: the load's open deals, escalations listed by status and the
 * engagement counters, recorded straight into an events table (UTC) and projected by the real handler.
 *
 *   P1  within-rules   closed 10-01, due 10-20; ops revises to 10-27; open                      -> open, deliverBy 10-27, sold scope
 *   P2  approved       closed 10-02, due 10-20; delivered 10-19 (kept)                          -> not open
 *   P3  outside-rules  closed 10-03, due 10-20; customer scope 15 000; delivered 10-25 (late)    -> not open
 *   P4  before the desk (null) closed 10-04; cancelled 10-07                                    -> not open, no class
 *   P5  within-rules   closed 10-05, due 10-20; customer scope 15 000; open                     -> open, customer's scope
 *   E-1 level 1 opened 10-01 09:00, approved 10-01 12:00 at level 1                 (3 h)
 *   E-2 level 1 opened 10-02 09:00, raised 10-03 09:00 to 2, rejected 10-04 09:00 at level 2 (48 h)
 *   E-3 level 2 opened 10-20 09:00, open
 *   E-4 level 1 opened 10-21 09:00, raised by the sweep 10-22 09:00 to 2, open
 *
 * By hand, org and person:P-SELLER (every escalation's seller), October: closes within 2, approved 1,
 * outside 1; kept rate within null (nothing delivered), approved 1, outside 0; escalations opened 4,
 * approved 1, rejected 1, raised 2 (E-2, E-4), by the owner 0, median hours to decision (3 + 48) / 2 = 25.5.
 */

const client = testDynamoClient();
let eventsTable: string;

const CUSTOMER_SCOPE = [{ sku: 'SEALCOAT-SQFT', quantity: 15_000 }];

const record = async <K extends StreamKindName>(kind: K, id: string, events: DomainEvent[]) => {
  const streamId = `${kind}#${id}`;
  const recorded = events.map(
    (event, index) =>
      ({
        ...event,
        eventId: randomUUID(),
        schemaVersion: streamKinds[kind].schemaVersion,
        streamId,
        version: index + 1,
        recordedAt: event.occurredAt,
        actor: { id: 'P-ADMIN', roles: ['admin'] },
        tenantId: 'default',
      }) as RecordedEvent,
  );
  await new DynamoEventStore(client, eventsTable).append({ streamId, expectedVersion: 0, events: recorded });
};

const closedOn = (engagementClass: Parameters<typeof closedUnder>[0], dealId: string, day: string) =>
  closedUnder(engagementClass, { dealId, closedAt: `2026-10-${day}T15:00:00Z`, deliverBy: '2026-10-20T17:00:00Z' });

const recordHistory = async () => {
  await record('deal', 'P1', [closedOn('within-rules', 'P1', '01'), promiseRevised('2026-10-06T10:00:00Z', '2026-10-27T17:00:00Z', 'ops')]);
  await record('deal', 'P2', [closedOn('approved', 'P2', '02'), delivered('2026-10-19T16:00:00Z')]);
  await record('deal', 'P3', [closedOn('outside-rules', 'P3', '03'), scopeChanged('2026-10-05T10:00:00Z', CUSTOMER_SCOPE, 'customer'), delivered('2026-10-25T16:00:00Z', CUSTOMER_SCOPE)]);
  await record('deal', 'P4', [closedOn(null, 'P4', '04'), cancelled('2026-10-07T10:00:00Z')]);
  await record('deal', 'P5', [closedOn('within-rules', 'P5', '05'), scopeChanged('2026-10-06T10:00:00Z', CUSTOMER_SCOPE, 'customer')]);
  await record('escalation', 'E-1', [escalationOpened('E-1', '2026-10-01T09:00:00Z'), escalationDecided('E-1', '2026-10-01T12:00:00Z', 'approved', 1)]);
  await record('escalation', 'E-2', [
    escalationOpened('E-2', '2026-10-02T09:00:00Z'),
    escalationRaised('E-2', '2026-10-03T09:00:00Z', 1, 2),
    escalationDecided('E-2', '2026-10-04T09:00:00Z', 'rejected', 2),
  ]);
  await record('escalation', 'E-3', [escalationOpened('E-3', '2026-10-20T09:00:00Z', 2)]);
  await record('escalation', 'E-4', [escalationOpened('E-4', '2026-10-21T09:00:00Z'), escalationRaised('E-4', '2026-10-22T09:00:00Z', 1, 2)]);
};

/** Feeds the records to the real handler in batches, into a fresh projections table. */
const projectInto = async (items: Record<string, AttributeValue>[], batchSize: number) => {
  const table = await freshProjectionsTable(client);
  const { handler } = projectorFor({ client, eventsTable, projectionsTable: table.tableName });
  const records = items.map(streamRecordOf);
  for (let start = 0; start < records.length; start += batchSize) {
    const { batchItemFailures } = await handler(streamEventOf(records.slice(start, start + batchSize)));
    expect(batchItemFailures).toEqual([]);
  }
  return table.tableName;
};

/** Every item of one generation of a table, keyed without the generation; counters at zero read as absent. */
const generationItems = async (tableName: string, generation = 1) => {
  const items: Record<string, Record<string, AttributeValue>> = {};
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      const partition = item.p!.S!;
      if (!partition.startsWith(`g${generation}#`)) continue;
      const rest = Object.fromEntries(Object.entries(item).filter(([name, value]) => name !== 'p' && value.N !== '0'));
      if (Object.keys(rest).length > 1) items[`${partition.slice(`g${generation}#`.length)}|${item.k!.S}`] = rest;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

let stored: Record<string, AttributeValue>[];
let inOrder: string;

beforeAll(async () => {
  eventsTable = (await freshEventsTable(client)).tableName;
  await recordHistory();
  stored = await storedEventItems(client, eventsTable);
  inOrder = await projectInto(stored, 1);
});

const generationOne = async () => 1;

describe('the load: open deals', () => {
  it('given five deals of which two are still owed, when the open deals are read, then exactly those two, with the date worked to and the scope in force', async () => {
    const openDeals = await new OpenCommitmentsRepository(client, inOrder, generationOne).openDeals();

    expect(openDeals).toEqual([
      { dealId: 'P1', closedAt: '2026-10-01T15:00:00Z', deliverBy: '2026-10-27T17:00:00Z', scope: SOLD_SCOPE },
      { dealId: 'P5', closedAt: '2026-10-05T15:00:00Z', deliverBy: '2026-10-20T17:00:00Z', scope: CUSTOMER_SCOPE },
    ]);
  });
});

describe('escalations by status', () => {
  it('given four escalations, two decided, when listed by status, then each is under its status only, as recorded', async () => {
    const repository = new EscalationsRepository(client, inOrder, generationOne);

    const open = await repository.byStatus('open');
    const approved = await repository.byStatus('approved');
    const rejected = await repository.byStatus('rejected');

    expect(open.map((escalation) => [escalation.escalationId, escalation.level, escalation.dueBy])).toEqual([
      ['E-3', 2, '2026-10-22T09:00:00.000Z'],
      ['E-4', 2, '2026-10-24T09:00:00.000Z'],
    ]);
    expect(approved.map((escalation) => [escalation.escalationId, escalation.decision?.at])).toEqual([['E-1', '2026-10-01T12:00:00Z']]);
    expect(rejected.map((escalation) => [escalation.escalationId, escalation.level, escalation.status])).toEqual([['E-2', 2, 'rejected']]);
  });

  it('given a decided escalation, when read by id, then it is found where its status lists it; an unknown id is null', async () => {
    const repository = new EscalationsRepository(client, inOrder, generationOne);

    await expect(repository.byId('E-2')).resolves.toMatchObject({ escalationId: 'E-2', status: 'rejected', dealId: 'D-E-2' });
    await expect(repository.byId('E-9')).resolves.toBeNull();
  });
});

describe('the engagement counters', () => {
  it.each(['org', 'person:P-SELLER'] as const)('given the history, when %s\u2019s October is read, then the engagement section worked out by hand', async (dimension) => {
    const stored = await new ScorecardRepository(client, inOrder, generationOne).month(dimension, '2026-10');
    const card = readScorecard({ month: '2026-10', dimension, counts: stored.months.get('2026-10')!, ledger: stored.ledger, currency: 'USD' });

    expect(card.engagement).toEqual({
      withinRules: dimension === 'org' ? 2 : 0,
      approved: dimension === 'org' ? 1 : 0,
      outsideRules: dimension === 'org' ? 1 : 0,
      promiseKeptRate: dimension === 'org' ? { withinRules: null, approved: 1, outsideRules: 0 } : { withinRules: null, approved: null, outsideRules: null },
      escalations: { opened: 4, approved: 1, rejected: 1, raised: 2, decidedByOwner: 0, medianHoursToDecision: 25.5 },
    });
  });
});

describe('however the stream delivers it', () => {
  it.each([
    ['every record twice, newest first', () => [...stored, ...stored].reverse(), 4],
    ['interleaved backwards in batches of three', () => stored.filter((_, index) => index % 2 === 1).concat(stored.filter((_, index) => index % 2 === 0)).reverse(), 3],
    ['in order, then all again', () => [...stored, ...stored], 7],
  ])('given the history delivered %s, when projected, then every item equals the in-order pass', async (_, order, batchSize) => {
    const expected = await generationItems(inOrder);
    expect(Object.keys(expected).some((key) => key.startsWith('open-deals|'))).toBe(true);

    const replayed = await generationItems(await projectInto(order(), batchSize));

    expect(replayed).toEqual(expected);
  });

  it('given the live projections, when rebuilt from the events table, then the rebuilt generation equals the live one item for item', async () => {
    const projected = await projectInto(stored, 5);

    const result = await rebuildInto({ client, eventsTable, projectionsTable: projected });

    expect(result.generation).toBe(2);
    const live = await generationItems(projected, 1);
    expect(Object.keys(live).filter((key) => key.startsWith('escalations#'))).toHaveLength(4);
    expect(await generationItems(projected, 2)).toEqual(live);
  });
});
