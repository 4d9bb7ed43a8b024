import { beforeAll, describe, expect, it } from 'vitest';
import { callStoringNothing } from '../support/apiSteps.ts';
import { expectProblem } from '../support/expectProblem.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { capacityBody, catalogueEntryBody, openApiChecker } from '../support/promiseDesk.ts';

/** PUT /v1/catalog/{sku}, GET /v1/catalog, PUT and GET /v1/capacity/{opsTeam} (API.md, "The promise desk"). */

const { api } = useTestApi();
let ops: string;
let sales: string;
let leadership: string;
let admin: string;
let checker: Awaited<ReturnType<typeof openApiChecker>>;
beforeAll(async () => {
  ops = await tokenFor('P-OPS-1', 'ops');
  sales = await tokenFor('P-SALES-1', 'sales');
  leadership = await tokenFor('P-VP', 'leadership');
  admin = await tokenFor('P-ADMIN', 'admin');
  checker = await openApiChecker(api);
});

describe('the catalogue', () => {
  it('given no entry for a SKU, when ops publishes it twice, then 201 with versions 1 and 2 and the catalogue lists the latest', async () => {
    const first = await call(api, 'PUT', '/v1/catalog/CAT-A', { token: ops, body: catalogueEntryBody({ sku: 'CAT-A' }) });
    expect(first.status, first.text).toBe(201);
    expect(first.json).toEqual({ sku: 'CAT-A', version: 1 });
    checker.expectDocumented('PUT', '/v1/catalog/{sku}', 201, first.json);

    const second = await call(api, 'PUT', '/v1/catalog/CAT-A', { token: admin, body: catalogueEntryBody({ sku: 'CAT-A', minutesPerUnit: 0.75 }) });
    expect(second.status).toBe(201);
    expect(second.json).toEqual({ sku: 'CAT-A', version: 2 });

    const other = await call(api, 'PUT', '/v1/catalog/CAT-B', { token: ops, body: catalogueEntryBody({ sku: 'CAT-B', opsTeam: 'T-PAINT' }) });
    expect(other.json).toEqual({ sku: 'CAT-B', version: 1 });

    const listed = await call(api, 'GET', '/v1/catalog', { token: sales });
    expect(listed.status).toBe(200);
    expect(listed.json.items).toEqual(
      expect.arrayContaining([
        { sku: 'CAT-A', description: 'Sealcoat, per square foot', opsTeam: 'T-OPS', minutesPerUnit: 0.75, version: 2 },
        expect.objectContaining({ sku: 'CAT-B', opsTeam: 'T-PAINT', version: 1 }),
      ]),
    );
    checker.expectDocumented('GET', '/v1/catalog', 200, listed.json);
  });

  it('given a negative minutesPerUnit, when it is published, then 400 naming minutesPerUnit and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'PUT', '/v1/catalog/CAT-NEG', { token: ops, body: catalogueEntryBody({ sku: 'CAT-NEG', minutesPerUnit: -1 }) });
    expectProblem(response, 400);
    expect(response.json.errors.map((error: { path: string }) => error.path)).toContain('minutesPerUnit');
    checker.expectProblemDocumented(response.json);
  });

  it('given a body naming another SKU than the path, when it is published, then 400 naming sku and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'PUT', '/v1/catalog/CAT-X', { token: ops, body: catalogueEntryBody({ sku: 'CAT-Y' }) });
    expectProblem(response, 400);
    expect(response.json.errors).toEqual([expect.objectContaining({ path: 'sku' })]);
  });

  it.each([
    ['sales', 'P-SALES-1', 'sales'],
    ['leadership', 'P-VP', 'leadership'],
  ] as const)('given a %s caller, when they publish an entry, then 403 and nothing is stored', async (_label, sub, role) => {
    const response = await callStoringNothing(api, 'PUT', '/v1/catalog/CAT-R', { token: await tokenFor(sub, role), body: catalogueEntryBody({ sku: 'CAT-R' }) });
    expectProblem(response, 403);
  });

  it('given a retried publication with the same Idempotency-Key, when it is sent again, then the first answer and nothing new stored', async () => {
    const headers = { 'idempotency-key': 'cat-idem-1' };
    const body = catalogueEntryBody({ sku: 'CAT-IDEM' });
    const first = await call(api, 'PUT', '/v1/catalog/CAT-IDEM', { token: ops, body, headers });
    expect(first.json).toEqual({ sku: 'CAT-IDEM', version: 1 });
    const again = await callStoringNothing(api, 'PUT', '/v1/catalog/CAT-IDEM', { token: ops, body, headers });
    expect(again.status).toBe(201);
    expect(again.json).toEqual({ sku: 'CAT-IDEM', version: 1 });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('capacity', () => {
  it('given an ops team, when ops publishes its hours twice, then 201 with versions 1 and 2', async () => {
    const first = await call(api, 'PUT', '/v1/capacity/T-CAP', { token: ops, body: capacityBody() });
    expect(first.status, first.text).toBe(201);
    expect(first.json).toEqual({ opsTeam: 'T-CAP', version: 1 });
    checker.expectDocumented('PUT', '/v1/capacity/{opsTeam}', 201, first.json);
    const second = await call(api, 'PUT', '/v1/capacity/T-CAP', { token: admin, body: { weeklyHours: 37.5 } });
    expect(second.json).toEqual({ opsTeam: 'T-CAP', version: 2 });
  });

  it('given a published capacity, when anyone reads the load from a week, then each week shows the capacity in force in minutes', async () => {
    await call(api, 'PUT', '/v1/capacity/T-LOAD', { token: ops, body: capacityBody() });
    const response = await call(api, 'GET', '/v1/capacity/T-LOAD?from=2026-W51&weeks=3&at=2026-12-14T09:00:00Z', { token: sales });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ opsTeam: 'T-LOAD', at: '2026-12-14T09:00:00Z', commitments: [] });
    // floor(40 x 60 x 90 / 100) = 2160; the W52 holiday week: floor(8 x 60 x 90 / 100) = 432.
    expect(response.json.weeks).toEqual([
      { week: '2026-W51', capacityMinutes: 2160, scheduledMinutes: 0, utilisationPercent: 0 },
      { week: '2026-W52', capacityMinutes: 432, scheduledMinutes: 0, utilisationPercent: 0 },
      { week: '2026-W53', capacityMinutes: 2160, scheduledMinutes: 0, utilisationPercent: 0 },
    ]);
    checker.expectDocumented('GET', '/v1/capacity/{opsTeam}', 200, response.json);
  });

  it('given a week the year does not have (2027-W53), when it is published, then 400 naming the week and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'PUT', '/v1/capacity/T-BAD', { token: ops, body: capacityBody({ weeks: { '2027-W53': 8 } }) });
    expectProblem(response, 400);
    expect(response.json.errors[0].path).toContain('weeks');
    expect(response.json.errors[0].message).toContain('2027-W53');
  });

  it('given negative hours, when they are published, then 400 naming weeklyHours and nothing is stored', async () => {
    const response = await callStoringNothing(api, 'PUT', '/v1/capacity/T-BAD', { token: ops, body: capacityBody({ weeklyHours: -4 }) });
    expectProblem(response, 400);
    expect(response.json.errors.map((error: { path: string }) => error.path)).toContain('weeklyHours');
  });

  it('given a sales caller, when they publish hours, then 403 and nothing is stored', async () => {
    expectProblem(await callStoringNothing(api, 'PUT', '/v1/capacity/T-OPS', { token: sales, body: capacityBody() }), 403);
  });

  it('given an unknown week in the query, when the load is read, then 400 naming query.from', async () => {
    const response = await call(api, 'GET', '/v1/capacity/T-LOAD?from=2027-W53', { token: leadership });
    expectProblem(response, 400);
    expect(response.json.errors[0].path).toBe('query.from');
  });
});
