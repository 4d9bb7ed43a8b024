import * as z from '../../domain/zod.ts';
import { ProblemDetails } from './apiSchemas.ts';
import { apiTags, contracts, type JsonBody, type OperationContract, type RequestHeader, type ResponseHeader } from './contracts.ts';
import { MAX_BODY_BYTES } from '../http/requestBody.ts';
import { routeKey, routes, type Route } from '../http/routes.ts';

type JsonObject = Record<string, unknown>;
type Io = 'input' | 'output';

const SCHEMAS = '#/components/schemas/';
const ref = (name: string) => ({ $ref: `${SCHEMAS}${name}` });

const conversion = { unrepresentable: 'any', target: 'draft-2020-12' } as const;

/** A parameter's schema, inline: JSON Schema of what the handler accepts, without the dialect keywords. */
const inlineSchema = (schema: z.core.$ZodType): JsonObject => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { ...conversion, io: 'input' }) as JsonObject;
  return rest;
};

/**
 * The named schemas of the document: requests read as the handlers accept them (defaults optional),
 * answers as they are written. One name is one schema; a schema used both ways keeps one name only if it
 * reads the same both ways.
 */
class ComponentSchemas {
  private readonly byName = { input: new Map<string, z.core.$ZodType>(), output: new Map<string, z.core.$ZodType>() };

  name(io: Io, body: JsonBody): { $ref: string } {
    const known = this.byName[io].get(body.name);
    if (known && known !== body.schema) throw new Error(`two different ${io} schemas are named ${body.name}`);
    for (const [name, schema] of this.byName[io]) {
      if (schema === body.schema && name !== body.name) throw new Error(`one ${io} schema is named both ${name} and ${body.name}`);
    }
    this.byName[io].set(body.name, body.schema);
    return ref(body.name);
  }

  toJson(): Record<string, JsonObject> {
    const [input, output] = (['input', 'output'] as const).map((io) => {
      const registry = z.registry<{ id: string }>();
      for (const [id, schema] of this.byName[io]) registry.add(schema, { id });
      const { schemas } = z.toJSONSchema(registry, { ...conversion, io, uri: (id) => `${SCHEMAS}${id}` });
      return Object.fromEntries(
        Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as JsonObject]),
      );
    }) as [Record<string, JsonObject>, Record<string, JsonObject>];
    for (const [name, schema] of Object.entries(input)) {
      if (name in output && JSON.stringify(output[name]) !== JSON.stringify(schema)) {
        throw new Error(`${name} reads differently as a request and as an answer: give each its own name`);
      }
    }
    return Object.fromEntries(Object.entries({ ...input, ...output }).sort(([a], [b]) => a.localeCompare(b)));
  }
}

const requestHeaderParameters: Record<RequestHeader, JsonObject> = {
  'Idempotency-Key': {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'Makes a retry safe: the same key with the same body gets the first answer; with another body, 409.',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
    example: 'close-D-1001',
  },
  'If-Match': {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: 'The deal version the client last saw (the ETag of its last answer): the command is refused with 412 if the deal has moved on.',
    schema: { type: 'string', pattern: '^\\s*(W/)?"?\\d{1,9}"?\\s*$' },
    example: '"3"',
  },
  'X-Correlation-Id': {
    name: 'X-Correlation-Id',
    in: 'header',
    required: false,
    description: 'Recorded on the events the request appends, so a client can follow its request through the bus.',
    schema: { type: 'string' },
  },
};

const responseHeaders: Record<ResponseHeader | 'WWW-Authenticate', JsonObject> = {
  ETag: { description: 'The deal\'s version, quoted: send it back in If-Match.', required: true, schema: { type: 'string', example: '"3"' } },
  Location: { description: 'Where the resource is read.', required: true, schema: { type: 'string', example: '/v1/deals/D-1001' } },
  'Idempotent-Replayed': {
    description: '`true` when this is the first answer again, for a retry with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
  'Content-Disposition': {
    description: 'The payroll CSV is an attachment named payroll-<month>.csv; the JSON and HTML reports are inline.',
    required: true,
    schema: { type: 'string', example: 'attachment; filename="payroll-2026-10.csv"' },
  },
  'WWW-Authenticate': {
    description: 'The bearer challenge (RFC 6750), with error="invalid_token" when a token was sent.',
    required: true,
    schema: { type: 'string', example: 'Bearer error="invalid_token", error_description="token expired"' },
  },
};

const headerRefs = (names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));

type Reasons = Map<number, { reasons: string[]; headers: string[] }>;

/**
 * The problems a route answers because of what it is, whatever its handler: checked tokens and roles, a
 * parsed body, validated parameters and headers, and our own failures. The contract adds the rest.
 */
