import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { EVENT_BUS_ENV, PUBLISH_DLQ_URL_ENV } from '../../functions/config.ts';
import { functionEntries, scheduledEntries, streamConsumerEntries } from '../../functions/handlers/entries.ts';
import { esbuildBuildOptions } from '../../infra/constructs/lambdaBundling.ts';
import { quantile } from './stats.ts';

/** What a function does: answers the HTTP API, or works in the background (stream consumers and schedules). */
type FunctionKind = 'api' | 'background';

/**
 * Each Lambda's bundle, built with the options the CDK deploys with, against a bundle of the
 * DynamoDB client alone: its size, and how long a fresh Node.js process takes to import it (what a
 * cold start pays before the first request), with the environment the CDK gives the function, and
 * with source maps read (what `--enable-source-maps` would cost it).
 */

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The reference: a function that only creates a DynamoDB client, the least any of ours does. */
const BASELINE_SOURCE = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({});
export const handler = async () => client.config.region();`;
export const BASELINE = 'dynamodb-client-only';
/**
 * The same client as our bundles build it, with only the environment's credentials (the alias in
 * infra/constructs/lambdaBundling.ts): how much of a function's lead over the baseline is that trim.
 */
export const TRIMMED_BASELINE = 'dynamodb-client-lambda-credentials';

export interface BundleMeasure {
  name: string;
  kind: FunctionKind;
  bytes: number;
  mapBytes: number;
  /** Bytes of zod's locale files in the bundle, and how many there are. */
  zodLocales: { files: number; bytes: number };
  /** Cold import, CPU ms: median, p25 and p75 of the samples, in the function's runtime environment. */
  importMs: { median: number; p25: number; p75: number };
  /** The same with `--enable-source-maps`. */
  importMsWithSourceMaps: number;
}

export interface ColdStartOptions {
  samples: number;
}


const localeBytes = (metafile: Metafile, outfile: string) => {
  const output = Object.entries(metafile.outputs).find(([file]) => path.resolve(projectRoot, file) === outfile)![1];
  const locales = Object.entries(output.inputs).filter(([file, input]) => /node_modules\/zod\/.*locales\/(?!index)/.test(file) && input.bytesInOutput > 0);
  return { files: locales.length, bytes: locales.reduce((sum, [, input]) => sum + input.bytesInOutput, 0) };
};

// The import is timed inside the fresh process, so Node.js's own start-up is left out; in CPU time
// (user + system) of that process, as on a shared machine its wall clock also counts other processes.
const IMPORT_PROBE = `const started = process.cpuUsage();
await import(process.argv[1]);
const used = process.cpuUsage(started);
process.stdout.write(String((used.user + used.system) / 1000));`;

const importOnce = (file: string, runtimeEnvironment: Record<string, string>): number => {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    AWS_REGION: 'us-east-1',
    POWERTOOLS_SERVICE_NAME: 'handshake',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // What the publisher insists on at start-up; nothing is sent.
    [EVENT_BUS_ENV]: 'bench-bus',
    [PUBLISH_DLQ_URL_ENV]: 'https://sqs.us-east-1.amazonaws.com/000000000000/bench-dlq',
    ...runtimeEnvironment,
  };
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', IMPORT_PROBE, pathToFileURL(file).href], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`importing ${file} failed: ${run.stderr}`);
  return Number(run.stdout);
};

export const runColdStartBench = async (options: ColdStartOptions): Promise<BundleMeasure[]> => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'handshake-cold-'));
  try {
    const entries: [string, string, FunctionKind][] = [
      [BASELINE, '', 'api'],
      [TRIMMED_BASELINE, '', 'api'],
      ...Object.entries(functionEntries).map(([name, entry]): [string, string, FunctionKind] => [name, entry, 'api']),
      ...Object.entries({ ...streamConsumerEntries, ...scheduledEntries }).map(([name, entry]): [string, string, FunctionKind] => [name, entry, 'background']),
    ];
    const bundles: { name: string; kind: FunctionKind; file: string; metafile: Metafile }[] = [];
    for (const [name, entry, kind] of entries) {
      const file = path.join(outDir, name, 'index.mjs');
      const buildOptions = esbuildBuildOptions(path.join(projectRoot, entry), file);
      const baseline = { ...buildOptions, entryPoints: undefined, stdin: { contents: BASELINE_SOURCE, resolveDir: projectRoot, loader: 'ts' as const, sourcefile: 'baseline.ts' } };
      // The baseline is the SDK's client as it comes, default credential chain and all.
      const result = await build(entry ? buildOptions : name === BASELINE ? { ...baseline, alias: undefined } : baseline);
      bundles.push({ name, kind, file, metafile: result.metafile! });
    }
    const samples = new Map(bundles.map((bundle) => [bundle.name, { runtime: [] as number[], sourceMaps: [] as number[] }]));
    // Interleaved: every sample round imports each bundle once, so a busy moment hurts all alike.
    for (let round = 0; round < options.samples; round++) {
      for (const bundle of bundles) {
        samples.get(bundle.name)!.runtime.push(importOnce(bundle.file, {}));
        samples.get(bundle.name)!.sourceMaps.push(importOnce(bundle.file, { NODE_OPTIONS: '--enable-source-maps' }));
      }
    }
    return bundles.map(({ name, kind, file, metafile }) => {
      const measured = samples.get(name)!;
      let mapBytes = 0;
      try {
        mapBytes = statSync(`${file}.map`).size;
      } catch {
        // No source map was asked for.
      }
      return {
        name,
        kind,
        bytes: statSync(file).size,
        mapBytes,
        zodLocales: localeBytes(metafile, file),
        importMs: { median: quantile(measured.runtime, 0.5), p25: quantile(measured.runtime, 0.25), p75: quantile(measured.runtime, 0.75) },
        importMsWithSourceMaps: quantile(measured.sourceMaps, 0.5),
      };
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
};
