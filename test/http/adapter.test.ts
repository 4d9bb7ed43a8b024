import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIGatewayProxyEventV2Schema } from '@aws-lambda-powertools/parser/schemas/api-gatewayv2';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerOf } from '../../functions/http/caller.ts';
import { HttpProblem } from '../../functions/http/problem.ts';
import { createLocalApi, toGatewayEvent } from '../../functions/local/apiGatewayAdapter.ts';
import { mintDevToken } from '../../functions/local/devSigningKey.ts';
import { expectDocumentedAnswer } from '../support/contractCheck.ts';
import { tokenFor } from '../support/localApi.ts';
import { handoffBody } from '../support/sampleDeals.ts';

/**
 * The local adapter must hand the handlers the same API Gateway HTTP API (payload 2.0) event AWS would.
 * A real node server on a free port turns each real request into an event with toGatewayEvent and
 * echoes it back; Powertools' schema for that payload is the judge.
 */

interface Captured {
  status: number;
  event?: APIGatewayProxyEventV2;
  fn?: string;
  problem?: { status: number; slug: string; detail: string; headers?: Record<string, string> };
}

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let status = 200;
    let payload: unknown;
    try {
      payload = await toGatewayEvent(request, Buffer.concat(chunks));
    } catch (error) {
      status = error instanceof HttpProblem ? error.status : 500;
      payload = {
        problem:
          error instanceof HttpProblem
            ? { status: error.status, slug: error.slug, detail: error.message, headers: error.headers }
            : { status: 500, slug: String(error) },
      };
    }
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
afterAll(
  () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
);

/** A raw node request, so the path, cookies and bytes go out exactly as written. */
const capture = (method: string, path: string, headers: Record<string, string> = {}, body?: Buffer | string) =>
  new Promise<Captured>((done, fail) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, ...JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      response.on('error', fail);
    });
    outgoing.on('error', fail);
    outgoing.end(body);
  });

/** Parses with Powertools' APIGatewayProxyEventV2Schema and reports every issue if it does not fit. */
const expectValidGatewayEvent = (event: unknown) => {
  const parsed = APIGatewayProxyEventV2Schema.safeParse(event);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues, null, 2)).toBe(true);
  return parsed.data!;
};

