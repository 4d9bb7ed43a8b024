import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/httpFixture.ts';
import { call } from '../support/localApi.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const redocly = join(root, 'node_modules', '.bin', 'redocly');

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/**
 * Lints the document as the API serves it, with the repository's redocly.yaml (the recommended rules) and
 * its ignore file (each exception with its reason), both beside the document as redocly reads them.
 */
const lint = async (document: unknown): Promise<LintReport> => {
  const folder = await mkdtemp(join(tmpdir(), 'handshake-openapi-'));
  try {
    await writeFile(join(folder, 'openapi.json'), JSON.stringify(document, null, 2));
    await copyFile(join(root, 'redocly.yaml'), join(folder, 'redocly.yaml'));
    await copyFile(join(root, '.redocly.lint-ignore.yaml'), join(folder, '.redocly.lint-ignore.yaml'));
    // redocly exits non-zero when it finds errors; its report is on stdout either way.
    const { stdout, stderr } = await promisify(execFile)(redocly, ['lint', 'openapi.json', '--format=json'], {
      cwd: folder,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((failure: { stdout?: string; stderr?: string }) => ({ stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' }));
    if (!stdout.trim()) throw new Error(`redocly lint gave no report: ${stderr}`);
    return JSON.parse(stdout) as LintReport;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};

const { api } = useTestApi();

describe('redocly lint of the served OpenAPI document', () => {
  it('given the document GET /v1/openapi.json serves, when linted with the recommended rules, then there is no error and no warning', async () => {
    const served = await call(api, 'GET', '/v1/openapi.json');

    const report = await lint(served.json);

    const found = report.problems.map((problem) => `${problem.severity} ${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`);
    expect(found).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 120_000);

  it('given an example that does not fit its schema, when linted, then the lint finds it', async () => {
    const served = (await call(api, 'GET', '/v1/openapi.json')).json;
    served.paths['/v1/deals'].post.requestBody.content['application/json'].example.value.amount = 'a lot';

    const report = await lint(served);

    expect(report.problems.map((problem) => problem.ruleId)).toContain('no-invalid-media-type-examples');
  }, 120_000);
});
