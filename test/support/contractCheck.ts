import { expect } from 'vitest';
import * as z from 'zod';
import { ProblemDetails } from '../../functions/contract/apiSchemas.ts';
import { contracts, type SuccessResponse } from '../../functions/contract/contracts.ts';
import { openApiDocument } from '../../functions/contract/openApi.ts';
import { routeKey, type RouteKey } from '../../functions/http/routes.ts';
import { matchRoute } from '../../functions/local/apiGatewayAdapter.ts';

/*
 * Every answer an HTTP test receives is checked against the contract here (test/support/localApi.ts `call`
 * runs it on each): its status and media type are declared by its operation in the OpenAPI document, the
 * headers the document says it always sends are there, and its body fits both the zod schema the
 * document is generated from (what the handlers mean to answer) and the JSON Schema the document serves
 * (what a client is told), read back with zod's own z.fromJSONSchema: no JSON Schema validator is
 * installed, and one that is not would be another dependency to keep.
 */

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

type Operation = {
  responses: Record<string, { content?: Record<string, { schema: unknown }>; headers?: Record<string, { $ref: string }> }>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { headers: Record<string, { required?: boolean }>; schemas: Record<string, unknown> };
};

const SCHEMAS = '#/components/schemas/';

/** A schema of the document as zod, its `$ref`s to the components resolved as JSON Schema `$defs`. */
export const documentSchema = (schema: unknown, components: Record<string, unknown>): z.ZodType => {
  const asDefs = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll(`"${SCHEMAS}`, '"#/$defs/'));
  return z.fromJSONSchema({ ...asDefs(schema), $defs: asDefs(components) } as Parameters<typeof z.fromJSONSchema>[0]);
};

const served = new Map<string, z.ZodType>();
const servedSchema = (key: string, schema: unknown, components: Record<string, unknown>): z.ZodType => {
  if (!served.has(key)) served.set(key, documentSchema(schema, components));
  return served.get(key)!;
};

const fits = (schema: z.core.$ZodType, text: string, what: string) => {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    expect.fail(`${what}: the body is not JSON: ${text.slice(0, 200)}`);
  }
  const parsed = z.safeParse(schema, body);
  expect(parsed.success, `${what}: the body does not fit the contract: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5))}`).toBe(true);
};

/** Fails the test when the answer to `method url` is not one the OpenAPI document declares. */
export const expectDocumentedAnswer = (method: string, url: string, answer: Answer): void => {
  const path = new URL(url, 'http://localhost').pathname;
  const what = `${method} ${path} answered ${answer.status}`;
  const mediaType = answer.headers.get('content-type')?.split(';')[0]?.trim();
  const matched = matchRoute(method.toUpperCase(), path);
  if (!matched) {
    // No operation to check against: the gateway's own answer for a path or method no route serves.
    expect([404, 405], `${what}, for a request no route serves`).toContain(answer.status);
    expect(mediaType, what).toBe('application/problem+json');
    fits(ProblemDetails, answer.text, what);
    return;
  }
  const document = openApiDocument() as Document;
  const declared = document.paths[matched.route.path]?.[method.toLowerCase()]?.responses[String(answer.status)];
  expect(declared, `${what}, a status its operation does not declare`).toBeDefined();
  expect(Object.keys(declared!.content ?? {}), `${what} as ${mediaType}, a media type it does not declare`).toContain(mediaType);
  for (const [name, header] of Object.entries(declared!.headers ?? {})) {
    const required = document.components.headers[header.$ref.split('/').at(-1)!]?.required;
    if (required) expect(answer.headers.get(name), `${what} without its ${name} header`).not.toBeNull();
  }
  const key = `${method} ${matched.route.path} ${answer.status} ${mediaType}`;
  const servedBody = servedSchema(key, declared!.content![mediaType!]!.schema, document.components.schemas);
  if (!/json$/.test(mediaType!)) {
    expect(servedBody.safeParse(answer.text).success, `${what}: the body does not fit the served schema`).toBe(true);
    return;
  }
  fits(servedBody, answer.text, `${what} (the served schema)`);
  if (mediaType === 'application/problem+json') return fits(ProblemDetails, answer.text, what);
  const response = contracts[routeKey(matched.route) as RouteKey].responses[answer.status as 200 | 201] as SuccessResponse;
  if ('schema' in response.body) fits(response.body.schema, answer.text, what);
};
