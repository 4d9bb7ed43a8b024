import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/roles.ts';
import { expectProblem } from '../support/expectProblem.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { call, tokenFor, type CallResponse } from '../support/localApi.ts';
import { closeDealBody, deliveryBody, handoffBody } from '../support/sampleDeals.ts';

/** GET /v1/deals/{dealId}: admin and leadership see every deal; sales and ops see the deals they are part of. */

const { api } = useTestApi();
beforeAll(async () => {
  const seller = await tokenFor('P-SELLER', 'sales');
  // Q-OPEN: closed by P-SELLER, not handed off.
  expect((await call(api, 'POST', '/v1/deals', { token: seller, body: closeDealBody('Q-OPEN', { seller: { id: 'P-SELLER' } }) })).status).toBe(201);
  // Q-HANDED: closed by an admin on P-SELLER's behalf, handed off to P-OWNER.
  const admin = await tokenFor('P-ADMIN', 'admin');
  expect((await call(api, 'POST', '/v1/deals', { token: admin, body: closeDealBody('Q-HANDED', { seller: { id: 'P-SELLER' } }) })).status).toBe(201);
  expect(
    (await call(api, 'POST', '/v1/deals/Q-HANDED/handoff', { token: admin, body: handoffBody({ opsOwner: { id: 'P-OWNER' } }) })).status,
  ).toBe(201);
  // Q-DELIVERED: delivered by P-CREW, who is not the ops owner.
  expect((await call(api, 'POST', '/v1/deals', { token: admin, body: closeDealBody('Q-DELIVERED', { seller: { id: 'P-SELLER' } }) })).status).toBe(201);
  expect((await call(api, 'POST', '/v1/deals/Q-DELIVERED/handoff', { token: admin, body: handoffBody() })).status).toBe(201);
  expect(
    (await call(api, 'POST', '/v1/deals/Q-DELIVERED/delivery', { token: admin, body: deliveryBody({ deliveredBy: { id: 'P-CREW' } }) })).status,
  ).toBe(201);
});

const read = async (dealId: string, sub: string, ...roles: Role[]) =>
  call(api, 'GET', `/v1/deals/${dealId}`, { token: await tokenFor(sub, ...roles) });

const expectVisible = (response: CallResponse, dealId: string) => {
  expect(response.status, response.text).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.json.dealId).toBe(dealId);
  expect(Array.isArray(response.json.events)).toBe(true);
};

const expectForbidden = (response: CallResponse) => {
  expectProblem(response, 403);
  expect(response.json).not.toHaveProperty('events');
};

describe('who may read a deal', () => {
  it.each(['Q-OPEN', 'Q-HANDED', 'Q-DELIVERED'])('given deal %s, when an admin who is not part of it reads it, then 200', async (dealId) => {
    expectVisible(await read(dealId, 'P-SOME-ADMIN', 'admin'), dealId);
  });

  it.each(['Q-OPEN', 'Q-HANDED', 'Q-DELIVERED'])('given deal %s, when leadership reads it, then 200', async (dealId) => {
    expectVisible(await read(dealId, 'P-VP', 'leadership'), dealId);
  });

  it('given a deal sold by P-SELLER, when P-SELLER (sales) reads it, then 200', async () => {
    expectVisible(await read('Q-OPEN', 'P-SELLER', 'sales'), 'Q-OPEN');
  });

  it('given a deal an admin closed naming P-SELLER as seller, when P-SELLER reads it, then 200 (the seller, not only the recorder, may read)', async () => {
    expectVisible(await read('Q-HANDED', 'P-SELLER', 'sales'), 'Q-HANDED');
  });

  it('given a deal sold by P-SELLER, when another sales person reads it, then 403', async () => {
    expectForbidden(await read('Q-OPEN', 'P-OTHER-SELLER', 'sales'));
    expectForbidden(await read('Q-HANDED', 'P-OTHER-SELLER', 'sales'));
  });

  it('given a deal handed off to P-OWNER, when P-OWNER (ops) reads it, then 200', async () => {
    expectVisible(await read('Q-HANDED', 'P-OWNER', 'ops'), 'Q-HANDED');
  });

  it('given a deal not handed off to them, when an ops person reads it, then 403', async () => {
    expectForbidden(await read('Q-OPEN', 'P-OWNER', 'ops'));
    expectForbidden(await read('Q-HANDED', 'P-OTHER-OPS', 'ops'));
  });

  it('given a deal delivered by P-CREW, when P-CREW (ops) reads it, then 200', async () => {
    expectVisible(await read('Q-DELIVERED', 'P-CREW', 'ops'), 'Q-DELIVERED');
  });

  it('given a caller with no role, when they read even their own deal, then 403', async () => {
    expectForbidden(await read('Q-OPEN', 'P-SELLER'));
  });

  it('given no token, then 401; given a bad token, then 401', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const response = await call(api, 'GET', '/v1/deals/Q-OPEN', token ? { token } : {});
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.json).toMatchObject({ status: 401, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
    }
  });

  it('given a deal that does not exist, when a sales person asks for it, then 404 (not 403)', async () => {
    const response = await read('Q-NOTHING', 'P-SELLER', 'sales');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('given an invalid deal id in the path, then 400 naming path.dealId', async () => {
    const response = await read('bad%20id', 'P-VP', 'leadership');
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([{ path: 'path.dealId', message: expect.any(String) }]);
  });
});
