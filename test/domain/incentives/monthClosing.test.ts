import { describe, expect, it } from 'vitest';
import type { MonthClosingEvent } from '../../../domain/incentives/events.ts';
import { IncentiveRuleViolation } from '../../../domain/incentives/incentiveRuleViolation.ts';
import { closingOf, monthClosingDecider, STATEMENT_PART_CHARS, type MonthClosingCommand } from '../../../domain/incentives/monthClosing.ts';
import { computeMonthPayout } from '../../../domain/incentives/monthPayout.ts';
import { jointPlan, largeMonthPayout, monthFacts, workedExampleDeals } from './incentiveSpec.ts';

const { initialState, evolve, decide } = monthClosingDecider;
const fold = (events: MonthClosingEvent[]) => events.reduce(evolve, initialState());

const close = (payout = computeMonthPayout(jointPlan(), monthFacts('2026-10', workedExampleDeals()))): MonthClosingCommand => ({
  type: 'CloseMonth',
  month: '2026-10',
  at: '2026-11-01T00:05:00Z',
  monthEndsAt: '2026-11-01T00:00:00Z',
  payout,
});

describe('closing a month', () => {
  it('given an open month that has ended, when it is closed, then the close and its statements fold back into the same payout', () => {
    const command = close();
    const events = decide(command, initialState());
    expect(events.map((event) => event.type)).toEqual(['MonthClosed', 'StatementsIssued']);
    const closing = closingOf(fold(events), '2026-10');
    expect(closing.closed).toEqual({ month: '2026-10', closedAt: '2026-11-01T00:05:00Z', payout: command.type === 'CloseMonth' && command.payout });
    expect(closing.missingParts).toBe(0);
  });

  it('given a month whose statements are larger than one item holds, when it is closed, then they come in parts under the part size that fold back whole', () => {
    const payout = largeMonthPayout();
    expect(JSON.stringify(payout.statements).length).toBeGreaterThan(400_000);
    const events = decide(close(payout), initialState());
    const parts = events.filter((event) => event.type === 'StatementsIssued');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      const statements = part.type === 'StatementsIssued' ? part.data.statements : [];
      const largest = Math.max(...statements.map((statement) => JSON.stringify(statement).length));
      expect(JSON.stringify(statements).length).toBeLessThanOrEqual(STATEMENT_PART_CHARS + largest + statements.length);
    }
    expect(closingOf(fold(events), '2026-10').closed?.payout).toEqual(payout);
  });

  it('given a close whose parts have not all been read, then the closing says how many are missing', () => {
    const events = decide(close(largeMonthPayout()), initialState());
    expect(closingOf(fold(events.slice(0, 2)), '2026-10').missingParts).toBe(events.length - 2);
  });

  it('given a closed month, when it is closed again, then nothing new is recorded', () => {
    const closed = fold(decide(close(), initialState()));
    expect(decide(close(), closed)).toEqual([]);
  });

  it('given a month that ends in five minutes, when it is closed, then it is refused as not ended', () => {
    const early: MonthClosingCommand = { ...close(), at: '2026-10-31T23:55:00Z' } as MonthClosingCommand;
    expect(() => decide(early, initialState())).toThrow(IncentiveRuleViolation);
    expect(() => decide(early, initialState())).toThrow(/2026-10 has not ended/);
  });

  it('given a month not closed, when its reports are recorded, then it is refused; once closed they are recorded once', () => {
    const reports: MonthClosingCommand = {
      type: 'RecordReports',
      month: '2026-10',
      at: '2026-11-01T00:06:00Z',
      reports: { json: 'a.json', payrollCsv: 'a.csv', html: 'a.html' },
    };
    expect(() => decide(reports, initialState())).toThrow(/not closed/);
    const closed = fold(decide(close(), initialState()));
    const recorded = decide(reports, closed);
    expect(recorded.map((event) => event.type)).toEqual(['IncentiveReportPublished']);
    expect(decide(reports, fold([...decide(close(), initialState()), ...recorded]))).toEqual([]);
  });
});
