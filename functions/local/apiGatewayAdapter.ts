import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { invalidTokenProblem } from '../http/caller.ts';
import { HttpProblem, problemResponse } from '../http/problem.ts';
import { routeKey, routes, type ApiFunction, type Route } from '../http/routes.ts';
import { verifyDevToken } from './devSigningKey.ts';

export type HttpLambda = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway's own payload limit; the handlers enforce the API's smaller one themselves. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

const TEXT_TYPES = /^(application\/([\w.+-]+\+)?(json|xml|x-www-form-urlencoded)|text\/)/i;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const compile = (route: Route): CompiledRoute => {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names };
};

const compiled = routes.map(compile);

/** The methods some route serves on this path: what a 405's Allow header lists. */
export const methodsAllowedOn = (path: string): string[] =>
  [...new Set(compiled.filter((candidate) => candidate.pattern.test(path)).map((candidate) => candidate.route.method))].sort();

export const matchRoute = (method: string, path: string) => {
  for (const candidate of compiled) {
    if (candidate.route.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const pathParameters = Object.fromEntries(
      candidate.names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]),
    );
    return { route: candidate.route, pathParameters };
  }
  return null;
};

/** API Gateway gives Lambda every claim as a string, and arrays as "[a b]". */
const asGatewayClaims = (payload: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value),
    ]),
  );

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= GATEWAY_MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () =>
      size > GATEWAY_MAX_BODY_BYTES
        ? fail(new HttpProblem(413, 'body-too-large', `the body is over ${GATEWAY_MAX_BODY_BYTES} bytes`))
        : done(Buffer.concat(chunks)),
    );
    request.on('error', fail);
  });

const headersOf = (request: IncomingMessage): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie') headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
};

const gatewayTime = (date: Date): string => {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
};

/** Does what the HTTP API's JWT authorizer does before the Lambda runs: reject, or pass the claims on. */
const authorize = async (route: Route, headers: Record<string, string>) => {
  if (route.auth !== 'jwt') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  if (!match) {
    throw new HttpProblem(401, 'unauthenticated', 'send Authorization: Bearer <token>', undefined, {
      'www-authenticate': 'Bearer',
    });
  }
  try {
    return { jwt: { claims: asGatewayClaims(await verifyDevToken(match[1]!)), scopes: null } };
  } catch (error) {
    throw invalidTokenProblem(error);
  }
};

/** No route for this method: 405 naming the methods the path has, or 404 when no route has the path. */
const noRouteProblem = (method: string, path: string): HttpProblem => {
  const allowed = methodsAllowedOn(path);
  if (allowed.length === 0) return new HttpProblem(404, 'no-such-route', `no route ${method} ${path}`);
  return new HttpProblem(405, 'method-not-allowed', `${path} answers ${allowed.join(', ')}, not ${method}`, undefined, {
    allow: allowed.join(', '),
  });
};

/** Builds the API Gateway HTTP API (payload 2.0) event that the same request would produce on AWS. */
export const toGatewayEvent = async (request: IncomingMessage, body: Buffer): Promise<{ event: APIGatewayProxyEventV2; fn: ApiFunction }> => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = (request.method ?? 'GET').toUpperCase();
  const matched = matchRoute(method, url.pathname);
  if (!matched) throw noRouteProblem(method, url.pathname);
  const headers = headersOf(request);
  const authorizer = await authorize(matched.route, headers);
  const isText = body.length === 0 || TEXT_TYPES.test(headers['content-type'] ?? 'application/json');
  const now = new Date();
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = query[name] === undefined ? value : `${query[name]},${value}`;
  const key = routeKey(matched.route);
  const cookies = request.headers.cookie?.split(/;\s*/).filter(Boolean);
  const sourceIp = (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: key,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      ...(authorizer ? { authorizer } : {}),
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]!.split(':')[0]!,
      http: { method, path: url.pathname, protocol: `HTTP/${request.httpVersion}`, sourceIp, userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: gatewayTime(now),
      timeEpoch: now.getTime(),
    } as APIGatewayProxyEventV2['requestContext'],
    ...(Object.keys(matched.pathParameters).length ? { pathParameters: matched.pathParameters } : {}),
    ...(body.length ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !isText,
  };
  return { event, fn: matched.route.function };
};

const send = (response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void => {
  const body = result.body ?? '';
  const bytes = result.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  const headers: Record<string, string | number | string[]> = { ...result.headers, 'content-length': bytes.length };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(bytes);
};

/** Serves the Lambda handlers over plain HTTP, as API Gateway would in front of them. */
export const createLocalApi = (functions: Record<ApiFunction, HttpLambda>): Server =>
  createServer(async (request, response) => {
    try {
      const body = await readBody(request);
      const { event, fn } = await toGatewayEvent(request, body);
      send(response, await functions[fn](event));
    } catch (error) {
      const problem =
        error instanceof HttpProblem ? error : new HttpProblem(500, 'internal-error', (error as Error).message);
      send(response, problemResponse(problem));
    }
  });
