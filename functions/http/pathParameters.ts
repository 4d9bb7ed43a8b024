import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Month } from '../../domain/calendar.ts';
import { DealId } from '../../domain/deal/events.ts';
import { PersonId } from '../../domain/forecasts/events.ts';
import { HttpProblem } from './problem.ts';

export const dealIdOf = (event: APIGatewayProxyEventV2): string => {
  const parsed = DealId.safeParse(event.pathParameters?.dealId);
  if (!parsed.success) {
    throw new HttpProblem(400, 'invalid-path', 'the deal id in the path is not a valid deal id', [
      { path: 'path.dealId', message: parsed.error.issues[0]?.message ?? 'invalid' },
    ]);
  }
  return parsed.data;
};

/** A month given in the request (`where` names the parameter, e.g. path.month or query.from), or a 400. */
export const monthParameter = (value: string | undefined, where: string): Month => {
  const parsed = Month.safeParse(value);
  if (!parsed.success) {
    throw new HttpProblem(400, 'invalid-month', `${where} must be a month as YYYY-MM`, [{ path: where, message: 'must be YYYY-MM' }]);
  }
  return parsed.data;
};

export const monthOfPath = (event: APIGatewayProxyEventV2): Month => monthParameter(event.pathParameters?.month, 'path.month');

export const personIdOfPath = (event: APIGatewayProxyEventV2): string => {
  const parsed = PersonId.safeParse(event.pathParameters?.personId);
  if (!parsed.success) {
    throw new HttpProblem(400, 'invalid-path', 'the person id in the path is not a valid person id', [
      { path: 'path.personId', message: parsed.error.issues[0]?.message ?? 'invalid' },
    ]);
  }
  return parsed.data;
};