describe('toGatewayEvent builds API Gateway HTTP API payload 2.0 events', () => {
  it('given an authenticated GET with a path parameter and a query string, then the event parses and carries route, parameters and JWT claims', async () => {
    const token = await tokenFor('P-SALES-9', 'sales', 'ops');
    const before = Date.now();
    const captured = await capture('GET', '/v1/deals/D-9?b=2&a=x%20y&a=z', { authorization: `Bearer ${token}`, 'x-custom': 'yes' });
    expect(captured.status).toBe(200);
    const event = expectValidGatewayEvent(captured.event);

    expect(captured.fn).toBe('queries');
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('GET /v1/deals/{dealId}');
    expect(event.requestContext.routeKey).toBe('GET /v1/deals/{dealId}');
    expect(event.rawPath).toBe('/v1/deals/D-9');
    expect(event.rawQueryString).toBe('b=2&a=x%20y&a=z');
    expect(event.queryStringParameters).toEqual({ b: '2', a: 'x y,z' });
    expect(event.pathParameters).toEqual({ dealId: 'D-9' });
    expect(event.requestContext.http).toMatchObject({ method: 'GET', path: '/v1/deals/D-9', sourceIp: '127.0.0.1' });
    expect(event.requestContext.stage).toBe('$default');
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(event.requestContext.timeEpoch).toBeGreaterThanOrEqual(before - 1000);
    expect(event.requestContext.timeEpoch).toBeLessThanOrEqual(Date.now() + 1000);
    expect(event.headers['x-custom']).toBe('yes');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBeUndefined();

    // The JWT authorizer's claims, every value a string and arrays as "[a b]", as API Gateway passes them on.
    const claims = event.requestContext.authorizer?.jwt?.claims;
    expect(claims).toMatchObject({ sub: 'P-SALES-9', roles: '[sales ops]', iss: 'handshake-local', aud: 'handshake' });
    for (const value of Object.values(claims ?? {})) expect(typeof value).toBe('string');
    // … and the handlers read the same caller back out of it.
    expect(callerOf(captured.event!)).toEqual({ id: 'P-SALES-9', roles: ['sales', 'ops'] });
  });

  it('given an authenticated POST with a JSON body, then the event parses with the body as text and the command route key', async () => {
    const token = await tokenFor('P-SALES-1', 'sales');
    const json = JSON.stringify(handoffBody());
    const captured = await capture('POST', '/v1/deals/D-10/handoff', { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, json);
    const event = expectValidGatewayEvent(captured.event);
    expect(captured.fn).toBe('commands');
    expect(event.routeKey).toBe('POST /v1/deals/{dealId}/handoff');
    expect(event.pathParameters).toEqual({ dealId: 'D-10' });
    expect(event.rawQueryString).toBe('');
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe(json);
    expect(event.headers['content-type']).toBe('application/json');
  });

  it('given POST /v1/deals, then the route key has no template and there are no path parameters', async () => {
    const token = await tokenFor('P-SALES-1', 'sales');
    const captured = await capture('POST', '/v1/deals', { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, '{}');
    const event = expectValidGatewayEvent(captured.event);
    expect(event.routeKey).toBe('POST /v1/deals');
    expect(event.pathParameters ?? undefined).toBeUndefined();
  });

  it('given a binary body, then it is base64-encoded and flagged, byte for byte', async () => {
    const token = await tokenFor('P-SALES-1', 'sales');
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    const captured = await capture(
      'POST',
      '/v1/deals/D-11/delivery',
      { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      bytes,
    );
    const event = expectValidGatewayEvent(captured.event);
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body!, 'base64').equals(bytes)).toBe(true);
  });

  it('given cookies, then they move to the cookies array and leave the headers', async () => {
    const token = await tokenFor('P-SALES-1', 'sales');
    const captured = await capture('GET', '/v1/deals/D-12', { authorization: `Bearer ${token}`, cookie: 'a=1; b=2' });
    const event = expectValidGatewayEvent(captured.event);
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.headers.cookie).toBeUndefined();
  });

  it('given the public OpenAPI route without a token, then the event parses and has no authorizer', async () => {
    const captured = await capture('GET', '/v1/openapi.json');
    const event = expectValidGatewayEvent(captured.event);
    expect(event.routeKey).toBe('GET /v1/openapi.json');
    expect(event.requestContext.authorizer).toBeUndefined();
    expect(captured.fn).toBe('queries');
  });

  it('given a JWT route without a token or with a bad one, then no event is built: 401, as the authorizer would refuse', async () => {
    expect(await capture('GET', '/v1/deals/D-13')).toMatchObject({ status: 401, problem: { status: 401 } });
    expect(await capture('GET', '/v1/deals/D-13', { authorization: 'Bearer nope' })).toMatchObject({ status: 401 });
    expect(await capture('GET', '/v1/deals/D-13', { authorization: 'Basic dXNlcjpwYXNz' })).toMatchObject({ status: 401 });
  });

  it('given a path no route has, when requested, then 404', async () => {
    expect(await capture('GET', '/v1/nothing-here')).toMatchObject({ status: 404, problem: { slug: 'no-such-route' } });
  });

  it('given a known path and a method it does not answer, when requested, then 405 with an Allow header naming the methods it does', async () => {
    expect(await capture('DELETE', '/v1/deals/D-14')).toMatchObject({
      status: 405,
      problem: { slug: 'method-not-allowed', headers: { allow: 'GET' } },
    });
    expect(await capture('PATCH', '/v1/deals')).toMatchObject({ status: 405, problem: { headers: { allow: 'POST' } } });
  });

  it('given an expired token, when a JWT route is called, then 401 says "token expired" in words, with an invalid_token challenge', async () => {
    const expired = await mintDevToken({ sub: 'P-SALES-1', roles: ['sales'], ttl: '-1h' });

    const captured = await capture('GET', '/v1/deals/D-15', { authorization: `Bearer ${expired}` });

    expect(captured.problem).toMatchObject({ status: 401, slug: 'invalid-token', detail: 'token expired' });
    expect(captured.problem?.headers?.['www-authenticate']).toBe('Bearer error="invalid_token", error_description="token expired"');
  });

  it('given a token that is not a JWT or is signed with another key, when a JWT route is called, then 401 says "not a valid token", not the library\'s text', async () => {
    const forged = `${(await tokenFor('P-SALES-1', 'sales')).split('.').slice(0, 2).join('.')}.c2lnbmF0dXJl`;

    for (const token of ['nope', forged]) {
      const captured = await capture('GET', '/v1/deals/D-15', { authorization: `Bearer ${token}` });
      expect(captured.problem).toMatchObject({ status: 401, detail: 'not a valid token' });
      expect(captured.problem?.headers?.['www-authenticate']).toBe('Bearer error="invalid_token", error_description="not a valid token"');
    }
  });
});

describe('the local API answers routing problems as problem+json', () => {
  it('given a running local API, when a known path is called with a method it lacks, then the response is 405 problem+json with Allow', async () => {
    const api = createLocalApi({} as Parameters<typeof createLocalApi>[0]);
    await new Promise<void>((done) => api.listen(0, '127.0.0.1', done));
    try {
      const { port: apiPort } = api.address() as AddressInfo;

      const response = await fetch(`http://127.0.0.1:${apiPort}/v1/reports/2026-10/csv`, { method: 'DELETE' });
      const text = await response.text();

      expectDocumentedAnswer('DELETE', '/v1/reports/2026-10/csv', { status: response.status, headers: response.headers, text });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.parse(text)).toMatchObject({ status: 405, title: 'Method Not Allowed' });
    } finally {
      await new Promise<void>((done) => api.close(() => done()));
    }
  });
});
