import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { monthsClose, payoutsShow } from '../../functions/cli/incentiveCommands.ts';
import { useTestStack } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { closeDealBody, deliveryBody, handoffBody } from '../support/sampleDeals.ts';

/** `npx handshake months close` and `payouts show`, run against the local stack as an operator would. */
const { stack } = useTestStack({ now: () => new Date('2026-11-02T09:00:00Z') });
let printed: string[] = [];

beforeAll(async () => {
  const admin = await tokenFor('P-ADMIN', 'admin');
  const plan = {
    planId: 'joint', version: 1, effectiveFrom: '2026-01', currency: 'USD', poolRateBps: 200, graceMinutes: 0,
    gates: { minPromiseKeptRate: 0.8 },
    nps: { minResponses: 5, bands: [{ minScore: -100, multiplierBps: 10000 }] },
    split: { salesBps: 5000, opsBps: 5000 },
  };
  expect((await call(stack, 'PUT', '/v1/incentive-plans/joint', { token: admin, body: plan })).status).toBe(201);
  expect((await call(stack, 'POST', '/v1/deals', { token: admin, body: closeDealBody('CLI-1') })).status).toBe(201);
  expect((await call(stack, 'POST', '/v1/deals/CLI-1/handoff', { token: admin, body: handoffBody() })).status).toBe(201);
  expect((await call(stack, 'POST', '/v1/deals/CLI-1/delivery', { token: admin, body: deliveryBody() })).status).toBe(201);
  await stack.drain();
});

const capture = () => {
  printed = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void printed.push(parts.join(' ')));
};
afterEach(() => vi.restoreAllMocks());

describe('the incentive CLI', () => {
  it('given a delivered deal, when an operator shows the open month, then the preview names the pool and each statement in major units', async () => {
    capture();
    await payoutsShow(['2026-10', '--url', stack.url]);
    const output = printed.join('\n');
    expect(output).toContain('2026-10: open (live preview), plan joint v1');
    // 2% of 1,250,000 cents is 25,000 cents: 125.00 split evenly between the seller and the ops person.
    expect(output).toContain('pool 250.00 USD: sales 125.00 USD, ops 125.00 USD');
    expect(output).toMatch(/P-SALES-1\s+sales\s+125\.00 USD/);
    expect(output).toMatch(/P-OPS-1\s+ops\s+125\.00 USD/);
  });

  it('given an ended month, when it is closed twice from the CLI, then the second run says it was already closed and prints the same close', async () => {
    capture();
    await monthsClose(['2026-10', '--url', stack.url]);
    const first = printed.join('\n');
    expect(first).toContain('Closed 2026-10.');
    expect(first).toContain(`${stack.url}/v1/reports/2026-10/csv`);
    capture();
    await monthsClose(['2026-10', '--url', stack.url]);
    const second = printed.join('\n');
    expect(second).toContain('2026-10 was already closed');
    expect(second.split('\n').slice(1)).toEqual(first.split('\n').slice(1));
  });

  it('given a month that is not a month, when closed, then the CLI says how to name one', async () => {
    await expect(monthsClose(['October', '--url', stack.url])).rejects.toThrow(/YYYY-MM/);
    await expect(payoutsShow(['2026-13', '--url', stack.url])).rejects.toThrow(/YYYY-MM/);
  });
});
