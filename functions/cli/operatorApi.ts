import { mintDevToken } from '../local/devSigningKey.ts';

export const apiOptions = { url: { type: 'string' }, token: { type: 'string' } } as const;

/**
 * The HTTP API as an operator command uses it: the local stack by default, signing its own admin
 * token there; against AWS, pass --url and a --token from the identity provider.
 */
export const operatorEndpoint = async (values: { url?: string; token?: string }, sub: string) => ({
  url: (values.url ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, ''),
  token: values.token ?? (await mintDevToken({ sub, roles: ['admin'] })),
});

export const operatorApi = async (values: { url?: string; token?: string }, sub: string) => {
  const { url, token } = await operatorEndpoint(values, sub);
  return {
    url,
    request: async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
      const answer = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const answered: any = await answer.json();
      if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}: ${answered?.detail ?? JSON.stringify(answered)}`);
      return { status: answer.status, body: answered };
    },
  };
};
