import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { addMonths, type Month } from '../../domain/calendar.ts';
import { isDimension, type Dimension } from '../../domain/scorecard/dimensions.ts';
import { monthParameter } from './pathParameters.ts';
import { HttpProblem } from './problem.ts';

/** A trend covers at most three years: enough for leadership, bounded for one query. */
export const MAX_TREND_MONTHS = 36;

export const dimensionOf = (event: APIGatewayProxyEventV2): Dimension => {
  const value = event.queryStringParameters?.dimension ?? 'org';
  if (!isDimension(value)) {
    throw new HttpProblem(400, 'invalid-dimension', 'dimension must be org, team:<id> or person:<id>', [
      { path: 'query.dimension', message: 'must be org, team:<id> or person:<id>' },
    ]);
  }
  return value;
};

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
