import { stringify } from 'csv-stringify/sync';
import type { MonthPayout } from '../../domain/incentives/statements.ts';
import { majorUnits } from './majorUnits.ts';

const HEADER = ['person_id', 'side', 'month', 'amount', 'currency'] as const;

// Code-unit order, not localeCompare: the file must come out byte-identical on every machine.
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The month's payroll feed: one row per statement with what the person is paid (or owes) for the
 * month, in major units with exactly the currency's digits.
 *
 * RFC 4180: CRLF after every record (the last included), fields quoted only when they hold a comma,
 * a quote or a line break. Person ids are written exactly as issued, with no spreadsheet-formula
 * escaping, because payroll matches on them; the file is a feed, not a spreadsheet.
 */
export const payrollCsv = (payout: MonthPayout): string => {
  const rows = [...payout.statements]
    .sort((a, b) => byCodeUnits(a.personId, b.personId) || byCodeUnits(a.side, b.side))
    .map((statement) => [
      statement.personId,
      statement.side,
      payout.month,
      majorUnits(statement.total.amount, statement.total.currency),
      statement.total.currency,
    ]);
  return stringify([[...HEADER], ...rows], { record_delimiter: 'windows' });
};
