import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMonthCloseScheduleHandler } from '../../functions/handlers/monthCloseSchedule.ts';
import { wireIncentiveService } from '../../functions/incentives/incentiveWiring.ts';
import { FolderReportStore } from '../../functions/reports/reportStore.ts';
import { freshEventsTable, freshProjectionsTable } from '../support/dynamo.ts';

/** The scheduled close, on DynamoDB Local: which month it closes is decided in the business time zone. */
let reportsDir: string;
beforeEach(async () => {
  reportsDir = await mkdtemp(join(tmpdir(), 'handshake-schedule-'));
});
afterEach(() => rm(reportsDir, { recursive: true, force: true }));

const scheduleAt = async (instant: string, timeZone: string) => {
  const { client, tableName } = await freshEventsTable();
  const projections = await freshProjectionsTable(client);
  const now = () => new Date(instant);
  const incentives = wireIncentiveService({
    client,
    eventsTable: tableName,
    projectionsTable: projections.tableName,
    tenantId: 'default',
    timeZone,
    reports: new FolderReportStore(reportsDir),
    now,
  });
  return { run: createMonthCloseScheduleHandler({ incentives, timeZone, now }), incentives };
};

describe('the monthly close schedule', () => {
  it('given it fires at 03:00 UTC on 1 November, when the business is in New York (still 31 October there), then it closes September', async () => {
    const { run, incentives } = await scheduleAt('2026-11-01T03:00:00Z', 'America/New_York');
    const result = await run({});
    expect(result).toMatchObject({ month: '2026-09', created: true });
    const closing = await incentives.closing('2026-09');
    expect(closing.closed?.closedAt).toBe('2026-11-01T03:00:00.000Z');
    expect((await incentives.closing('2026-10')).closed).toBeNull();
  });

  it('given it fires just after midnight on 1 November in Berlin, when it runs twice (a retry), then October is closed once and its reports are written', async () => {
    const { run, incentives } = await scheduleAt('2026-10-31T23:05:00Z', 'Europe/Berlin');
    expect(await run({})).toMatchObject({ month: '2026-10', created: true });
    expect(await run({})).toMatchObject({ month: '2026-10', created: false });
    const closing = await incentives.closing('2026-10');
    expect(closing.reports).not.toBeNull();
    expect((await readdir(join(reportsDir, '2026-10'))).sort()).toEqual(['handshake-2026-10.html', 'handshake-2026-10.json', 'payroll-2026-10.csv']);
    expect(closing.closed?.payout.month).toBe('2026-10');
  });

  it('given the October run redriven from the dead-letter queue on 2 December, when it runs, then it still closes October, not November', async () => {
    const { run, incentives } = await scheduleAt('2026-12-02T10:00:00Z', 'UTC');
    expect(await run({ scheduledTime: '2026-11-01T00:05:00Z' })).toMatchObject({ month: '2026-10', created: true });
    expect((await incentives.closing('2026-11')).closed).toBeNull();
  });

  it('given an explicit month that has not ended, when the schedule is invoked with it, then it refuses', async () => {
    const { run } = await scheduleAt('2026-11-15T12:00:00Z', 'UTC');
    await expect(run({ month: '2026-11' })).rejects.toThrow(/2026-11 has not ended/);
  });
});
