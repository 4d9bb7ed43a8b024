import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/contract/openApi.ts';
import { routeKey, routes } from '../../functions/http/routes.ts';
import { DELIGHTED_SIGNATURE_HEADER, TYPEFORM_SIGNATURE_HEADER } from '../../functions/nps/signatures.ts';
import { expectDocumentedAnswer } from '../support/contractCheck.ts';

type Operation = {
  operationId: string;
  tags: string[];
  security: unknown[];
  parameters?: { name: string; in: string; required: boolean; schema: { pattern?: string; maxLength?: number } }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: { $ref?: string; type?: string } }> }>;
};
const document = openApiDocument() as {
  tags: { name: string; description: string }[];
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
const operations = routes.map((route) => ({ route, operation: document.paths[route.path]![route.method.toLowerCase()]! }));
const jsonOf = (body: unknown) => ({ status: 0, headers: new Headers({ 'content-type': 'application/json' }), text: JSON.stringify(body) });

describe('the OpenAPI document generated from the contracts', () => {
  it('given every route, then each operation has a unique camelCase operationId and a declared tag', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(routes.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    const tags = document.tags.map((tag) => tag.name);
    for (const { route, operation } of operations) expect(tags, routeKey(route)).toEqual(expect.arrayContaining(operation.tags));
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('given path parameters, then each is bounded as its handler checks it, and a month has the YYYY-MM pattern', () => {
    for (const { route, operation } of operations) {
      for (const parameter of operation.parameters?.filter((p) => p.in === 'path') ?? []) {
        expect(parameter.schema.pattern ?? parameter.schema.maxLength, `${routeKey(route)} ${parameter.name}`).toBeDefined();
        if (parameter.name === 'month') expect(parameter.schema.pattern).toBe('^\\d{4}-(0[1-9]|1[0-2])$');
      }
    }
  });

  it('given the answers, then problems are per status as problem+json, 401s challenge, 201s say where, ETags come with deal versions', () => {
    for (const { route, operation } of operations) {
      const key = routeKey(route);
      expect(operation.responses['4XX'], key).toBeUndefined();
      for (const [status, response] of Object.entries(operation.responses).filter(([status]) => Number(status) >= 400)) {
        expect(Object.keys(response.content!), `${key} ${status}`).toEqual(['application/problem+json']);
        expect(response.content!['application/problem+json']!.schema).toEqual({ $ref: '#/components/schemas/Problem' });
      }
      if (route.auth === 'jwt') {
        expect(Object.keys(operation.responses), key).toEqual(expect.arrayContaining(['401', '403']));
        expect(operation.responses['401']!.headers, key).toHaveProperty('WWW-Authenticate');
      }
      // A webhook's answer has nowhere to be read again; everything else created says where it is.
      if (operation.responses['201'] && route.auth === 'jwt') expect(operation.responses['201'].headers ?? {}, key).toHaveProperty('Location');
    }
    expect(document.paths['/v1/deals/{dealId}']!.get!.responses['200']!.headers).toHaveProperty('ETag');
    expect(document.paths['/v1/deals/{dealId}/delivery']!.post!.responses['201']!.headers).toHaveProperty('ETag');
    expect(document.paths['/v1/deals/{dealId}/delivery']!.post!.responses).toHaveProperty('412');
  });

  it('given the second answers (a duplicate webhook, a re-published plan, a second close), then each is declared as a 200', () => {
    for (const path of ['/v1/nps/delighted', '/v1/nps/typeform', '/v1/months/{month}/close']) {
      expect(Object.keys(document.paths[path]!.post!.responses), path).toEqual(expect.arrayContaining(['200', '201']));
    }
    expect(Object.keys(document.paths['/v1/incentive-plans/{planId}']!.put!.responses)).toEqual(expect.arrayContaining(['200', '201']));
  });

  it('given the webhooks, then each requires its provider signature header and names its provider body', () => {
    for (const [path, header, body] of [
      ['/v1/nps/delighted', DELIGHTED_SIGNATURE_HEADER, 'DelightedWebhookBody'],
      ['/v1/nps/typeform', TYPEFORM_SIGNATURE_HEADER, 'TypeformWebhookBody'],
    ] as const) {
      const operation = document.paths[path]!.post!;
      expect(operation.security).toEqual([]);
      expect(operation.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: header, in: 'header', required: true })]));
      expect(operation.requestBody!.content['application/json']!.schema).toEqual({ $ref: `#/components/schemas/${body}` });
      expect(document.components.schemas).toHaveProperty(body);
      expect(Object.keys(operation.responses)).not.toContain('415');
    }
  });

  it('given the reports, then each format is its own operation: an IncentiveReport object, a CSV attachment, an HTML page', () => {
    const answer = (format: string) => document.paths[`/v1/reports/{month}/${format}`]!.get!.responses['200']!;
    expect(answer('json').content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/IncentiveReport' } } });
    expect(Object.keys(answer('csv').content!)).toEqual(['text/csv']);
    expect(answer('csv').headers).toHaveProperty('Content-Disposition');
    expect(Object.keys(answer('html').content!)).toEqual(['text/html']);
  });
});

describe('the check every HTTP test answer goes through', () => {
  it('given an answer with a status its operation does not declare, then it fails', () => {
    expect(() => expectDocumentedAnswer('GET', '/v1/catalog', { ...jsonOf({ items: [] }), status: 404 })).toThrow(/does not declare/);
  });

  it('given a declared status in an undeclared media type, then it fails', () => {
    const answer = { status: 200, headers: new Headers({ 'content-type': 'text/plain' }), text: '{"items":[]}' };
    expect(() => expectDocumentedAnswer('GET', '/v1/catalog', answer)).toThrow(/media type/);
  });

  it('given a body that does not fit, or a header the document promises missing, then it fails', () => {
    expect(() => expectDocumentedAnswer('GET', '/v1/catalog', { ...jsonOf({ items: 'none' }), status: 200 })).toThrow(/does not fit/);
    expect(() => expectDocumentedAnswer('GET', '/v1/deals/D-1', { ...jsonOf({}), status: 200 })).toThrow(/ETag/);
  });

  it('given a documented answer, then it passes', () => {
    expect(() => expectDocumentedAnswer('GET', '/v1/catalog', { ...jsonOf({ items: [] }), status: 200 })).not.toThrow();
  });
});
