import { monthEndMs, type Month } from '../calendar.ts';
import { toEpochMs } from '../instant.ts';

/**
 * A seller's sales team in a month, for the team's forecast: the team of the latest deal they closed
 * before the month ended (the product records a seller's team only on their closes); of two closed at
 * the same instant, the team first in code-unit order. Null before their first close.
 */
export const sellerTeamIn = (closes: readonly { salesTeam: string; closedAt: string }[], month: Month, timeZone: string): string | null => {
  const end = monthEndMs(month, timeZone);
  let latest: { salesTeam: string; at: number } | null = null;
  for (const close of closes) {
    const at = toEpochMs(close.closedAt);
    if (at >= end) continue;
    if (latest === null || at > latest.at || (at === latest.at && close.salesTeam < latest.salesTeam)) latest = { salesTeam: close.salesTeam, at };
  }
  return latest?.salesTeam ?? null;
};
