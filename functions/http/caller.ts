import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Role, type Actor } from '../../domain/roles.ts';
import { HttpProblem } from './problem.ts';
import type { Route } from './routes.ts';

type Claims = Record<string, string | number | boolean | string[]>;

const claimsOf = (event: APIGatewayProxyEventV2): Claims | undefined =>
  (event.requestContext as { authorizer?: { jwt?: { claims?: Claims } } }).authorizer?.jwt?.claims;

/**
 * API Gateway hands array claims to Lambda as the string "[admin sales]"; a pre-token hook may send a
 * JSON array; Cognito names its groups cognito:groups. All three mean the same roles.
 */
export const parseRolesClaim = (claim: unknown): string[] => {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  const text = claim.trim();
  if (text.startsWith('[') && text.includes('"')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // not JSON: fall through to the API Gateway form
    }
  }
  return text.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
};

/** Quotes a value for an HTTP auth-param (RFC 9110 quoted-string). */
const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/**
 * A bearer token that was refused, said in the caller's words rather than the JWT library's: expired,
 * or not a valid token at all (bad signature, issuer, audience or shape), with the RFC 6750 challenge.
 */
export const invalidTokenProblem = (error: unknown): HttpProblem => {
  const code = (error as { code?: unknown } | null)?.code;
  const detail = code === 'ERR_JWT_EXPIRED' ? 'token expired' : 'not a valid token';
  return new HttpProblem(401, 'invalid-token', detail, undefined, {
    'www-authenticate': `Bearer error="invalid_token", error_description=${quoted(detail)}`,
  });
};

/** The authenticated caller, as the JWT authorizer verified them. */
export const callerOf = (event: APIGatewayProxyEventV2): Actor => {
  const claims = claimsOf(event);
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0) {
    throw new HttpProblem(401, 'unauthenticated', 'a bearer token is required', undefined, {
      'www-authenticate': 'Bearer',
    });
  }
  const roles = [...parseRolesClaim(claims?.roles), ...parseRolesClaim(claims?.['cognito:groups'])]
    .map((role) => Role.safeParse(role))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  return { id: sub, roles: [...new Set(roles)] };
};

export const requireRole = (caller: Actor, route: Route): void => {
  const allowed = caller.roles.some((role) => role === 'admin' || route.roles.includes(role));
  if (!allowed) {
    throw new HttpProblem(
      403,
      'role-not-allowed',
      `${route.method} ${route.path} needs one of the roles ${route.roles.join(', ')}; the caller has ${caller.roles.join(', ') || 'none'}`,
    );
  }
};
