import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from '../../domain/zod.ts';
import { OpsTeam, Sku } from '../../domain/promises/catalogue.ts';
import { EscalationId } from '../../domain/promises/escalationId.ts';
import { HttpProblem } from './problem.ts';

/** A request parameter validated by its domain schema, or a 400 naming where it was (`path.sku`, `query.from`). */
const parameter = <S extends z.core.$ZodType>(schema: S, value: string | undefined, where: string): z.output<S> => {
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'invalid';
    throw new HttpProblem(400, 'validation-failed', `${where}: ${message}`, [{ path: where, message }]);
  }
  return parsed.data;
};

export const skuOfPath = (event: APIGatewayProxyEventV2): string => parameter(Sku, event.pathParameters?.sku, 'path.sku');
export const opsTeamOfPath = (event: APIGatewayProxyEventV2): string => parameter(OpsTeam, event.pathParameters?.opsTeam, 'path.opsTeam');
export const escalationIdOfPath = (event: APIGatewayProxyEventV2): string =>
  parameter(EscalationId, event.pathParameters?.escalationId, 'path.escalationId');

/** An optional query parameter: absent is undefined, present must be valid. */
export const optionalQuery = <S extends z.core.$ZodType>(event: APIGatewayProxyEventV2, name: string, schema: S): z.output<S> | undefined => {
  const value = event.queryStringParameters?.[name];
  return value === undefined ? undefined : parameter(schema, value, `query.${name}`);
};
