import type { EngagementLevel } from '../../domain/promises/engagementLevel.ts';
import type { PromiseCheckAnswer } from '../../domain/promises/promiseCheckAnswer.ts';
import { dayLabel } from './dayLabel.ts';

/** Who must say yes at each level (PROMISES.md, "Rules of engagement"), as a salesperson would put it. */
const whoDecides: Record<Exclude<EngagementLevel, 'off-the-table'>, string> = {
  0: 'yours to commit: within the rules',
  1: "needs operations' input",
  2: "needs the senior leads' sign-off",
  3: "needs the owner's sign-off",
};

const list = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const verdictWords = ({ verdict }: PromiseCheckAnswer): string => {
  if (verdict.rulesVersion === null) return 'yours to commit: no rules of engagement are published';
  const fired = verdict.rules.length === 0 ? '' : ` (${verdict.rules.length === 1 ? 'rule' : 'rules'} ${verdict.rules.join(', ')})`;
  return verdict.level === 'off-the-table' ? `off the table: nobody can approve it${fired}` : `${whoDecides[verdict.level]}${fired}`;
};

const minutesAsHours = (minutes: number): string => `${Number((minutes / 60).toFixed(1))} h`;

/**
 * The answer of a promise check in a salesperson's words: first whether the date asked for holds,
 * then the one line that says what to do ("earliest honest date: Mon 29 Mar; would put D-2 at risk;
 * needs operations' input (rule beyond-capacity)"), then what it rests on, team by team.
 */
export const promiseCheckLines = (answer: PromiseCheckAnswer, proposal: { dealId: string; deliverBy: string }, timeZone: string): string[] => {
  const asked = dayLabel(proposal.deliverBy, timeZone);
  const earliest =
    answer.earliestDeliverBy === null ? 'no honest date within two years' : `earliest honest date: ${dayLabel(answer.earliestDeliverBy, timeZone)}`;
  const risk = answer.atRisk.length === 0 ? 'puts no other promise at risk' : `would put ${list(answer.atRisk)} at risk`;
  const lines = [
    answer.fits
      ? `${proposal.dealId} by ${asked}: operations can make it.`
      : `${proposal.dealId} by ${asked}: operations cannot make it by then.`,
    `${earliest}; ${risk}; ${verdictWords(answer)}`,
  ];
  if (answer.verdict.rulesVersion !== null) lines.push(`  judged by the rules of engagement v${answer.verdict.rulesVersion}`);
  if (answer.loadPercent !== null) lines.push(`  operations would be loaded to ${answer.loadPercent}% of their hours up to that week`);
  const { skus, opsTeams } = answer.unplanned;
  if (skus.length > 0) lines.push(`  not in the catalogue, so not planned: ${list(skus)} (ask operations what it takes)`);
  if (opsTeams.length > 0) lines.push(`  no hours published, so not planned: ${list(opsTeams)}`);
  for (const team of answer.teams) {
    const finish = team.finishWeek === null ? 'would not finish within two years' : `would finish in ${team.finishWeek}`;
    const teamEarliest = team.earliestDeliverBy === null ? 'no honest date' : `earliest ${dayLabel(team.earliestDeliverBy, timeZone)}`;
    lines.push(`  ${team.opsTeam}: ${minutesAsHours(team.minutes)} of work, ${finish}, ${team.fits ? 'fits' : 'does not fit'}, ${teamEarliest}`);
  }
  return lines;
};
