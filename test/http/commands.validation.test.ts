import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/roles.ts';
import { callStoringNothing, closeAndHandOff } from '../support/apiSteps.ts';
import { expectProblem } from '../support/expectProblem.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { tokenFor, type CallResponse } from '../support/localApi.ts';
import {
  cancellationBody,
  closeDealBody,
  deliveryBody,
  handoffBody,
  promiseRevisionBody,
  scopeChangeBody,
} from '../support/sampleDeals.ts';

/**
 * Every command route refuses bad requests with the right problem, and a refused request stores nothing.
 * The table below drives the same checks over all six commands.
 */

const { api } = useTestApi();
beforeAll(async () => {
  // A real, open deal, so the deal-scoped routes fail only for the reason each test gives.
  await closeAndHandOff(api, await tokenFor('P-SALES-1', 'sales'), OPEN_DEAL);
});

const OPEN_DEAL = 'V-OPEN';
const KIB = 1024;

type Body = Record<string, unknown>;

interface InvalidCase {
  name: string;
  body: Body;
  /** The `errors[].path` that must name the field at fault. */
  path: string;
}

interface CommandCase {
  route: string;
  /** Path for a deal id (POST /v1/deals ignores it: the id is in the body). */
  path: (dealId: string) => string;
  dealScoped: boolean;
  validBody: (dealId: string) => Body;
  allowed: { sub: string; role: Role };
  forbidden: { sub: string; role: Role };
  invalid: (dealId: string) => InvalidCase[];
  /** A body that is valid JSON and over 256 KiB. */
  oversize: (dealId: string, bytes: number) => Body;
}

const without = (body: Body, key: string): Body => Object.fromEntries(Object.entries(body).filter(([name]) => name !== key));
const padding = (bytes: number) => 'x'.repeat(bytes);

