import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { configDefaults, DATA_DIR_ENV, DYNAMODB_PORT_ENV, EVENT_BUS_PORT_ENV, PORT_ENV } from '../../functions/config.ts';
import { createDynamoClient } from '../../functions/dynamo/dynamoClient.ts';
import { mintDevToken } from '../../functions/local/devSigningKey.ts';
import { freePort } from '../../functions/local/dynamoDbLocal.ts';
import { ensureEventsTable } from '../../functions/local/tables.ts';
import { readStackRecord, type StackRecord } from '../../functions/local/stackRecord.ts';
import { closeDealBody, deliveryBody, handoffBody } from '../support/sampleDeals.ts';
import { quantile } from './stats.ts';

const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

export interface Spread {
  median: number;
  p25: number;
  p75: number;
}
const spread = (values: number[]): Spread => ({ median: quantile(values, 0.5), p25: quantile(values, 0.25), p75: quantile(values, 0.75) });

/** One path at one number of clients: its rate per round, and the latency of every operation of every round. */
export interface PathResult {
  opsPerSecond: Spread;
  p50Ms: number;
  p99Ms: number;
}

export const WORKLOADS = ['raw', 'close', 'handoff', 'delivery'] as const;
export type Workload = (typeof WORKLOADS)[number];

export interface LevelResult {
  clients: number;
  paths: Record<Workload, PathResult>;
  /** Per round, our rate / raw's, side by side (the ">= 0.5x raw at 16 clients"). */
  rateVsRaw: Record<Exclude<Workload, 'raw'>, Spread>;
  /** Per round, our p50 / raw's p50 (the "p50 at 1 client <= 2x raw"). */
  p50VsRaw: Record<Exclude<Workload, 'raw'>, Spread>;
}

export interface LocalStackBenchOptions {
  /** Client counts to measure at, e.g. [1, 16]. */
  levels: number[];
  rounds: number;
  /** Operations per workload per round at each level. */
  perRound: (clients: number) => number;
  warmupOps: number;
  /** Projection lag is probed while the largest level runs. */
  lagPollMs: number;
  /** Extra node flags for the stack's process (e.g. --cpu-prof). */
  stackNodeOptions?: string;
  /** Keep the data folder (profiles, the stack's output) instead of deleting it. */
  keepDataDir?: boolean;
  onProgress?: (line: string) => void;
}

export interface LocalStackBenchResult {
  dataDir: string;
  itemBytes: number;
  levels: LevelResult[];
  lag: { count: number; p50Ms: number; p99Ms: number; maxMs: number; clients: number };
  /** What the stack printed on stdout and stderr while measured (its logs and metric lines). */
  stackOutputBytes: number;
  operations: number;
  errors: number;
}

interface RunningStack {
  record: StackRecord;
  dataDir: string;
  outputFile: string;
  stop: () => Promise<void>;
}

/**
 * `npm start` itself, in a process of its own as a person runs it: persistent DynamoDB Local in a
 * temporary data folder, the API, the projector and the publisher on the stream, the sweep. Its
 * output goes to a file, as a terminal takes it: synchronously. The bench's own quiet settings are
 * not passed on.
 */
