import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { HttpProblem } from './problem.ts';

export const header = (event: APIGatewayProxyEventV2, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) if (key.toLowerCase() === wanted) return value;
  return undefined;
};

/** If-Match carries the deal version the client last saw, as an ETag ("3") or a bare number. */
export const expectedVersionOf = (event: APIGatewayProxyEventV2): number | undefined => {
  const value = header(event, 'if-match');
  if (value === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match) {
    throw new HttpProblem(400, 'invalid-header', 'If-Match must be a deal version such as "3"', [
      { path: 'header.If-Match', message: 'must be a version number' },
    ]);
  }
  return Number(match[1]);
};

export const idempotencyKeyOf = (event: APIGatewayProxyEventV2): string | undefined => {
  const value = header(event, 'idempotency-key')?.trim();
  if (value === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(value)) {
    throw new HttpProblem(400, 'invalid-header', 'Idempotency-Key must be 1-255 visible ASCII characters', [
      { path: 'header.Idempotency-Key', message: 'must be 1-255 visible ASCII characters' },
    ]);
  }
  return value;
};

export const etagOf = (version: number): string => `"${version}"`;
