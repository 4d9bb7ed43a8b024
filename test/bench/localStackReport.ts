import { runLocalStackBench, WORKLOADS, type Spread } from './localStackBench.ts';

/** Issue 13's targets for the local stack: rate at 16 clients >= 0.5x raw, p50 at 1 client <= 2x raw, lag p99 <= 2 s. */
const TARGET_RATE_VS_RAW = 0.5;
const TARGET_P50_VS_RAW = 2;
const TARGET_LAG_P99_MS = 2_000;

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const x = (s: Spread) => `${s.median.toFixed(2)}x (p25 ${s.p25.toFixed(2)}, p75 ${s.p75.toFixed(2)})`;
const ms = (value: number) => value.toFixed(value < 100 ? 1 : 0);
const verdict = (ok: boolean) => (ok ? 'within' : 'OVER');

const LABELS: Record<(typeof WORKLOADS)[number], string> = {
  raw: 'raw conditional PutItem',
  close: 'POST /v1/deals (close)',
  handoff: 'POST .../handoff',
  delivery: 'POST .../delivery',
};

/** `BENCH=e2e`: runs the local stack benchmark with the BENCH_E2E_* settings and prints it; false when a request failed. */
export const localStackBench = async (progress: (line: string) => void): Promise<boolean> => {
  const levels = (process.env.BENCH_E2E_CLIENTS ?? '1,16').split(',').map(Number);
  const options = {
    levels,
    rounds: setting('BENCH_E2E_ROUNDS', 4),
    perRound: (clients: number) => (clients === 1 ? setting('BENCH_E2E_OPS_1', 40) : setting('BENCH_E2E_OPS', 160)),
    warmupOps: setting('BENCH_E2E_WARMUP_OPS', 200),
    lagPollMs: setting('BENCH_E2E_LAG_POLL_MS', 50),
    stackNodeOptions: process.env.BENCH_E2E_NODE_OPTIONS,
    keepDataDir: Boolean(process.env.BENCH_E2E_NODE_OPTIONS) || process.env.BENCH_E2E_KEEP === '1',
    onProgress: progress,
  };
  console.log(
    `Local stack end to end: \`npm start\` in its own process (persistent DynamoDB Local in a temporary folder, projector, publisher, sweep) ` +
      `over HTTP, ${options.warmupOps} warm-up ops a workload, then ${options.rounds} interleaved rounds at ${levels.join(' and ')} client(s) ` +
      `(${levels.map((c) => `${options.perRound(c)} ops a workload at ${c}`).join(', ')}); raw PutItem of the same item on the same server`,
  );
  const result = await runLocalStackBench(options);
  console.log(`  item written: ~${result.itemBytes} bytes; ${result.operations} HTTP requests, ${result.errors} failed`);
  for (const level of result.levels) {
    console.log(`  at ${level.clients} client(s):`);
    for (const name of WORKLOADS) {
      const path = level.paths[name];
      console.log(
        `    ${LABELS[name].padEnd(26)} ${path.opsPerSecond.median.toFixed(0).padStart(5)} ops/s (p25 ${path.opsPerSecond.p25.toFixed(0)}, p75 ${path.opsPerSecond.p75.toFixed(0)})` +
          `   p50 ${ms(path.p50Ms).padStart(5)} ms   p99 ${ms(path.p99Ms).padStart(5)} ms`,
      );
    }
    for (const name of ['close', 'handoff', 'delivery'] as const) {
      const rate = level.rateVsRaw[name];
      const p50 = level.p50VsRaw[name];
      const rateNote = level.clients >= 16 ? ` ${verdict(rate.median >= TARGET_RATE_VS_RAW)} the >= ${TARGET_RATE_VS_RAW}x target` : '';
      const p50Note = level.clients === 1 ? ` ${verdict(p50.median <= TARGET_P50_VS_RAW)} the <= ${TARGET_P50_VS_RAW}x target` : '';
      console.log(`      ${name.padEnd(8)} rate ${x(rate)} raw${rateNote}; p50 ${x(p50)} raw${p50Note}`);
    }
  }
  const { lag } = result;
  console.log(
    `  projection lag (201 to the seller's scorecard counting the close, polled every ${options.lagPollMs} ms, beside the ${lag.clients}-client rounds of ours): ` +
      `${lag.count} closes, p50 ${ms(lag.p50Ms)} ms, p99 ${ms(lag.p99Ms)} ms, max ${ms(lag.maxMs)} ms, ${verdict(lag.p99Ms <= TARGET_LAG_P99_MS)} the p99 <= ${TARGET_LAG_P99_MS / 1000} s target`,
  );
  console.log(`  the stack wrote ${(result.stackOutputBytes / 1024).toFixed(0)} KB of logs and metric lines (${(result.stackOutputBytes / result.operations).toFixed(0)} bytes a request)`);
  if (options.keepDataDir) console.log(`  kept: ${result.dataDir}`);
  return result.errors === 0;
};