const impliedProblems = (route: Route, contract: OperationContract): Reasons => {
  const problems: Reasons = new Map();
  const add = (status: number, reason: string, headers: string[] = []) => {
    const entry = problems.get(status) ?? { reasons: [], headers: [] };
    entry.reasons.push(reason);
    entry.headers.push(...headers);
    problems.set(status, entry);
  };
  if (route.auth === 'jwt') {
    add(401, 'no bearer token, or not a valid one ("token expired", "not a valid token")', ['WWW-Authenticate']);
    add(403, `the caller has none of the roles ${route.roles.join(', ')} (admin may do everything)`);
  }
  if (contract.request?.signedBy) {
    add(401, `the ${contract.request.signedBy} header is missing or does not sign this body`);
    add(400, 'the body is empty, not UTF-8 JSON, or not the provider\'s body: `errors` names each field at fault');
    add(413, `the body is over ${MAX_BODY_BYTES} bytes`);
  } else if (contract.request) {
    add(400, 'the body is missing, not JSON, or does not fit the schema: `errors` names each field at fault');
    add(413, `the body is over ${MAX_BODY_BYTES} bytes`);
    add(415, 'the body is not sent as application/json');
  }
  if (contract.path) add(400, 'a path parameter is not valid (`errors` names it, e.g. path.month)');
  if (contract.query) add(400, 'a query parameter is not valid (`errors` names it, e.g. query.from)');
  if (contract.requestHeaders?.includes('Idempotency-Key')) {
    add(400, 'Idempotency-Key is not 1-255 visible ASCII characters');
    add(409, 'the Idempotency-Key was used for another request');
  }
  if (contract.requestHeaders?.includes('If-Match')) {
    add(400, 'If-Match is not a version');
    add(412, 'the deal is not at the version given in If-Match');
  }
  add(500, 'something failed on our side; it has been logged');
  return problems;
};

const problemResponses = (route: Route, contract: OperationContract) => {
  const problems = impliedProblems(route, contract);
  for (const [status, reason] of Object.entries(contract.problems)) {
    const entry = problems.get(Number(status)) ?? { reasons: [], headers: [] };
    entry.reasons.push(reason);
    problems.set(Number(status), entry);
  }
  return Object.fromEntries(
    [...problems.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, { reasons, headers }]) => [
        String(status),
        {
          description: reasons.join('; '),
          ...(headers.length ? { headers: headerRefs([...new Set(headers)]) } : {}),
          content: { 'application/problem+json': { schema: ref('Problem') } },
        },
      ]),
  );
};

const withExample = (example: unknown) => (example === undefined ? {} : { example });

const operationOf = (route: Route, contract: OperationContract, schemas: ComponentSchemas): JsonObject => {
  const parameters: JsonObject[] = [
    ...Object.entries(contract.path ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema: inlineSchema(schema as z.core.$ZodType) })),
    ...Object.entries(contract.query ?? {}).map(([name, query]) => ({
      name,
      in: 'query',
      required: query.required ?? false,
      description: query.description,
      schema: inlineSchema(query.schema),
    })),
    ...(contract.requestHeaders ?? []).map((name) => requestHeaderParameters[name]),
    ...(contract.request?.signedBy
      ? [
          {
            name: contract.request.signedBy,
            in: 'header',
            required: true,
            description: 'sha256=<HMAC-SHA256 of the exact body bytes under the shared secret> (see the operation description for the encoding)',
            schema: { type: 'string', pattern: '^sha256=' },
          },
        ]
      : []),
  ];
  const successes = Object.entries(contract.responses).map(([status, response]) => {
    const body = response!.body;
    const content =
      'schema' in body
        ? { 'application/json': { schema: schemas.name('output', body), ...withExample(body.example) } }
        : { [body.mediaType]: { schema: { type: 'string' }, ...withExample(body.example) } };
    return [status, { description: response!.description, ...(response!.headers ? { headers: headerRefs(response!.headers) } : {}), content }];
  });
  return {
    operationId: contract.operationId,
    tags: [contract.tag],
    summary: route.summary,
    ...(contract.description ? { description: contract.description } : {}),
    ...(route.auth === 'jwt' ? { security: [{ bearer: [] }], 'x-roles': route.roles } : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(contract.request
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemas.name('input', contract.request), ...withExample(contract.request.example) } },
          },
        }
      : {}),
    responses: { ...Object.fromEntries(successes), ...problemResponses(route, contract) },
  };
};

/** The written contract and the rules behind the numbers ship in the repository beside this document. */
const DESCRIPTION = [
  'Handshake makes sales and operations jointly accountable for the promise made to the customer.',
  '',
  'The contract clients are written against, and the rules the numbers follow, ship with Handshake in its repository:',
  '',
  '- `docs/API.md`: this HTTP API, its conventions and every route (the public contract)',
  '- `docs/INCENTIVES.md`: the joint incentive: plans, the pool, gates, the NPS multiplier, statements and corrections',
  '- `docs/PROMISES.md`: the promise desk: catalogue, capacity, the promise check and the rules of engagement',
  '- `docs/CADENCE.md`: the cadence: returned handoffs, forecasts and the weekly brief',
  '',
  'Every problem is `application/problem+json` (RFC 9457); bad input names each field at fault in `errors`. A method a path',
  'does not serve answers 405 with `Allow` naming those it does; an unknown path answers 404.',
].join('\n');

let cached: JsonObject | undefined;

/** The OpenAPI 3.1 document of the route table, generated from the contracts' zod schemas (built once). */
export const openApiDocument = (): JsonObject => {
  if (cached) return cached;
  const schemas = new ComponentSchemas();
  schemas.name('output', { schema: ProblemDetails, name: 'Problem' });
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operationOf(route, contracts[routeKey(route)] as OperationContract, schemas);
  }
  cached = {
    openapi: '3.1.0',
    info: { title: 'Handshake API', version: '1', description: DESCRIPTION },
    servers: [
      {
        url: '/',
        description: 'The host that serves this document: http://localhost:3000 under `npm start` (or its PORT), the stack output ApiUrl on AWS',
      },
    ],
    tags: Object.entries(apiTags).map(([name, description]) => ({ name, description })),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito ID token on AWS (`npx handshake token` locally); roles come from its roles or cognito:groups claim',
        },
      },
      headers: responseHeaders,
      schemas: schemas.toJson(),
    },
  };
  return cached;
};
