import { toEpochMs, type Instant } from '../instant.ts';
import type { Month } from '../calendar.ts';
import type { IncentiveEvent, IncentiveEventOf, IssuedReports } from './events.ts';
import { IncentiveRuleViolation } from './incentiveRuleViolation.ts';
import type { MonthPayout } from './statements.ts';

export interface MonthClosing {
  closed: IncentiveEventOf<'MonthClosed'>['data'] | null;
  reports: IssuedReports | null;
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

export const closingOf = (state: MonthClosings, month: Month): MonthClosing => state.months[month] ?? { closed: null, reports: null };

/**
 * A month's close freezes its statements: closing again changes nothing and answers with the first
 * close. The payout a close carries was computed from the closes before it, so the command is sent
 * with the version of the closes it read: a close that raced another is recomputed, never appended.
 */
export const monthClosingDecider = {
  initialState: (): MonthClosings => ({ months: {} }),
  evolve: (state: MonthClosings, event: IncentiveEvent): MonthClosings => {
    if (event.type === 'MonthClosed') {
      return { months: { ...state.months, [event.data.month]: { ...closingOf(state, event.data.month), closed: event.data } } };
    }
    if (event.type === 'IncentiveReportPublished') {
      return { months: { ...state.months, [event.data.month]: { ...closingOf(state, event.data.month), reports: event.data.reports } } };
    }
    return state;
  },
  decide: (command: MonthClosingCommand, state: MonthClosings): IncentiveEvent[] => {
    const closing = closingOf(state, command.month);
    switch (command.type) {
      case 'CloseMonth': {
        if (closing.closed) return [];
        requireMonthEnded(command.month, command.at, command.monthEndsAt);
        if (command.payout.month !== command.month) throw new Error(`a payout for ${command.payout.month} cannot close ${command.month}`);
        return [{ type: 'MonthClosed', occurredAt: command.at, data: { month: command.month, closedAt: command.at, payout: command.payout } }];
      }
      case 'RecordReports': {
        if (!closing.closed) throw new IncentiveRuleViolation('month-not-closed', `${command.month} is not closed, so it has no reports`);
        if (closing.reports) return [];
        return [{ type: 'IncentiveReportPublished', occurredAt: command.at, data: { month: command.month, reports: command.reports } }];
      }
    }
  },
  startsStream: () => false,
};
