import type { MonthPayout } from '../../domain/incentives/statements.ts';
import { majorUnits } from '../reports/majorUnits.ts';

type Payout = MonthPayout & { status: string; closedAt?: string };

const money = (value: { amount: number; currency: string }) => `${majorUnits(value.amount, value.currency)} ${value.currency}`;
const percent = (rate: number | null) => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`);

/** A payout as an operator reads it in a terminal: the computation, then one row per statement. */
export const payoutSummary = (payout: Payout): string => {
  const c = payout.computation;
  const lines = [
    `${payout.month}: ${payout.status}${payout.closedAt ? ` (closed ${payout.closedAt})` : ' (live preview)'}` +
      `, plan ${payout.plan ? `${payout.plan.planId} v${payout.plan.version}` : 'none in force'}`,
    `  delivered ${c.delivered}, kept ${c.kept} (${percent(c.promiseKeptRate)}), gate ${c.gatePassed ? 'passed' : 'failed'}`,
    `  base pool ${money(c.basePool)}, NPS ${c.nps ?? 'n/a'} from ${c.npsResponses} responses, multiplier ${(c.multiplierBps / 100).toFixed(2)}%`,
    `  pool ${money(payout.pool)}: sales ${money(c.salesPool)}, ops ${money(c.opsPool)}`,
    '',
  ];
  const rows = payout.statements.map((s) => [s.personId, s.side, money(s.total), String(s.lines.length)]);
  const header = ['person', 'side', 'total', 'lines'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const format = (cells: string[]) => '  ' + cells.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  lines.push(format(header), format(widths.map((width) => '-'.repeat(width))), ...rows.map(format));
  if (rows.length === 0) lines.push('  (no statements)');
  return lines.join('\n');
};