const commands: CommandCase[] = [
  {
    route: 'POST /v1/deals',
    path: () => '/v1/deals',
    dealScoped: false,
    validBody: (dealId) => closeDealBody(dealId),
    allowed: { sub: 'P-SALES-1', role: 'sales' },
    forbidden: { sub: 'P-OPS-1', role: 'ops' },
    invalid: (dealId) => [
      { name: 'missing required field dealId', body: without(closeDealBody(dealId), 'dealId'), path: 'dealId' },
      { name: 'missing required field promise.deliverBy', body: closeDealBody(dealId, { promise: {} }), path: 'promise.deliverBy' },
      {
        name: 'wrong type (quantity as a string)',
        body: closeDealBody(dealId, { scope: [{ sku: 'SEALCOAT-SQFT', quantity: '12000' }] }),
        path: 'scope.0.quantity',
      },
      { name: 'wrong type (value as a number)', body: closeDealBody(dealId, { value: 1_250_000 }), path: 'value' },
      { name: 'negative money', body: closeDealBody(dealId, { value: { amount: -1, currency: 'USD' } }), path: 'value.amount' },
      {
        name: 'fractional money',
        body: closeDealBody(dealId, { value: { amount: 12_500.5, currency: 'USD' } }),
        path: 'value.amount',
      },
      {
        name: 'unknown currency',
        body: closeDealBody(dealId, { value: { amount: 1_250_000, currency: 'ZZZ' } }),
        path: 'value.currency',
      },
      {
        name: 'lower-case currency',
        body: closeDealBody(dealId, { value: { amount: 1_250_000, currency: 'usd' } }),
        path: 'value.currency',
      },
      { name: 'non-ISO instant closedAt', body: closeDealBody(dealId, { closedAt: 'next tuesday' }), path: 'closedAt' },
      {
        name: 'instant without offset closedAt',
        body: closeDealBody(dealId, { closedAt: '2026-10-02T15:00:00' }),
        path: 'closedAt',
      },
      {
        name: 'date-only promise.deliverBy',
        body: closeDealBody(dealId, { promise: { deliverBy: '2026-10-20' } }),
        path: 'promise.deliverBy',
      },
      {
        name: 'deliverBy before closedAt',
        body: closeDealBody(dealId, { promise: { deliverBy: '2026-10-01T00:00:00Z' } }),
        path: 'promise.deliverBy',
      },
      { name: 'empty scope', body: closeDealBody(dealId, { scope: [] }), path: 'scope' },
      { name: 'invalid deal id', body: closeDealBody('has spaces/and slash'), path: 'dealId' },
    ],
    oversize: (dealId, bytes) => closeDealBody(dealId, { customer: { id: 'C-7', name: padding(bytes) } }),
  },
  {
    route: 'POST /v1/deals/{dealId}/handoff',
    path: (dealId) => `/v1/deals/${dealId}/handoff`,
    dealScoped: true,
    validBody: () => handoffBody(),
    allowed: { sub: 'P-SALES-1', role: 'sales' },
    forbidden: { sub: 'P-OPS-1', role: 'ops' },
    invalid: () => [
      { name: 'missing required field opsOwner', body: without(handoffBody(), 'opsOwner'), path: 'opsOwner' },
      {
        name: 'missing checklist item',
        body: handoffBody({ checklist: { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true } }),
        path: 'checklist.specialTerms',
      },
      {
        name: 'wrong type (checklist item as a string)',
        body: handoffBody({
          checklist: { scopeDocumented: 'yes', deliveryDateConfirmed: true, customerContact: true, specialTerms: false },
        }),
        path: 'checklist.scopeDocumented',
      },
      { name: 'non-ISO instant at', body: handoffBody({ at: '2026-10-03 09:00' }), path: 'at' },
    ],
    oversize: (_dealId, bytes) => handoffBody({ notes: padding(bytes) }),
  },
  {
    route: 'POST /v1/deals/{dealId}/scope-changes',
    path: (dealId) => `/v1/deals/${dealId}/scope-changes`,
    dealScoped: true,
    validBody: () => scopeChangeBody(),
    allowed: { sub: 'P-SALES-1', role: 'sales' },
    forbidden: { sub: 'P-OPS-1', role: 'ops' },
    invalid: () => [
      { name: 'missing required field reason', body: without(scopeChangeBody(), 'reason'), path: 'reason' },
      {
        name: 'wrong type (quantity as a string)',
        body: scopeChangeBody({ scope: [{ sku: 'SEALCOAT-SQFT', quantity: '15000' }] }),
        path: 'scope.0.quantity',
      },
      { name: 'fractional quantity', body: scopeChangeBody({ scope: [{ sku: 'SEALCOAT-SQFT', quantity: 1.5 }] }), path: 'scope.0.quantity' },
      { name: 'unknown initiator', body: scopeChangeBody({ initiatedBy: 'boss' }), path: 'initiatedBy' },
      { name: 'instant without offset at', body: scopeChangeBody({ at: '2026-10-05T10:00:00' }), path: 'at' },
    ],
    oversize: (_dealId, bytes) => scopeChangeBody({ reason: padding(bytes) }),
  },
  {
    route: 'POST /v1/deals/{dealId}/promise-revisions',
    path: (dealId) => `/v1/deals/${dealId}/promise-revisions`,
    dealScoped: true,
    validBody: () => promiseRevisionBody(),
    allowed: { sub: 'P-SALES-1', role: 'sales' },
    forbidden: { sub: 'P-LEAD-1', role: 'leadership' },
    invalid: () => [
      { name: 'missing required field deliverBy', body: without(promiseRevisionBody(), 'deliverBy'), path: 'deliverBy' },
      { name: 'wrong type (deliverBy as a number)', body: promiseRevisionBody({ deliverBy: 20_261_024 }), path: 'deliverBy' },
      { name: 'non-ISO instant deliverBy', body: promiseRevisionBody({ deliverBy: '24/10/2026' }), path: 'deliverBy' },
      { name: 'non-ISO instant at', body: promiseRevisionBody({ at: 'yesterday' }), path: 'at' },
    ],
    oversize: (_dealId, bytes) => promiseRevisionBody({ reason: padding(bytes) }),
  },
  {
    route: 'POST /v1/deals/{dealId}/delivery',
    path: (dealId) => `/v1/deals/${dealId}/delivery`,
    dealScoped: true,
    validBody: () => deliveryBody(),
    allowed: { sub: 'P-OPS-1', role: 'ops' },
    forbidden: { sub: 'P-SALES-1', role: 'sales' },
    invalid: () => [
      { name: 'missing required field deliveredBy', body: without(deliveryBody(), 'deliveredBy'), path: 'deliveredBy' },
      { name: 'wrong type (deliveredBy as a string)', body: deliveryBody({ deliveredBy: 'P-OPS-1' }), path: 'deliveredBy' },
      { name: 'negative quantity', body: deliveryBody({ scope: [{ sku: 'SEALCOAT-SQFT', quantity: -3 }] }), path: 'scope.0.quantity' },
      { name: 'impossible date at', body: deliveryBody({ at: '2026-13-01T00:00:00Z' }), path: 'at' },
    ],
    oversize: (_dealId, bytes) => deliveryBody({ scope: [{ sku: 'SEALCOAT-SQFT', description: padding(bytes), quantity: 1 }] }),
  },
  {
    route: 'POST /v1/deals/{dealId}/cancellation',
    path: (dealId) => `/v1/deals/${dealId}/cancellation`,
    dealScoped: true,
    validBody: () => cancellationBody(),
    allowed: { sub: 'P-SALES-1', role: 'sales' },
    forbidden: { sub: 'P-LEAD-1', role: 'leadership' },
    invalid: () => [
      { name: 'missing required field reason', body: without(cancellationBody(), 'reason'), path: 'reason' },
      { name: 'wrong type (reason as a number)', body: cancellationBody({ reason: 42 }), path: 'reason' },
      { name: 'empty reason', body: cancellationBody({ reason: '' }), path: 'reason' },
      { name: 'non-ISO instant at', body: cancellationBody({ at: '07.10.2026 10:00' }), path: 'at' },
    ],
    oversize: (_dealId, bytes) => cancellationBody({ reason: padding(bytes) }),
  },
];

