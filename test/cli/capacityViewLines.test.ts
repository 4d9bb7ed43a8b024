import { describe, expect, it } from 'vitest';
import { LoadView } from '../../domain/promises/loadView.ts';
import { capacityViewLines, utilisationBar } from '../../functions/cli/capacityViewLines.ts';

const view = (overrides: Partial<LoadView> = {}): LoadView =>
  LoadView.parse({
    opsTeam: 'T-OPS',
    at: '2027-03-01T09:00:00Z',
    weeks: [
      { week: '2027-W09', capacityMinutes: 2160, scheduledMinutes: 2160, utilisationPercent: 100 },
      { week: '2027-W10', capacityMinutes: 2160, scheduledMinutes: 1080, utilisationPercent: 50 },
      { week: '2027-W11', capacityMinutes: 0, scheduledMinutes: 0, utilisationPercent: null },
    ],
    commitments: [
      { dealId: 'D-1', minutes: 2160, deliverBy: '2027-03-05T17:00:00Z', finishWeek: '2027-W09', atRisk: false },
      { dealId: 'D-2', minutes: 1080, deliverBy: '2027-03-05T17:00:00Z', finishWeek: '2027-W10', atRisk: true },
    ],
    ...overrides,
  });

describe('the capacity view in a terminal', () => {
  it('given three weeks, when printed, then each week is a row with capacity, scheduled hours and a bar of its utilisation', () => {
    const lines = capacityViewLines(view(), 'UTC');
    expect(lines[0]).toBe('T-OPS: load as scheduled at 2027-03-01T09:00:00Z');
    expect(lines[1]).toMatch(/^ {2}week\s+capacity\s+scheduled\s+utilisation$/);
    expect(lines[2]).toMatch(/^ {2}2027-W09\s+36 h\s+36 h\s+\[#{20}\] 100%$/);
    expect(lines[3]).toMatch(/^ {2}2027-W10\s+36 h\s+18 h\s+\[#{10}\.{10}\]  50%$/);
    expect(lines[4]).toMatch(/^ {2}2027-W11\s+0 h\s+0 h\s+\[ {20}\] no hours$/);
  });

  it('given one commitment at risk of two, when printed, then only it is listed, with its hours, due day and finish week', () => {
    const lines = capacityViewLines(view(), 'UTC');
    expect(lines.slice(-2)).toEqual(['At risk (1 of 2 open):', '  D-2: 18 h, due Fri 5 Mar, finishes in 2027-W10']);
  });

  it('given no commitment at risk, when printed, then it says so with the number open', () => {
    const lines = capacityViewLines(view({ commitments: [] }), 'UTC');
    expect(lines.at(-1)).toBe('No commitment at risk (0 open).');
  });

  it('given a commitment that does not finish within the horizon, when printed, then it says so', () => {
    const lines = capacityViewLines(
      view({ commitments: [{ dealId: 'D-7', minutes: 90, deliverBy: '2027-03-05T17:00:00Z', finishWeek: null, atRisk: true }] }),
      'UTC',
    );
    expect(lines.at(-1)).toBe('  D-7: 1.5 h, due Fri 5 Mar, does not finish within two years');
  });
});

describe('the utilisation bar', () => {
  it.each([
    [0, '[....................]   0%'],
    [55, '[###########.........]  55%'],
    [100, '[####################] 100%'],
    [180, '[####################] 180% over'],
  ])('given %s%%, when drawn, then it is %s', (percent, bar) => {
    expect(utilisationBar(percent)).toBe(bar);
  });
});
