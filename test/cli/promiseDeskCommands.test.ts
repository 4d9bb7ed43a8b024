import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { capacityShow, promiseCheck } from '../../functions/cli/promiseDeskCommands.ts';
import { closeDealBody } from '../support/sampleDeals.ts';

/**
 * The promise-desk commands against a stand-in of the API that answers as API.md says, so what they
 * send and print is checked here; the same commands against the real routes belong with those routes.
 */
const received: { method: string; url: string; body: unknown; authorization?: string }[] = [];
let server: Server;
let url: string;
let dir: string;
let printed: string[] = [];

const answers: Record<string, unknown> = {
  'POST /v1/promise-checks': {
    at: '2026-10-02T15:00:00Z',
    fits: false,
    beyondCapacity: true,
    atRisk: ['D-2'],
    earliestDeliverBy: '2026-11-02T00:00:00Z',
    loadPercent: 125,
    unplanned: { skus: [], opsTeams: [] },
    teams: [{ opsTeam: 'T-OPS', minutes: 6000, fits: false, finishWeek: '2026-W45', earliestDeliverBy: '2026-11-02T00:00:00Z', loadPercent: 125, atRisk: ['D-2'] }],
    verdict: { level: 1, rules: ['beyond-capacity'], rulesVersion: 1 },
  },
  'GET /v1/capacity/T-OPS': {
    opsTeam: 'T-OPS',
    at: '2026-10-02T15:00:00Z',
    weeks: [{ week: '2026-W41', capacityMinutes: 2160, scheduledMinutes: 2700, utilisationPercent: 125 }],
    commitments: [{ dealId: 'D-2', minutes: 2700, deliverBy: '2026-10-09T17:00:00Z', finishWeek: '2026-W42', atRisk: true }],
  },
};

const bodyOf = async (request: IncomingMessage): Promise<unknown> => {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : undefined;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'handshake-cli-'));
  server = createServer(async (request, response) => {
    const path = (request.url ?? '').split('?')[0];
    received.push({ method: request.method ?? '', url: request.url ?? '', body: await bodyOf(request), authorization: request.headers.authorization });
    const answer = answers[`${request.method} ${path}`];
    response.writeHead(answer ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer ?? { title: 'Not Found', status: 404, detail: `no route ${path}` }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  received.length = 0;
});

const capture = () => {
  printed = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void printed.push(parts.join(' ')));
};

describe('npx handshake promise check', () => {
  it('given a deal file, when checked, then the close-deal body is posted with a token and the answer is printed in words', async () => {
    const deal = closeDealBody('D-9');
    const file = join(dir, 'deal.json');
    await writeFile(file, JSON.stringify(deal));
    capture();

    await promiseCheck([file, '--url', url, '--tz', 'UTC']);

    expect(received).toEqual([{ method: 'POST', url: '/v1/promise-checks', body: deal, authorization: expect.stringMatching(/^Bearer \S+$/) }]);
    expect(printed.join('\n')).toContain("earliest honest date: Mon 2 Nov; would put D-2 at risk; needs operations' input (rule beyond-capacity)");
    expect(printed.join('\n')).toContain('D-9 by Tue 20 Oct: operations cannot make it by then.');
  });

  it('given a file that is not a close-deal body, when checked, then it names the field at fault and asks nothing of the API', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ ...closeDealBody('D-9'), promise: {} }));

    await expect(promiseCheck([file, '--url', url])).rejects.toThrow(/promise\.deliverBy/);
    await expect(promiseCheck([join(dir, 'missing.json'), '--url', url])).rejects.toThrow(/missing\.json is not a JSON close-deal body/);
    await expect(promiseCheck(['--url', url])).rejects.toThrow(/name the deal file/);
    expect(received).toEqual([]);
  });
});

describe('npx handshake capacity show', () => {
  it('given a team, weeks and a first week, when shown, then they go in the query and the weeks and commitments at risk are printed', async () => {
    capture();

    await capacityShow(['T-OPS', '--weeks', '4', '--from', '2026-W41', '--url', url, '--tz', 'UTC']);

    expect(received.map((request) => request.url)).toEqual(['/v1/capacity/T-OPS?weeks=4&from=2026-W41']);
    const output = printed.join('\n');
    expect(output).toMatch(/2026-W41\s+36 h\s+45 h\s+\[#{20}\] 125% over/);
    expect(output).toContain('  D-2: 45 h, due Fri 9 Oct, finishes in 2026-W42');
  });

  it('given a week that does not exist or a count that is not one, when shown, then it says how to give them and asks nothing of the API', async () => {
    await expect(capacityShow(['T-OPS', '--from', '2027-W53', '--url', url])).rejects.toThrow(/2027-W53/);
    await expect(capacityShow(['T-OPS', '--weeks', 'eight', '--url', url])).rejects.toThrow(/--weeks/);
    await expect(capacityShow(['--url', url])).rejects.toThrow(/name the ops team/);
    expect(received).toEqual([]);
  });

  it('given a team the API does not know, when shown, then the API answer is the error', async () => {
    await expect(capacityShow(['T-NONE', '--url', url])).rejects.toThrow(/answered 404/);
  });
});
