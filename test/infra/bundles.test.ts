import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionEntries } from '../../functions/handlers/entries.ts';
import { esbuildBuildOptions } from '../../infra/constructs/lambdaBundling.ts';
import { closeDealBody } from '../support/sampleDeals.ts';

/**
 * What ships: the commands function bundled exactly as the CDK bundles it. zod's main entry can pull
 * every one of its locales into a bundle; only the English one, which the error messages are
 * written in, may be there, and the bundled handler must still answer bad input in those words.
 */

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
let outDir: string;
let outfile: string;
let metafile: Metafile;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'handshake-bundle-'));
  outfile = path.join(outDir, 'index.mjs');
  metafile = (await build(esbuildBuildOptions(path.join(projectRoot, functionEntries.commands), outfile))).metafile!;
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the commands function as bundled for Lambda', () => {
  it('given the bundle, then the only zod locale in it is English', () => {
    // Every file esbuild read is an input; only those left after tree shaking have bytes in the output.
    const [output] = Object.values(metafile.outputs).filter((candidate) => candidate.entryPoint);
    const locales = Object.entries(output!.inputs)
      .filter(([file, input]) => /node_modules\/zod\/.*locales\/(?!index)/.test(file) && input.bytesInOutput > 0)
      .map(([file]) => path.basename(file));
    expect(locales).toEqual(['en.js']);
  });

  it('given a close with a negative amount, when the bundled handler answers, then it names the field in the same words as ever', async () => {
    const { handler } = (await import(pathToFileURL(outfile).href)) as {
      handler: (event: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    const response = await handler({
      version: '2.0',
      routeKey: 'POST /v1/deals',
      rawPath: '/v1/deals',
      rawQueryString: '',
      headers: { 'content-type': 'application/json' },
      requestContext: { authorizer: { jwt: { claims: { sub: 'P-SALES-1', roles: '[sales]' }, scopes: null } }, requestId: 'bundle-test' },
      body: JSON.stringify(closeDealBody('D-BUNDLE', { value: { amount: -1, currency: 'USD' } })),
      isBase64Encoded: false,
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).errors).toEqual([{ path: 'value.amount', message: 'Too small: expected number to be >=0' }]);
  });
});

describe('how the shipped code imports zod', () => {
  it('given every source file of domain/ and functions/, then each imports zod as a namespace (the named import brings every locale back)', async () => {
    const sources = (
      await Promise.all(
        ['domain', 'functions'].map(async (folder) =>
          (await readdir(path.join(projectRoot, folder), { recursive: true })).filter((file) => file.endsWith('.ts')).map((file) => path.join(folder, file)),
        ),
      )
    ).flat();
    const named: string[] = [];
    for (const file of sources) {
      if (/import\s+(type\s+)?\{[^}]*\bz\b[^}]*\}\s+from\s+'zod'/.test(await readFile(path.join(projectRoot, file), 'utf8'))) named.push(file);
    }

    expect(sources.length).toBeGreaterThan(100);
    expect(named).toEqual([]);
  });
});