const startStack = async (options: Pick<LocalStackBenchOptions, 'stackNodeOptions' | 'keepDataDir'>): Promise<RunningStack> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'handshake-e2e-bench-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [PORT_ENV]: String(await freePort()),
    [DYNAMODB_PORT_ENV]: String(await freePort()),
    [EVENT_BUS_PORT_ENV]: '0',
    [DATA_DIR_ENV]: dataDir,
  };
  delete env.POWERTOOLS_LOG_LEVEL;
  delete env.POWERTOOLS_METRICS_DISABLED;
  const outputFile = join(dataDir, 'stack-output.log');
  const output = createWriteStream(outputFile);
  await new Promise((done) => output.once('open', done));
  const extra = options.stackNodeOptions ? options.stackNodeOptions.split(/\s+/).filter(Boolean) : [];
  // A CPU profile goes to the data folder, not the working tree, unless a folder is named.
  if (extra.includes('--cpu-prof') && !extra.some((flag) => flag.startsWith('--cpu-prof-dir'))) extra.push(`--cpu-prof-dir=${join(dataDir, 'profiles')}`);
  const nodeArgs = ['--import', 'tsx', ...extra];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, 'functions/local/start.ts'], {
    env,
    cwd: process.cwd(),
    stdio: ['ignore', output, output],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 120_000;
  let found = readStackRecord(dataDir);
  while (found.state !== 'running') {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}; see ${outputFile}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up within 120 s; see ${outputFile}`);
    await new Promise((wait) => setTimeout(wait, 200));
    found = readStackRecord(dataDir);
  }
  return {
    record: found.record,
    dataDir,
    outputFile,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      output.close();
      if (!options.keepDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
};

/** Runs `operation(i)` for i in [0, count) with `clients` in flight; answers the rate and each operation's latency. */
const measure = async (count: number, clients: number, operation: (i: number) => Promise<void>) => {
  let next = 0;
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const i = next++;
        const began = process.hrtime.bigint();
        await operation(i);
        latencies.push(elapsedMs(began));
      }
    }),
  );
  return { rate: count / (elapsedMs(started) / 1000), latencies };
};

/**
 * The running local stack over HTTP (issue 13, point 4): close, handoff and delivery through the API
 * of a real `npm start`, against a raw conditional PutItem of a stored deal's item on the same
 * DynamoDB Local, in interleaved rounds at each client count; then, while the largest count runs,
 * the projection lag: from a close's 201 to its seller's scorecard counting it, probed one close at a
 * time beside our workloads at the largest count.
 */
export const runLocalStackBench = async (options: LocalStackBenchOptions): Promise<LocalStackBenchResult> => {
  const progress = options.onProgress ?? (() => {});
  const stack = await startStack(options);
  const client: DynamoDBClient = createDynamoClient({ dynamoDbEndpoint: stack.record.dynamoDbEndpoint, region: 'us-east-1' });
  const api = stack.record.apiUrl;
  let errors = 0;
  let operations = 0;
  try {
    const sales = await mintDevToken({ sub: 'P-SALES-1', roles: ['sales'] });
    const ops = await mintDevToken({ sub: 'P-OPS-1', roles: ['ops'] });
    const leadership = await mintDevToken({ sub: 'P-LEAD-1', roles: ['leadership'] });
    const call = async (method: string, path: string, token: string, body?: unknown, expected = 201) => {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      operations += 1;
      if (response.status !== expected) {
        errors += 1;
        throw new Error(`${method} ${path}: ${response.status} ${text}`);
      }
      return text;
    };

    // A stored close supplies the item the raw PutItem writes, so both write the same bytes.
    await call('POST', '/v1/deals', sales, closeDealBody('E2E-SIZE-PROBE'));
    const probe = await client.send(
      new GetItemCommand({ TableName: configDefaults.eventsTable, Key: { s: { S: 'deal#E2E-SIZE-PROBE' }, v: { N: '1' } } }),
    );
    const template = probe.Item!;
    const itemBytes = Object.entries(template).reduce((sum, [name, value]) => sum + name.length + (value.S ?? value.N ?? '').length, 0);
    // The raw puts go to a table of their own made like the events table (stream included), so the stack's
    // consumers never see them.
    const rawTable = `${configDefaults.eventsTable}-raw-bench`;
    await ensureEventsTable(client, rawTable);
    const rawPut = (key: string) =>
      client.send(
        new PutItemCommand({
          TableName: rawTable,
          Item: { ...template, s: { S: key }, v: { N: '1' } } as Record<string, AttributeValue>,
          ConditionExpression: 'attribute_not_exists(#v)',
          ExpressionAttributeNames: { '#v': 'v' },
        }),
      );

    const workloads: Record<Workload, (tag: string, count: number, clients: number) => ReturnType<typeof measure>> = {
      raw: (tag, count, clients) => measure(count, clients, async (i) => void (await rawPut(`raw#${tag}-${i}`))),
      close: (tag, count, clients) => measure(count, clients, async (i) => void (await call('POST', '/v1/deals', sales, closeDealBody(`E-${tag}-${i}`)))),
      handoff: (tag, count, clients) =>
        measure(count, clients, async (i) => void (await call('POST', `/v1/deals/E-${tag}-${i}/handoff`, sales, handoffBody()))),
      delivery: (tag, count, clients) =>
        measure(count, clients, async (i) => void (await call('POST', `/v1/deals/E-${tag}-${i}/delivery`, ops, deliveryBody()))),
    };
    // A handoff needs its deal closed and a delivery its handoff; raw goes first, between or last in turn.
    const orders: Workload[][] = [
      ['raw', 'close', 'handoff', 'delivery'],
      ['close', 'raw', 'handoff', 'delivery'],
      ['close', 'handoff', 'raw', 'delivery'],
      ['close', 'handoff', 'delivery', 'raw'],
    ];

    progress(`e2e: warm-up (${options.warmupOps} ops a workload)`);
    for (let done = 0, round = 0; done < options.warmupOps; done += 50, round++) {
      for (const name of orders[0]!) await workloads[name](`w${round}`, 50, 8);
    }

    // A scorecard that counts this close proves the projector has caught up to it: polled until it does.
    let probes = 0;
    const closeAndWaitForScorecard = async () => {
      const seller = `P-PROBE-${probes++}`;
      await call('POST', '/v1/deals', sales, closeDealBody(`PROBE-${probes}`, { seller: { id: seller } }));
      const created = process.hrtime.bigint();
      for (;;) {
        const card = JSON.parse(await call('GET', `/v1/scorecards/2026-10?dimension=person:${seller}`, leadership, undefined, 200));
        if (card.deals?.closed === 1) return elapsedMs(created);
        if (elapsedMs(created) > 120_000) throw new Error(`${seller}'s close not on its scorecard after 120 s`);
        await new Promise((wait) => setTimeout(wait, options.lagPollMs));
      }
    };
    // Projection lag: one close at a time, beside the workload, for as long as it runs.
    const lagProbe = () => {
      const lags: number[] = [];
      let stopping = false;
      const loop = (async () => {
        while (!stopping) lags.push(await closeAndWaitForScorecard());
      })();
      return { stop: async () => ((stopping = true), await loop, lags) };
    };

    const levels: LevelResult[] = [];
    const lags: number[] = [];
    const largest = Math.max(...options.levels);
    for (const clients of options.levels) {
      const count = options.perRound(clients);
      const rates = Object.fromEntries(WORKLOADS.map((name) => [name, [] as number[]])) as Record<Workload, number[]>;
      const latencies = Object.fromEntries(WORKLOADS.map((name) => [name, [] as number[]])) as Record<Workload, number[]>;
      const rateVsRaw = { close: [] as number[], handoff: [] as number[], delivery: [] as number[] };
      const p50VsRaw = { close: [] as number[], handoff: [] as number[], delivery: [] as number[] };
      for (let round = 0; round < options.rounds; round++) {
        progress(`e2e: ${clients} client(s), round ${round + 1}/${options.rounds}`);
        const measured = {} as Record<Workload, Awaited<ReturnType<typeof measure>>>;
        for (const name of orders[round % orders.length]!) {
          // Each workload starts on a stack that has projected everything before it, so raw meets a quiet
          // server and ours pays for the projecting and publishing its own writes cause, not earlier ones'.
          await closeAndWaitForScorecard();
          const lag = clients === largest && name !== 'raw' ? lagProbe() : undefined;
          measured[name] = await workloads[name](`c${clients}r${round}`, count, clients);
          if (lag) lags.push(...(await lag.stop()));
        }
        for (const name of WORKLOADS) {
          rates[name].push(measured[name].rate);
          latencies[name].push(...measured[name].latencies);
        }
        const rawP50 = quantile(measured.raw.latencies, 0.5);
        for (const name of ['close', 'handoff', 'delivery'] as const) {
          rateVsRaw[name].push(measured[name].rate / measured.raw.rate);
          p50VsRaw[name].push(quantile(measured[name].latencies, 0.5) / rawP50);
        }
      }
      const path = (name: Workload): PathResult => ({
        opsPerSecond: spread(rates[name]),
        p50Ms: quantile(latencies[name], 0.5),
        p99Ms: quantile(latencies[name], 0.99),
      });
      levels.push({
        clients,
        paths: { raw: path('raw'), close: path('close'), handoff: path('handoff'), delivery: path('delivery') },
        rateVsRaw: { close: spread(rateVsRaw.close), handoff: spread(rateVsRaw.handoff), delivery: spread(rateVsRaw.delivery) },
        p50VsRaw: { close: spread(p50VsRaw.close), handoff: spread(p50VsRaw.handoff), delivery: spread(p50VsRaw.delivery) },
      });
    }
    return {
      dataDir: stack.dataDir,
      itemBytes,
      levels,
      lag: {
        count: lags.length,
        p50Ms: lags.length ? quantile(lags, 0.5) : NaN,
        p99Ms: lags.length ? quantile(lags, 0.99) : NaN,
        maxMs: lags.length ? Math.max(...lags) : NaN,
        clients: largest,
      },
      stackOutputBytes: (await stat(stack.outputFile)).size,
      operations,
      errors,
    };
  } finally {
    client.destroy();
    await stack.stop();
  }
};
