import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { describe, expect, inject, it } from 'vitest';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { createComposition, weeklyBriefScheduleHandler } from '../../functions/handlers/composition.ts';
import { configDefaults } from '../../functions/config.ts';
import { briefRunDue } from '../../functions/local/briefTimer.ts';
import { startLocalStack } from '../../functions/local/localStack.ts';
import { FolderReportStore } from '../../functions/reports/reportStore.ts';
import { freshEventsTable, freshProjectionsTable } from '../support/dynamo.ts';

/** Monday 06:00 in the business zone: the AWS schedule's cron, and the local runtime's timer. */

describe('when the brief run is due', () => {
  // The US moved its clocks on Sunday 14 March 2027: Monday 06:00 in Chicago is 11:00 UTC.
  it.each([
    ['Monday 05:59 in Chicago', '2027-03-15T10:59:00Z', null],
    ['Monday 06:00 in Chicago', '2027-03-15T11:00:00Z', '2027-03-15T11:00:00.000Z'],
    ['Wednesday of that week', '2027-03-17T09:00:00Z', '2027-03-15T11:00:00.000Z'],
    ['Sunday 23:59 in Chicago', '2027-03-22T04:59:00Z', '2027-03-15T11:00:00.000Z'],
  ])('given %s, when the timer looks, then the run due is %s', (_, now, due) => {
    expect(briefRunDue(Date.parse(now), 'America/Chicago')).toBe(due);
  });
});

const tables = async () => {
  const { client, tableName } = await freshEventsTable();
  const projections = await freshProjectionsTable(client);
  return { client, eventsTable: tableName, projectionsTable: projections.tableName };
};

describe('the scheduled run', () => {
  it('given the run due on Monday 15 March in Chicago redriven a week later, when it runs, then it publishes 2027-W10, the week before the one it was due in', async () => {
    const { client, eventsTable, projectionsTable } = await tables();
    const folder = await mkdtemp(join(tmpdir(), 'handshake-briefs-'));
    try {
      const composition = createComposition({
        config: { ...configDefaults, eventsTable, projectionsTable, timeZone: 'America/Chicago' },
        client,
        briefs: new FolderReportStore(folder),
        now: () => new Date('2027-03-22T12:00:00Z'),
      });

      const result = await weeklyBriefScheduleHandler(composition)({ scheduledTime: '2027-03-15T11:00:00Z' });

      expect(result).toMatchObject({ week: '2027-W10', created: true });
      const brief = JSON.parse(await readFile(join(folder, '2027-W10', 'brief-2027-W10.json'), 'utf8'));
      expect([brief.from, brief.to]).toEqual(['2027-03-08T00:00:00-06:00', '2027-03-15T00:00:00-05:00']);
      await expect(weeklyBriefScheduleHandler(composition)({ scheduledTime: '2027-03-15T11:00:00Z' })).resolves.toMatchObject({ week: '2027-W10', created: false });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('the local brief timer', () => {
  const stackAt = async (now: string, briefIntervalMs?: number) => {
    const { client, eventsTable, projectionsTable } = await tables();
    const dataDir = await mkdtemp(join(tmpdir(), 'handshake-brief-timer-'));
    const stack = await startLocalStack({
      client,
      endpoint: inject('dynamoDbEndpoint'),
      eventsTable,
      projectionsTable,
      timeZone: 'UTC',
      port: 0,
      dataDir,
      pollIntervalMs: 50,
      now: () => new Date(now),
      ...(briefIntervalMs === undefined ? {} : { briefIntervalMs }),
    });
    const store = new DynamoEventStore(client, eventsTable);
    return {
      dataDir,
      published: async (week: string) => (await store.readStream(`brief#${week}`)).events.map((stored) => stored.event.type),
      close: async () => {
        await stack.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  };

  it('given a stack looking every 50 ms on Monday 15 March at 07:00, when a few intervals pass, then last week\u2019s brief is published once, into briefs/', async () => {
    const stack = await stackAt('2027-03-15T07:00:00Z', 50);
    try {
      await expect.poll(() => stack.published('2027-W10'), { timeout: 10_000, interval: 100 }).toEqual(['WeeklyBriefPublished']);
      await wait(300);
      expect(await stack.published('2027-W10')).toEqual(['WeeklyBriefPublished']);
      await expect(readFile(join(stack.dataDir, 'briefs', '2027-W10', 'brief-2027-W10.html'), 'utf8')).resolves.toContain('Weekly brief, 2027-W10');
    } finally {
      await stack.close();
    }
  });

  it('given Monday at 05:00, before the run is due, when intervals pass, then nothing is published', async () => {
    const stack = await stackAt('2027-03-15T05:00:00Z', 50);
    try {
      await wait(400);
      expect(await stack.published('2027-W10')).toEqual([]);
      expect(await stack.published('2027-W09')).toEqual([]);
    } finally {
      await stack.close();
    }
  });
});
