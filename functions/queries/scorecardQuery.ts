import { monthRange, type Month } from '../../domain/calendar.ts';
import type { Dimension } from '../../domain/scorecard/dimensions.ts';
import { readScorecard, type Scorecard } from '../../domain/scorecard/scorecard.ts';
import type { ScorecardRepository } from '../projections/scorecardRepository.ts';

export const scorecardFor = async (
  repository: ScorecardRepository,
  currency: string,
  dimension: Dimension,
  month: Month,
): Promise<Scorecard> => {
  const stored = await repository.month(dimension, month);
  return readScorecard({ month, dimension, counts: stored.months.get(month) ?? {}, ledger: stored.ledger, currency });
};

export const trendFor = async (
  repository: ScorecardRepository,
  currency: string,
  dimension: Dimension,
  range: { from: Month; to: Month },
): Promise<Scorecard[]> => {
  const stored = await repository.months(dimension, range.from, range.to);
  return monthRange(range.from, range.to).map((month) =>
    readScorecard({ month, dimension, counts: stored.months.get(month) ?? {}, ledger: stored.ledger, currency }),
  );
};
