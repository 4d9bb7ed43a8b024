import { afterEach, describe, expect, it } from 'vitest';
import { defaultProvider } from '../../functions/aws/lambdaCredentials.ts';

/*
 * What a bundled function's AWS clients sign with: the role's credentials Lambda puts in the
 * environment, and nothing else (the rest of the SDK's chain stays out of the bundle).
 */

const variables = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION'] as const;
const saved = Object.fromEntries(variables.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const name of variables) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("a bundled function's credentials", () => {
  it("given Lambda's environment, when a client asks for credentials, then it gets the role's key, secret and session token", async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'ASIAROLE', AWS_SECRET_ACCESS_KEY: 'role-secret', AWS_SESSION_TOKEN: 'role-session' });

    await expect(defaultProvider()()).resolves.toMatchObject({ accessKeyId: 'ASIAROLE', secretAccessKey: 'role-secret', sessionToken: 'role-session' });
  });

  it('given no credentials in the environment, when a client asks for them, then it is refused, not sent looking elsewhere', async () => {
    for (const name of variables) delete process.env[name];

    await expect(defaultProvider()()).rejects.toThrow(/environment/i);
  });
});
