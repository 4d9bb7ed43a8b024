import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { addMonths, Month, monthRange } from '../../domain/calendar.ts';
import { isDimension, type Dimension } from '../../domain/scorecard/dimensions.ts';
import { readScorecard, type Scorecard } from '../../domain/scorecard/scorecard.ts';
import type { Actor } from '../../domain/roles.ts';
import { HttpProblem } from '../http/problem.ts';
import type { ScorecardRepository } from '../projections/scorecardRepository.ts';

/** A trend covers at most three years: enough for leadership, bounded for one query. */
export const MAX_TREND_MONTHS = 36;

const monthParameter = (value: string | undefined, path: string): Month => {
  const parsed = Month.safeParse(value);
  if (!parsed.success) {
    throw new HttpProblem(400, 'invalid-month', `${path} must be a month as YYYY-MM`, [{ path, message: 'must be YYYY-MM' }]);
  }
  return parsed.data;
};

export const dimensionOf = (event: APIGatewayProxyEventV2): Dimension => {
  const value = event.queryStringParameters?.dimension ?? 'org';
  if (!isDimension(value)) {
    throw new HttpProblem(400, 'invalid-dimension', 'dimension must be org, team:<id> or person:<id>', [
      { path: 'query.dimension', message: 'must be org, team:<id> or person:<id>' },
    ]);
  }
  return value;
};

/** Leadership and admins see every scorecard; sales and ops see the organisation's, teams' and their own. */
export const requireScorecardAccess = (caller: Actor, dimension: Dimension): void => {
  if (caller.roles.some((role) => role === 'admin' || role === 'leadership')) return;
  if (dimension.startsWith('person:') && dimension !== `person:${caller.id}`) {
    throw new HttpProblem(403, 'not-your-scorecard', `only admins and leadership see another person's scorecard`);
  }
};

export const monthOfPath = (event: APIGatewayProxyEventV2): Month => monthParameter(event.pathParameters?.month, 'path.month');

export const trendRangeOf = (event: APIGatewayProxyEventV2): { from: Month; to: Month } => {
  const from = monthParameter(event.queryStringParameters?.from, 'query.from');
  const to = monthParameter(event.queryStringParameters?.to, 'query.to');
  if (from > to) throw new HttpProblem(400, 'invalid-range', 'from must not be after to', [{ path: 'query.from', message: 'after to' }]);
  if (addMonths(from, MAX_TREND_MONTHS - 1) < to) {
    throw new HttpProblem(400, 'invalid-range', `a trend covers at most ${MAX_TREND_MONTHS} months`, [
      { path: 'query.to', message: `at most ${MAX_TREND_MONTHS} months after from` },
    ]);
  }
  return { from, to };
};

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
