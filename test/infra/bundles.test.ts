import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/contract/openApi.ts';
import { functionEntries, scheduledEntries, streamConsumerEntries } from '../../functions/handlers/entries.ts';
import { esbuildBuildOptions } from '../../infra/constructs/lambdaBundling.ts';
import { closeDealBody } from '../support/sampleDeals.ts';

/**
 * What ships: every function bundled exactly as the CDK bundles it. Classic zod (schemas with methods)
 * costs each cold start about 45 ms and 88 KB, so only its functional build, zod/mini, may be in a
 * bundle; and zod's main entry can pull every one of its locales in, so only the English one, which
 * the error messages are written in, may be there. The bundled handler must still answer bad input in
 * those words.
 */

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const entries: Record<string, string> = { ...functionEntries, ...streamConsumerEntries, ...scheduledEntries };
let outDir: string;
let metafiles: Record<string, Metafile>;

/** The files esbuild read for the bundle that still have bytes in it after tree shaking. */
const bundledInputs = (metafile: Metafile): string[] => {
  const [output] = Object.values(metafile.outputs).filter((candidate) => candidate.entryPoint);
  return Object.entries(output!.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file);
};

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'handshake-bundle-'));
  metafiles = Object.fromEntries(
    await Promise.all(
      Object.entries(entries).map(async ([name, entry]) => {
        const outfile = path.join(outDir, name, 'index.mjs');
        return [name, (await build(esbuildBuildOptions(path.join(projectRoot, entry), outfile))).metafile!] as const;
      }),
    ),
  );
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('every function as bundled for Lambda', () => {
  it('given each bundle, then it holds no file of classic zod', () => {
    const classic = Object.entries(metafiles).flatMap(([name, metafile]) =>
      bundledInputs(metafile)
        .filter((file) => /node_modules\/zod\/v4\/classic\//.test(file))
        .map((file) => `${name}: ${file}`),
    );

    expect(Object.keys(metafiles).sort()).toEqual(Object.keys(entries).sort());
    expect(classic).toEqual([]);
  });

  it('given every function but queries, which serves the OpenAPI document, then its bundle holds none of the HTTP contract', () => {
    // package.json names the only source with side effects (domain/zod.ts), so a module none of whose
    // exports a function uses is left out of its bundle, however composition.ts wires the others.
    const contract = Object.entries(metafiles).flatMap(([name, metafile]) =>
      name === 'queries' ? [] : bundledInputs(metafile).filter((file) => /functions\/contract\//.test(file)).map((file) => `${name}: ${path.basename(file)}`),
    );

    expect(bundledInputs(metafiles.queries!).filter((file) => /functions\/contract\//.test(file)).length).toBeGreaterThan(0);
    expect(contract).toEqual([]);
  });

  it("given each bundle, then of the SDK's credential chain only the environment's link is in it, and no S3 client", () => {
    // Lambda gives a function its role's credentials in the environment; the chain's other links and the
    // STS and SSO clients they carry were about 135 KB of every bundle, and the S3 client 140 KB of four.
    const unwanted = /node_modules\/@aws-sdk\/(credential-provider-(?!env\/)[^/]+|nested-clients|client-s3|token-providers)\//;
    const offenders = Object.entries(metafiles).flatMap(([name, metafile]) =>
      [...new Set(bundledInputs(metafile).filter((file) => unwanted.test(file)).map((file) => `${name}: ${unwanted.exec(file)![1]}`))],
    );
    const withEnvironmentCredentials = Object.entries(metafiles)
      .filter(([, metafile]) => bundledInputs(metafile).some((file) => /functions\/aws\/lambdaCredentials\.ts$/.test(file)))
      .map(([name]) => name);

    expect(offenders).toEqual([]);
    expect(withEnvironmentCredentials.sort()).toEqual(Object.keys(entries).sort());
  });

  it('given each bundle, then the only zod locale in it is English', () => {
    const locales = Object.fromEntries(
      Object.entries(metafiles).map(([name, metafile]) => [
        name,
        bundledInputs(metafile)
          .filter((file) => /node_modules\/zod\/.*locales\/(?!index)/.test(file))
          .map((file) => path.basename(file)),
      ]),
    );

    expect(locales).toEqual(Object.fromEntries(Object.keys(entries).map((name) => [name, ['en.js']])));
  });
});

type BundledHandler = (event: unknown) => Promise<{ statusCode: number; body: string }>;

/** A function's handler as its bundle exports it. */
const bundledHandler = async (name: string): Promise<BundledHandler> =>
  ((await import(pathToFileURL(path.join(outDir, name, 'index.mjs')).href)) as { handler: BundledHandler }).handler;

/** An HTTP API request for a route, as API Gateway hands it to a function. */
const httpRequest = (routeKey: string, parts: Record<string, unknown>) => ({
  version: '2.0',
  routeKey,
  rawPath: routeKey.split(' ')[1],
  rawQueryString: '',
  headers: {},
  isBase64Encoded: false,
  ...parts,
});

describe('the commands function as bundled for Lambda', () => {
  it('given a close with a negative amount, when the bundled handler answers, then it names the field in the same words as ever', async () => {
    const handler = await bundledHandler('commands');
    const response = await handler(
      httpRequest('POST /v1/deals', {
        requestContext: { authorizer: { jwt: { claims: { sub: 'P-SALES-1', roles: '[sales]' }, scopes: null } }, requestId: 'bundle-test' },
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(closeDealBody('D-BUNDLE', { value: { amount: -1, currency: 'USD' } })),
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).errors).toEqual([{ path: 'value.amount', message: 'Too small: expected number to be >=0' }]);
  });
});

describe('the queries function as bundled for Lambda', () => {
  it('given its first request is for the OpenAPI document, which it loads only then, when the bundled handler answers, then it is the whole document', async () => {
    const handler = await bundledHandler('queries');
    const response = await handler(httpRequest('GET /v1/openapi.json', { requestContext: { requestId: 'bundle-test' } }));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual(openApiDocument());
  });
});

describe('how the shipped code imports zod', () => {
  it('given every source file of domain/, functions/ and infra/, then each reaches zod only as a namespace of domain/zod.ts', async () => {
    const sources = (
      await Promise.all(
        ['domain', 'functions', 'infra'].map(async (folder) =>
          (await readdir(path.join(projectRoot, folder), { recursive: true })).filter((file) => file.endsWith('.ts')).map((file) => path.join(folder, file)),
        ),
      )
    ).flat();
    const entry = path.join('domain', 'zod.ts');
    const offenders: string[] = [];
    for (const file of sources) {
      if (file === entry) continue;
      const text = await readFile(path.join(projectRoot, file), 'utf8');
      // Any zod package entry (zod, zod/mini, zod/v4...), imported, re-exported or loaded lazily: only domain/zod.ts configures it.
      for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)'([^']+)'/g)) {
        if (/^zod(\/|$)/.test(specifier!)) offenders.push(`${file}: '${specifier}'`);
      }
      // A named import of domain/zod.ts, such as `{ z }`, is zod/mini's whole namespace with every locale.
      for (const [statement] of text.matchAll(/import\s+(?:type\s+)?[^;]*?\s+from\s+'[./]*\/?(?:domain\/)?zod\.ts'/g)) {
        if (!/^import\s+(type\s+)?\*\s+as\s+z\s+from\b/.test(statement)) offenders.push(`${file}: ${statement}`);
      }
    }

    expect(sources.length).toBeGreaterThan(100);
    expect(sources).toContain(entry);
    expect(offenders).toEqual([]);
  });
});
