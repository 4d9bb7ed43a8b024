import { handoffsOf, type Deal } from '../deal/state.ts';

/** A slice of the organisation a scorecard is kept for. */
export type Dimension = 'org' | `team:${string}` | `person:${string}`;

export const isDimension = (value: string): value is Dimension =>
  value === 'org' || /^team:.{1,128}$/.test(value) || /^person:.{1,128}$/.test(value);

/**
 * Everyone jointly accountable for a deal: the seller and sales team, and once handed off (even if later returned) the ops
 * owner, ops team and whoever delivered it. Each sees the whole deal on their scorecard.
 */
export const dimensionsOf = (deal: Deal): Dimension[] => {
  // A few at most: a list kept free of repeats costs less than a Set for every deal the fold reads.
  const dimensions: Dimension[] = ['org', `person:${deal.seller.id}`];
  includeOnce(dimensions, `team:${deal.salesTeam}`);
  // An ops owner who returned a handoff keeps the deal: their return counts on their scorecard.
  for (const handoff of handoffsOf(deal)) {
    includeOnce(dimensions, `person:${handoff.opsOwner.id}`);
    includeOnce(dimensions, `team:${handoff.opsTeam}`);
  }
  if (deal.delivery) includeOnce(dimensions, `person:${deal.delivery.deliveredBy.id}`);
  return dimensions;
};

const includeOnce = (dimensions: Dimension[], dimension: Dimension): void => {
  if (!dimensions.includes(dimension)) dimensions.push(dimension);
};
