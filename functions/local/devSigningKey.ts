import { jwtVerify, SignJWT } from 'jose';
import type { Role } from '../../domain/roles.ts';

/**
 * The local stack signs its own development tokens (HS256). This key protects nothing real:
 * on AWS, Cognito issues tokens and API Gateway's JWT authorizer checks them.
 */
const DEFAULT_DEV_KEY = 'handshake-local-development-signing-key-not-for-production';
export const LOCAL_ISSUER = 'handshake-local';
export const LOCAL_AUDIENCE = 'handshake';

const keyBytes = (env: NodeJS.ProcessEnv = process.env) =>
  new TextEncoder().encode(env.HANDSHAKE_DEV_SIGNING_KEY ?? DEFAULT_DEV_KEY);

export const mintDevToken = (claims: { sub: string; roles: Role[]; ttl?: string }): Promise<string> =>
  new SignJWT({ roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.ttl ?? '12h')
    .sign(keyBytes());

/** Verifies a development token as the JWT authorizer would: signature, issuer, audience, expiry. */
export const verifyDevToken = async (token: string): Promise<Record<string, unknown>> => {
  const { payload } = await jwtVerify(token, keyBytes(), {
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    algorithms: ['HS256'],
  });
  return payload as Record<string, unknown>;
};
