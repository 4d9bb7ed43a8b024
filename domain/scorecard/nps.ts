import type { MonthCounts } from './contributions.ts';

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** A month's NPS answers by category, none counted as 0. */
export const npsCountsOf = (counts: MonthCounts): NpsCounts => ({
  promoters: counts.promoters ?? 0,
  passives: counts.passives ?? 0,
  detractors: counts.detractors ?? 0,
});

/** NPS = % promoters - % detractors, rounded half away from zero; null when nobody answered. */
export const netPromoterScore = (counts: NpsCounts): number | null => {
  const responses = counts.promoters + counts.passives + counts.detractors;
  if (responses === 0) return null;
  const exact = (100 * (counts.promoters - counts.detractors)) / responses;
  return Math.sign(exact) * Math.round(Math.abs(exact)) || 0;
};
