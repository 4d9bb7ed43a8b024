/** NPS = % promoters - % detractors, rounded half away from zero; null when nobody answered. */
export const netPromoterScore = (counts: { promoters: number; passives: number; detractors: number }): number | null => {
  const responses = counts.promoters + counts.passives + counts.detractors;
  if (responses === 0) return null;
  const exact = (100 * (counts.promoters - counts.detractors)) / responses;
  return Math.sign(exact) * Math.round(Math.abs(exact)) || 0;
};
