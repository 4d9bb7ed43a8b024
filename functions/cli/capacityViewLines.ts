import type { LoadView } from '../../domain/promises/loadView.ts';
import { dayLabel } from './dayLabel.ts';

const BAR_WIDTH = 20;

const hours = (minutes: number): string => `${Number((minutes / 60).toFixed(1))} h`;

/** Utilisation as a bar of BAR_WIDTH cells; past 100% the bar is full and says by how much it spills. */
export const utilisationBar = (percent: number | null): string => {
  if (percent === null) return `[${' '.repeat(BAR_WIDTH)}] no hours`;
  const filled = Math.min(BAR_WIDTH, Math.round((percent * BAR_WIDTH) / 100));
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}%${percent > 100 ? ' over' : ''}`;
};

/**
 * An ops team's load as a terminal shows it: one row per week (capacity, scheduled, utilisation as a
 * bar), then the commitments at risk, the ones a salesperson must not make worse.
 */
export const capacityViewLines = (view: LoadView, timeZone: string): string[] => {
  const rows = view.weeks.map((week) => [week.week, hours(week.capacityMinutes), hours(week.scheduledMinutes), utilisationBar(week.utilisationPercent)]);
  const header = ['week', 'capacity', 'scheduled', 'utilisation'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const format = (cells: string[]) =>
    ('  ' + cells.map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')).trimEnd();
  const lines = [`${view.opsTeam}: load as scheduled at ${view.at}`, format(header), ...rows.map(format)];
  const atRisk = view.commitments.filter((commitment) => commitment.atRisk);
  if (atRisk.length === 0) {
    lines.push(`No commitment at risk (${view.commitments.length} open).`);
    return lines;
  }
  lines.push(`At risk (${atRisk.length} of ${view.commitments.length} open):`);
  for (const commitment of atRisk) {
    const finish = commitment.finishWeek === null ? 'does not finish within two years' : `finishes in ${commitment.finishWeek}`;
    lines.push(`  ${commitment.dealId}: ${hours(commitment.minutes)}, due ${dayLabel(commitment.deliverBy, timeZone)}, ${finish}`);
  }
  return lines;
};
