import { mintDevToken } from '../local/devSigningKey.ts';
import { apiAddress, isUnreachable, Unreachable, type Address } from './localStackAddress.ts';

export const apiOptions = { url: { type: 'string' }, token: { type: 'string' } } as const;

/**
 * The HTTP API as an operator command uses it: the running local stack by default (found through its
 * data folder), signing its own admin token there; against AWS, pass --url and a --token from the
 * identity provider.
 */
export const operatorEndpoint = async (values: { url?: string; token?: string }, sub: string) => {
  const address = apiAddress(values.url);
  return {
    url: address.url,
    address,
    token: values.token ?? (await mintDevToken({ sub, roles: ['admin'] })),
  };
};

/** fetch, with a failure to connect said as which URL was tried and what to do about it. */
export const reach = async (address: Address, path: string, init: RequestInit): Promise<Response> => {
  try {
    return await fetch(`${address.url}${path}`, init);
  } catch (error) {
    if (isUnreachable(error)) throw new Unreachable('the Handshake API', { ...address, url: `${address.url}${path}` }, error);
    throw error;
  }
};

export const operatorApi = async (values: { url?: string; token?: string }, sub: string) => {
  const { url, token, address } = await operatorEndpoint(values, sub);
  return {
    url,
    request: async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
      const answer = await reach(address, path, {
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
