import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DealId } from '../../domain/deal/events.ts';
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
