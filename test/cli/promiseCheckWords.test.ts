import { describe, expect, it } from 'vitest';
import { PromiseCheckAnswer } from '../../domain/promises/promiseCheckAnswer.ts';
import { dayLabel } from '../../functions/cli/dayLabel.ts';
import { promiseCheckLines } from '../../functions/cli/promiseCheckWords.ts';

/** API.md's example answer: a rushed deal that does not fit, puts D-2 at risk and needs operations. */
const rushed = (overrides: Partial<PromiseCheckAnswer> = {}): PromiseCheckAnswer =>
  PromiseCheckAnswer.parse({
    at: '2027-03-01T09:00:00Z',
    fits: false,
    beyondCapacity: true,
    atRisk: ['D-2'],
    earliestDeliverBy: '2027-03-29T00:00:00Z',
    loadPercent: 125,
    unplanned: { skus: [], opsTeams: [] },
    teams: [
      { opsTeam: 'T-OPS', minutes: 1200, fits: false, finishWeek: '2027-W12', earliestDeliverBy: '2027-03-29T00:00:00Z', loadPercent: 125, atRisk: ['D-2'] },
    ],
    verdict: { level: 1, rules: ['beyond-capacity'], rulesVersion: 1 },
    ...overrides,
  });
const proposal = { dealId: 'D-9', deliverBy: '2027-03-12T17:00:00Z' };

describe("a promise check in a salesperson's words", () => {
  it('given the rushed deal of API.md, when put in words, then one line says the earliest honest date, the deal at risk and who must say yes', () => {
    const lines = promiseCheckLines(rushed(), proposal, 'UTC');
    expect(lines[0]).toBe('D-9 by Fri 12 Mar: operations cannot make it by then.');
    expect(lines[1]).toBe("earliest honest date: Mon 29 Mar; would put D-2 at risk; needs operations' input (rule beyond-capacity)");
    expect(lines).toContain('  judged by the rules of engagement v1');
    expect(lines).toContain('  operations would be loaded to 125% of their hours up to that week');
    expect(lines).toContain('  T-OPS: 20 h of work, would finish in 2027-W12, does not fit, earliest Mon 29 Mar');
  });

  it('given a deal that fits within the rules, when put in words, then it says operations can make it and it is the seller to commit', () => {
    const lines = promiseCheckLines(
      rushed({ fits: true, beyondCapacity: false, atRisk: [], earliestDeliverBy: '2027-03-08T00:00:00Z', loadPercent: 40, verdict: { level: 0, rules: [], rulesVersion: 3 } }),
      proposal,
      'UTC',
    );
    expect(lines[0]).toBe('D-9 by Fri 12 Mar: operations can make it.');
    expect(lines[1]).toBe('earliest honest date: Mon 8 Mar; puts no other promise at risk; yours to commit: within the rules');
  });

  it.each([
    [2, ['big-deal'], "needs the senior leads' sign-off (rule big-deal)"],
    [3, ['huge', 'rushed'], "needs the owner's sign-off (rules huge, rushed)"],
    ['off-the-table', ['overload'], 'off the table: nobody can approve it (rule overload)'],
  ] as const)('given a verdict at level %s, when put in words, then it names who decides and the rules that fired', (level, rules, words) => {
    const lines = promiseCheckLines(rushed({ verdict: { level, rules: [...rules], rulesVersion: 2 } }), proposal, 'UTC');
    expect(lines[1]!.endsWith(`; ${words}`)).toBe(true);
  });

  it('given no rules published, two deals at risk and no date within the horizon, when put in words, then it says so plainly', () => {
    const lines = promiseCheckLines(
      rushed({ atRisk: ['D-2', 'D-3', 'D-4'], earliestDeliverBy: null, verdict: { level: 0, rules: [], rulesVersion: null } }),
      proposal,
      'UTC',
    );
    expect(lines[1]).toBe('no honest date within two years; would put D-2, D-3 and D-4 at risk; yours to commit: no rules of engagement are published');
    expect(lines.some((line) => line.includes('rules of engagement v'))).toBe(false);
  });

  it('given work outside the catalogue and a team without hours, when put in words, then both are named as unplanned', () => {
    const lines = promiseCheckLines(rushed({ unplanned: { skus: ['CUSTOM-ARCH'], opsTeams: ['T-CRANE'] } }), proposal, 'UTC');
    expect(lines).toContain('  not in the catalogue, so not planned: CUSTOM-ARCH (ask operations what it takes)');
    expect(lines).toContain('  no hours published, so not planned: T-CRANE');
  });
});

describe('a day as a salesperson says it', () => {
  it('given the instant a week ends in Chicago (Monday 00:00 local, 05:00Z), when labelled in Chicago, then it is that Monday', () => {
    expect(dayLabel('2027-03-29T05:00:00Z', 'America/Chicago')).toBe('Mon 29 Mar');
  });

  it('given the instant a week ends in Tokyo (Sunday 15:00Z), when labelled in Tokyo rather than UTC, then it is the Monday, not the Sunday', () => {
    expect(dayLabel('2027-03-28T15:00:00Z', 'Asia/Tokyo')).toBe('Mon 29 Mar');
    expect(dayLabel('2027-03-28T15:00:00Z', 'UTC')).toBe('Sun 28 Mar');
  });
});
