import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { monthsClose, payoutsShow } from '../../functions/cli/incentiveCommands.ts';
import { writeStackRecord } from '../../functions/local/stackRecord.ts';
import { expectDocumentedAnswer } from '../support/contractCheck.ts';
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

describe('the real CLI, run as a newcomer runs it, with no flags', () => {
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
  /** This process's environment (same dev signing key), minus anything that would point the CLI somewhere itself. */
  const cli = (...args: string[]) => {
    const { PORT: _port, HANDSHAKE_API_URL: _url, ...env } = process.env;
    return promisify(execFile)(process.execPath, ['functions/cli/handshake.mjs', ...args], {
      cwd: repoRoot,
      env: { ...env, HANDSHAKE_DATA_DIR: stack.dataDir },
      timeout: 60_000,
    });
  };

  beforeAll(async () => {
    // What `npm start` leaves in its data folder: the stack listens on a port the CLI was never told.
    await writeStackRecord(stack.dataDir, {
      pid: process.pid,
      apiUrl: stack.url,
      dynamoDbEndpoint: 'http://127.0.0.1:8300',
      startedAt: new Date().toISOString(),
    });
  });

  it('given a stack on a non-default port recorded in its data folder, when `payouts show` runs without --url, then it reaches that stack', async () => {
    const { stdout } = await cli('payouts', 'show', '2026-10');

    expect(stdout).toContain('plan joint v1');
    expect(stdout).toMatch(/P-SALES-1\s+sales\s+125\.00 USD/);
  });

  it('given a refusal from the server (409), when the CLI fails, then it prints the error and the one usage line of that command, not every command', async () => {
    const failure = await cli('months', 'close', '2026-12').then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );

    expect(failure?.code).toBe(2);
    const lines = failure!.stderr!.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^handshake months: POST \/v1\/months\/2026-12\/close answered 409: 2026-12 has not ended/);
    expect(lines[1]).toMatch(/^usage: npx handshake months close YYYY-MM/);
    expect(failure!.stderr).not.toContain('Commands:');
  });

  it('given a closed month, when its payroll CSV is downloaded, then it is an attachment named for the month, in major units', async () => {
    capture();
    await monthsClose(['2026-10', '--url', stack.url]);
    const admin = await tokenFor('P-ADMIN', 'admin');

    const response = await fetch(`${stack.url}/v1/reports/2026-10/csv`, { headers: { authorization: `Bearer ${admin}` } });
    const text = await response.text();

    expectDocumentedAnswer('GET', '/v1/reports/2026-10/csv', { status: response.status, headers: response.headers, text });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="payroll-2026-10.csv"');
    expect(text).toMatch(/P-SALES-1,sales,2026-10,125\.00,USD/);
  });
});
