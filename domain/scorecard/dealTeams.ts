import { monthOf, type Month } from '../calendar.ts';
import type { Deal } from '../deal/state.ts';

/** The teams jointly accountable for a deal, by side: its sales team, and once handed off its ops team. */
export interface DealTeams {
  dealId: string;
  salesTeam: string;
  opsTeam: string | null;
}

/**
 * Where a deal names its teams for the monthly report's per-team scorecards: under the month it
 * closed and the month it was delivered, so a month lists the teams that sold or delivered in it.
 */
export const dealTeamsOf = (deal: Deal, timeZone: string): { month: Month; teams: DealTeams }[] => {
  const teams: DealTeams = { dealId: deal.dealId, salesTeam: deal.salesTeam, opsTeam: deal.handoff?.opsTeam ?? null };
  const closedIn = monthOf(deal.closedAt, timeZone);
  const deliveredIn = deal.delivery ? monthOf(deal.delivery.at, timeZone) : closedIn;
  const months = deliveredIn === closedIn ? [closedIn] : [closedIn, deliveredIn];
  return months.map((month) => ({ month, teams }));
};
