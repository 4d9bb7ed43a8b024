import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DealEventOf } from '../../domain/deal/events.ts';
import type { RecordedEvent } from '../../domain/envelope.ts';
import type { DomainEvent } from '../../domain/events.ts';
import { streamKinds, type StreamKindName } from '../../domain/streams.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { WeekFactsRepository } from '../../functions/projections/weekFactsRepository.ts';
import { cancelled, delivered, handedOff, npsRecorded } from '../domain/dealSpec.ts';
import { closedUnder } from '../domain/scorecardEngagementSpec.ts';
import { freshEventsTable, freshProjectionsTable, testDynamoClient } from '../support/dynamo.ts';
import { generationItems, projectorFor, rebuildInto, storedEventItems, streamEventOf, streamRecordOf } from '../support/projection.ts';

/**
 * The weekly brief's facts as the projector files them, recorded straight into an events table (UTC)
 * and projected by the real handler. 2027-W10 is Mon 8 .. Sun 14 March 2027.
 *
 *   W1  closed 03-08 (W10), handed off 03-08, returned 03-09 (scope), handed off again, delivered 03-12 (W10)
 *   W2  closed 03-01 (W09), delivered 03-10 (W10), refunded 03-11: its delivery leaves the week
 *   W3  closed 03-09 (W10) by P-OTHER; NPS 3 on 03-10, then the same answer again with a comment on 03-11
 *   nps#delighted:r-lost  an answer naming no deal we know, 03-13 (W10)
 *
 * By hand, W10: close|W1, close|W3, delivery|W1, handoff-return|W1|1, nps|delighted:r-3 (with its
 * comment), nps|delighted:r-lost; W09: close|W2. Sellers: W1 and W2 by P-SALES-1, W3 by P-OTHER.
 */

const client = testDynamoClient();
let eventsTable: string;

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

const closed = (dealId: string, day: string, seller = 'P-SALES-1') => {
  const event = closedUnder('within-rules', { dealId, closedAt: `2027-03-${day}T09:00:00Z`, deliverBy: '2027-03-20T17:00:00Z' });
  return { ...event, data: { ...event.data, seller: { id: seller } } };
};

const returned: DealEventOf<'HandoffReturned'> = {
  type: 'HandoffReturned',
  occurredAt: '2027-03-09T10:00:00Z',
  data: { gaps: ['scopeDocumented'], note: 'Which lot?' },
};

const withComment = (event: DealEventOf<'NpsResponseRecorded'>, comment: string, updatedAt: string): DealEventOf<'NpsResponseRecorded'> => ({
  ...event,
  occurredAt: updatedAt,
  data: { ...event.data, dealId: 'W3', comment, updatedAt },
});

const recordHistory = async () => {
  await record('deal', 'W1', [closed('W1', '08'), handedOff('2027-03-08T12:00:00Z'), returned, handedOff('2027-03-10T09:00:00Z'), delivered('2027-03-12T16:00:00Z')]);
  await record('deal', 'W2', [closed('W2', '01'), handedOff('2027-03-02T09:00:00Z'), delivered('2027-03-10T16:00:00Z'), cancelled('2027-03-11T10:00:00Z', 'Refunded')]);
  const first = { ...npsRecorded('2027-03-10T09:00:00Z', 3, 'r-3'), data: { ...npsRecorded('2027-03-10T09:00:00Z', 3, 'r-3').data, dealId: 'W3' } };
  await record('deal', 'W3', [closed('W3', '09', 'P-OTHER'), first, withComment(first, 'Nobody came on the day', '2027-03-11T09:00:00Z')]);
  await record('nps', 'delighted:r-lost', [{ ...npsRecorded('2027-03-13T09:00:00Z', 9, 'r-lost'), data: { ...npsRecorded('2027-03-13T09:00:00Z', 9, 'r-lost').data, dealId: null } }]);
};

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

/** The brief's own items of a generation: the week facts and the sellers. */
const briefItems = async (tableName: string, generation = 1) =>
  [...(await generationItems(client, tableName, generation))]
    .filter(([key]) => key.startsWith('week-facts#') || key.startsWith('sellers|'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

let stored: Record<string, AttributeValue>[];
let inOrder: string;

beforeAll(async () => {
  eventsTable = (await freshEventsTable(client)).tableName;
  await recordHistory();
  stored = await storedEventItems(client, eventsTable);
  inOrder = await projectInto(stored, 1);
});

describe('the week facts', () => {
  it('given the history, when 2027-W10 is read, then its closes, delivery, return and NPS answers are filed under it, the refunded delivery is not, and an answer shows its latest comment', async () => {
    const facts = await new WeekFactsRepository(client, inOrder, async () => 1).factsOf('2027-W10');

    expect(facts.map((fact) => [fact.type, fact.dealId]).sort()).toEqual([
      ['close', 'W1'],
      ['close', 'W3'],
      ['delivery', 'W1'],
      ['handoff-return', 'W1'],
      ['nps', 'W3'],
      ['nps', null],
    ].sort());
    expect(facts.find((fact) => fact.type === 'nps' && fact.dealId === 'W3')).toMatchObject({ score: 3, comment: 'Nobody came on the day', customer: { name: 'Acme Paving' } });
    expect(facts.find((fact) => fact.type === 'handoff-return')).toMatchObject({ gaps: ['scopeDocumented'], note: 'Which lot?', opsTeam: 'T-OPS' });
    expect(facts.find((fact) => fact.type === 'delivery')).toMatchObject({ kept: true, deliveredAt: '2027-03-12T16:00:00Z' });
  });

  it('given the history, when the week before is read, then only the refunded deal\u2019s close is there', async () => {
    const facts = await new WeekFactsRepository(client, inOrder, async () => 1).factsOf('2027-W09');

    expect(facts.map((fact) => [fact.type, fact.dealId])).toEqual([['close', 'W2']]);
  });

  it('given three deals by two sellers, when the sellers are read, then each deal names its seller, sales team and when it closed', async () => {
    const sellers = await new WeekFactsRepository(client, inOrder, async () => 1).sellers();

    expect(sellers).toEqual([
      { sellerId: 'P-SALES-1', salesTeam: 'T-SALES', closedAt: '2027-03-08T09:00:00Z' },
      { sellerId: 'P-SALES-1', salesTeam: 'T-SALES', closedAt: '2027-03-01T09:00:00Z' },
      { sellerId: 'P-OTHER', salesTeam: 'T-SALES', closedAt: '2027-03-09T09:00:00Z' },
    ]);
  });
});

describe('however the stream delivers it', () => {
  it.each([
    ['every record twice, newest first', () => [...stored, ...stored].reverse(), 4],
    ['in order, then all again', () => [...stored, ...stored], 5],
  ])('given the history delivered %s, when projected, then the week facts and sellers equal the in-order pass', async (_, order, batchSize) => {
    const expected = await briefItems(inOrder);
    expect(expected.length).toBe(10);

    const replayed = await briefItems(await projectInto(order(), batchSize));

    expect(replayed).toEqual(expected);
  });

  it('given the live projections, when rebuilt from the events table, then the rebuilt week facts and sellers equal the live ones', async () => {
    const projected = await projectInto(stored, 3);

    const result = await rebuildInto({ client, eventsTable, projectionsTable: projected });

    expect(result.generation).toBe(2);
    const live = await briefItems(projected, 1);
    expect(live.length).toBe(10);
    expect(await briefItems(projected, 2)).toEqual(live);
  });
});