const expectFieldErrors = (response: CallResponse, paths: string[]) => {
  expectProblem(response, 400);
  expect(Array.isArray(response.json.errors)).toBe(true);
  for (const error of response.json.errors) {
    expect(error).toEqual({ path: expect.any(String), message: expect.any(String) });
    expect(error.message.length).toBeGreaterThan(0);
  }
  expect(response.json.errors.map((error: { path: string }) => error.path)).toEqual(paths);
};

const jsonOf = (body: Body) => JSON.stringify(body);

/** An oversize body of exactly `total` bytes (padding adjusted for the JSON around it). */
const bodyOfSize = (command: CommandCase, dealId: string, total: number): string => {
  const skeleton = jsonOf(command.oversize(dealId, 0));
  const text = jsonOf(command.oversize(dealId, total - Buffer.byteLength(skeleton)));
  expect(Buffer.byteLength(text)).toBe(total);
  return text;
};

describe.each(commands)('$route', (command) => {
  const dealFor = (suffix: string) => (command.dealScoped ? OPEN_DEAL : `V-NEW-${suffix}`);
  const allowedToken = () => tokenFor(command.allowed.sub, command.allowed.role);

  it('given malformed JSON, then 400 naming the body and nothing is stored', async () => {
    const dealId = dealFor('malformed');
    const response = await callStoringNothing(api, 'POST', command.path(dealId), {
      token: await allowedToken(),
      rawBody: '{"at": "2026-10-03T09:00:00Z", ',
    });
    expectFieldErrors(response, ['(body)']);
  });

  it('given no body at all, then 400 and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'POST', command.path(dealFor('nobody')), {
      token: await allowedToken(),
      headers: { 'content-type': 'application/json' },
    });
    expectFieldErrors(response, ['(body)']);
  });

  it('given a JSON array instead of an object, then 400 and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'POST', command.path(dealFor('array')), {
      token: await allowedToken(),
      body: [command.validBody(dealFor('array'))],
    });
    expectFieldErrors(response, ['(body)']);
  });

  it('given an unknown extra field, then 400 naming the field and nothing is stored', async () => {
    const dealId = dealFor('extra');
    const response = await callStoringNothing(api, 'POST', command.path(dealId), {
      token: await allowedToken(),
      body: { ...command.validBody(dealId), discountCode: 'FREE' },
    });
    expectFieldErrors(response, ['discountCode']);
  });

  describe.each(command.invalid(dealFor('invalid')))('given $name', (invalid) => {
    it(`then 400 with errors[].path = ${invalid.path} and nothing is stored`, async () => {
      const response = await callStoringNothing(api, 'POST', command.path(dealFor('invalid')), {
        token: await allowedToken(),
        body: invalid.body,
      });
      expectFieldErrors(response, [invalid.path]);
      expect(response.json.detail).toContain(invalid.path);
    });
  });

  it('given a body over 256 KiB, then 413 and nothing is stored', async () => {
    const dealId = dealFor('big');
    const response = await callStoringNothing(api, 'POST', command.path(dealId), {
      token: await allowedToken(),
      rawBody: bodyOfSize(command, dealId, 256 * KIB + 1),
    });
    expectProblem(response, 413);
  });

  it('given a body of exactly 256 KiB, then it is not refused for its size (the limit is "over 256 KiB")', async () => {
    const dealId = dealFor('limit');
    const response = await callStoringNothing(api, 'POST', command.path(dealId), {
      token: await allowedToken(),
      rawBody: bodyOfSize(command, dealId, 256 * KIB),
    });
    // The padded field is longer than the schema allows, so it is still a 400 — but not a 413.
    expectProblem(response, 400);
  });

  if (command.dealScoped) {
    it('given a deal nobody closed, then 404 and nothing is stored', async () => {
      const response = await callStoringNothing(api, 'POST', command.path('V-NEVER-CLOSED'), {
        token: await allowedToken(),
        body: command.validBody('V-NEVER-CLOSED'),
      });
      expectProblem(response, 404);
    });

    it('given a deal id in the path that is not a valid id, then 400 naming path.dealId and nothing is stored', async () => {
      const response = await callStoringNothing(api, 'POST', command.path('bad%20id'), {
        token: await allowedToken(),
        body: command.validBody('bad id'),
      });
      expectFieldErrors(response, ['path.dealId']);
    });
  }

  it(`given a ${command.forbidden.role} caller, then 403 and nothing is stored`, async () => {
    const dealId = dealFor('role');
    const response = await callStoringNothing(api, 'POST', command.path(dealId), {
      token: await tokenFor(command.forbidden.sub, command.forbidden.role),
      body: command.validBody(dealId),
    });
    expectProblem(response, 403);
  });

  it('given a caller with no role at all, then 403 and nothing is stored', async () => {
    const dealId = dealFor('norole');
    const response = await callStoringNothing(api, 'POST', command.path(dealId), {
      token: await tokenFor('P-NOBODY'),
      body: command.validBody(dealId),
    });
    expectProblem(response, 403);
  });

  it('given no Authorization header, then 401 and nothing is stored', async () => {
    const dealId = dealFor('anon');
    const response = await callStoringNothing(api, 'POST', command.path(dealId), { body: command.validBody(dealId) });
    expectProblem(response, 401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('given a token that is not a JWT, then 401 and nothing is stored', async () => {
    const dealId = dealFor('garbage');
    const response = await callStoringNothing(api, 'POST', command.path(dealId), {
      token: 'not-a-jwt',
      body: command.validBody(dealId),
    });
    expectProblem(response, 401);
  });

  it('given a token signed with another key, then 401 and nothing is stored', async () => {
    const dealId = dealFor('forged');
    const forged = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('P-MALLORY')
      .setIssuer('handshake-local')
      .setAudience('handshake')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('some-other-key-that-is-long-enough-for-hs256'));
    const response = await callStoringNothing(api, 'POST', command.path(dealId), { token: forged, body: command.validBody(dealId) });
    expectProblem(response, 401);
  });

  it('given an expired token, then 401 and nothing is stored', async () => {
    const dealId = dealFor('expired');
    const { mintDevToken } = await import('../../functions/local/devSigningKey.ts');
    const expired = await mintDevToken({ sub: command.allowed.sub, roles: ['admin'], ttl: '-1m' });
    const response = await callStoringNothing(api, 'POST', command.path(dealId), { token: expired, body: command.validBody(dealId) });
    expectProblem(response, 401);
  });

  it('given a non-JSON content type, then 415 and nothing is stored', async () => {
    const dealId = dealFor('xml');
    const response = await callStoringNothing(api, 'POST', command.path(dealId), {
      token: await allowedToken(),
      headers: { 'content-type': 'text/plain' },
      rawBody: jsonOf(command.validBody(dealId)),
    });
    expectProblem(response, 415);
  });
});
