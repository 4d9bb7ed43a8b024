import { describe, expect, it } from 'vitest';
import { sellerTeamIn } from '../../../domain/forecasts/sellerTeam.ts';

describe("a seller's team in a month (the team of their latest close before the month ended)", () => {
  const closes = [
    { salesTeam: 'T-A', closedAt: '2026-10-05T10:00:00Z' },
    { salesTeam: 'T-B', closedAt: '2026-11-30T23:30:00-05:00' }, // 1 December 04:30 UTC
  ];

  it('given closes for T-A in October and T-B late on 30 November in New York, then November is T-B there and T-A in UTC', () => {
    expect(sellerTeamIn(closes, '2026-11', 'America/New_York')).toBe('T-B');
    expect(sellerTeamIn(closes, '2026-11', 'UTC')).toBe('T-A');
  });

  it('given a month before their first close, then no team', () => {
    expect(sellerTeamIn(closes, '2026-09', 'UTC')).toBeNull();
  });

  it('given two closes at the same instant, then the team first in code-unit order', () => {
    const tied = [{ salesTeam: 'T-Z', closedAt: '2026-10-05T10:00:00Z' }, { salesTeam: 'T-M', closedAt: '2026-10-05T10:00:00Z' }];
    expect(sellerTeamIn(tied, '2026-10', 'UTC')).toBe('T-M');
  });
});
