import { toEpochMs, type Instant } from '../instant.ts';
import type { Month } from '../calendar.ts';
import type { Decider } from '../decider.ts';
import type { IssuedReports, MonthClosingEvent } from './events.ts';
import { IncentiveRuleViolation } from './incentiveRuleViolation.ts';
import type { MonthPayout, Statement } from './statements.ts';

/** A closed month's frozen payout, with its statements reassembled from their parts. */
export interface ClosedPayout {
  month: Month;
  closedAt: Instant;
  payout: MonthPayout;
}

export interface MonthClosing {
  closed: ClosedPayout | null;
  reports: IssuedReports | null;
  /** Parts of the statements announced by the close and not read yet (0 once complete). */
  missingParts: number;
}

/** Every month closed so far. One stream holds them all, so two closes can never both pay one correction. */
export interface MonthClosings {
  months: Record<Month, MonthClosing>;
}

export type MonthClosingCommand =
  /** `monthEndsAt` is the first instant after the month in the business time zone. */
  | { type: 'CloseMonth'; month: Month; at: Instant; monthEndsAt: Instant; payout: MonthPayout }
  | { type: 'RecordReports'; month: Month; at: Instant; reports: IssuedReports };

/** A month still running cannot be closed: deliveries may still land in it. */
export const requireMonthEnded = (month: Month, at: Instant, monthEndsAt: Instant): void => {
  if (toEpochMs(at) < toEpochMs(monthEndsAt)) {
    throw new IncentiveRuleViolation('month-not-ended', `${month} has not ended: it ends at ${monthEndsAt}`);
  }
};

export const closingOf = (state: MonthClosings, month: Month): MonthClosing =>
  state.months[month] ?? { closed: null, reports: null, missingParts: 0 };

/**
 * A close's statements are recorded in parts of about this many characters of JSON (a part passes it
 * by one statement at most), so that a month of any size is recorded in events of a bounded size.
 */
export const STATEMENT_PART_CHARS = 150_000;

const statementParts = (statements: readonly Statement[]): Statement[][] => {
  const parts: Statement[][] = [];
  let size = STATEMENT_PART_CHARS;
  for (const statement of statements) {
    const length = JSON.stringify(statement).length;
    if (size + length > STATEMENT_PART_CHARS) {
      parts.push([]);
      size = 0;
    }
    parts.at(-1)!.push(statement);
    size += length;
  }
  return parts;
};

/**
 * A month's close freezes its statements: closing again changes nothing and answers with the first
 * close. The payout a close carries was computed from the closes before it, so the command is sent
 * with the version of the closes it read: a close that raced another is recomputed, never appended.
 */
export const monthClosingDecider = {
  initialState: (): MonthClosings => ({ months: {} }),
  evolve: (state: MonthClosings, event: MonthClosingEvent): MonthClosings => {
    if (event.type === 'MonthClosed') {
      const { month, closedAt, payout, statementParts: parts } = event.data;
      return { months: { ...state.months, [month]: { ...closingOf(state, month), closed: { month, closedAt, payout }, missingParts: parts } } };
    }
    if (event.type === 'StatementsIssued') {
      const closing = closingOf(state, event.data.month);
      if (!closing.closed) throw new Error(`statements of ${event.data.month} recorded before its close`);
      const payout = { ...closing.closed.payout, statements: [...closing.closed.payout.statements, ...event.data.statements] };
      return {
        months: { ...state.months, [event.data.month]: { ...closing, closed: { ...closing.closed, payout }, missingParts: closing.missingParts - 1 } },
      };
    }
    if (event.type === 'IncentiveReportPublished') {
      return { months: { ...state.months, [event.data.month]: { ...closingOf(state, event.data.month), reports: event.data.reports } } };
    }
    return state;
  },
  decide: (command: MonthClosingCommand, state: MonthClosings): MonthClosingEvent[] => {
    const closing = closingOf(state, command.month);
    switch (command.type) {
      case 'CloseMonth': {
        if (closing.closed) return [];
        requireMonthEnded(command.month, command.at, command.monthEndsAt);
        if (command.payout.month !== command.month) throw new Error(`a payout for ${command.payout.month} cannot close ${command.month}`);
        const { month, at, payout } = command;
        const parts = statementParts(payout.statements);
        return [
          { type: 'MonthClosed', occurredAt: at, data: { month, closedAt: at, payout: { ...payout, statements: [] }, statementParts: parts.length } },
          ...parts.map((statements, index): MonthClosingEvent => ({ type: 'StatementsIssued', occurredAt: at, data: { month, part: index + 1, statements } })),
        ];
      }
      case 'RecordReports': {
        if (!closing.closed) throw new IncentiveRuleViolation('month-not-closed', `${command.month} is not closed, so it has no reports`);
        if (closing.reports) return [];
        return [{ type: 'IncentiveReportPublished', occurredAt: command.at, data: { month: command.month, reports: command.reports } }];
      }
    }
  },
  startsStream: () => false,
} satisfies Decider<MonthClosings, MonthClosingCommand, MonthClosingEvent>;
