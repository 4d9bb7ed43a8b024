import { toEpochMs, type Instant } from '../instant.ts';
import type { Month } from '../calendar.ts';
import type { IncentiveEvent, IncentiveEventOf, IssuedReports } from './events.ts';
import { IncentiveRuleViolation } from './incentiveRuleViolation.ts';
import type { MonthPayout } from './statements.ts';

export interface MonthClosing {
  closed: IncentiveEventOf<'MonthClosed'>['data'] | null;
  reports: IssuedReports | null;
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

/**
 * A month's close freezes its statements: closing again changes nothing and answers with the first
 * close.
 */
export const monthClosingDecider = {
  initialState: (): MonthClosing => ({ closed: null, reports: null }),
  evolve: (state: MonthClosing, event: IncentiveEvent): MonthClosing => {
    if (event.type === 'MonthClosed') return { ...state, closed: event.data };
    if (event.type === 'IncentiveReportPublished') return { ...state, reports: event.data.reports };
    return state;
  },
  decide: (command: MonthClosingCommand, state: MonthClosing): IncentiveEvent[] => {
    switch (command.type) {
      case 'CloseMonth': {
        if (state.closed) return [];
        requireMonthEnded(command.month, command.at, command.monthEndsAt);
        if (command.payout.month !== command.month) throw new Error(`a payout for ${command.payout.month} cannot close ${command.month}`);
        return [{ type: 'MonthClosed', occurredAt: command.at, data: { month: command.month, closedAt: command.at, payout: command.payout } }];
      }
      case 'RecordReports': {
        if (!state.closed) throw new IncentiveRuleViolation('month-not-closed', `${command.month} is not closed, so it has no reports`);
        if (state.reports) return [];
        return [{ type: 'IncentiveReportPublished', occurredAt: command.at, data: { month: command.month, reports: command.reports } }];
      }
    }
  },
  startsStream: () => false,
};
