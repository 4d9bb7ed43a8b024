import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NpsResponse } from '../../domain/deal/events.ts';
import { eventsTable } from '../../functions/eventStore/eventsTable.ts';
import { readNpsCsv, type CsvRow } from '../../functions/nps/csvImport.ts';
import { importNpsCsv, type BatchAnswer } from '../../functions/nps/npsCsvImporter.ts';
import { scorecardNpsOf } from '../support/apiSteps.ts';
import { useTestStack } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { closeDealBody } from '../support/sampleDeals.ts';
import { countItems, scanItems } from '../support/storedItems.ts';

/*
 * The operator's CSV import: `npx handshake nps import FILE.csv`. Columns response_id, deal_id, score,
 * comment, responded_at after a header row; quoted fields may hold commas, doubled quotes and newlines.
 * Every row is reported by the line it starts on; one bad row never drops the good ones.
 *
 * test/fixtures/nps/nps-import-quoted.csv, line by line:
 *   1 header | 2 CSV-G-1 "Fast, friendly, and on time" | 3-4 CSV-G-2 two-line comment | 5 CSV-G-3 no comment, +02:00
 *   6-8 CSV-G-4 three-line comment with doubled quotes, no deal | 9 CSV-G-5 unquoted comment, unknown deal
 * test/fixtures/nps/nps-import-bad-rows.csv:
 *   1 header | 2 CSV-M-1 9 | 3 CSV-M-2 score 7.5 (bad) | 4-5 CSV-M-3 8, two-line comment | 6 CSV-M-4 "last Tuesday" (bad)
 *   7 no response_id (bad) | 8 CSV-M-6 10
 *   Imported on the stack (September 2026, UTC): D-CSV-1 (P-CSV-1) gets 9; D-CSV-2 (P-CSV-2) gets 8 and 10
 *   -> org P2 Pa1 D0 = 66.7 -> 67; P-CSV-1 100; P-CSV-2 P1 Pa1 = 50.
 */

const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/nps/${name}`, import.meta.url));
const fixtureText = (name: string): string => readFileSync(fixturePath(name), 'utf8');
const QUOTED = 'nps-import-quoted.csv';
const BAD_ROWS = 'nps-import-bad-rows.csv';
const MISSING_SCORE_COLUMN = 'nps-import-missing-score-column.csv';

const readAll = async (text: string): Promise<CsvRow[]> => {
  const rows: CsvRow[] = [];
  for await (const row of readNpsCsv(Readable.from([text]))) rows.push(row);
  return rows;
};
const linesOf = (rows: CsvRow[]) => rows.map((row) => row.line);
const goodLines = (rows: CsvRow[]) => rows.flatMap((row) => ('response' in row ? [row.line] : []));
const badRows = (rows: CsvRow[]) => rows.flatMap((row) => ('errors' in row ? [{ line: row.line, paths: row.errors.map((e) => e.path) }] : []));

const QUOTED_RESPONSES: NpsResponse[] = [
  { provider: 'import', responseId: 'CSV-G-1', dealId: 'D-CSV-1', score: 10, comment: 'Fast, friendly, and on time', respondedAt: '2026-09-03T10:00:00Z' },
  { provider: 'import', responseId: 'CSV-G-2', dealId: 'D-CSV-1', score: 6, comment: 'The crew was great.\nThe paperwork, less so.', respondedAt: '2026-09-04T11:30:00Z' },
  { provider: 'import', responseId: 'CSV-G-3', dealId: 'D-CSV-2', score: 8, respondedAt: '2026-09-05T09:15:00+02:00' },
  { provider: 'import', responseId: 'CSV-G-4', dealId: null, score: 9, comment: 'Said "best contractor" twice,\nthen again\non the phone', respondedAt: '2026-09-06T14:00:00Z' },
  { provider: 'import', responseId: 'CSV-G-5', dealId: 'D-CSV-404', score: 3, comment: 'plain comment without quotes', respondedAt: '2026-09-07T08:00:00Z' },
];

describe('readNpsCsv', () => {
  it('given a file with a header row and quoted fields holding commas, doubled quotes and newlines, when read, then every row is the answer it says, on the line it starts on', async () => {
    const rows = await readAll(fixtureText(QUOTED));

    expect(rows).toEqual(QUOTED_RESPONSES.map((response, index) => ({ line: [2, 3, 5, 6, 9][index], response })));
  });

  it('given the same file saved with Windows (CRLF) line endings, as RFC 4180 and spreadsheets write it, when read, then each row still reports the line it starts on', async () => {
    const crlf = fixtureText(QUOTED).replace(/\n/g, '\r\n');

    const rows = await readAll(crlf);

    expect(linesOf(rows)).toEqual([2, 3, 5, 6, 9]);
    expect(rows.every((row) => 'response' in row)).toBe(true);
  });

  it('given bad rows (score 7.5, a date that is not an instant, no response_id) among good ones, when read, then exactly those lines are reported by column and the good ones are kept', async () => {
    const rows = await readAll(fixtureText(BAD_ROWS));

    expect(linesOf(rows)).toEqual([2, 3, 4, 6, 7, 8]);
    expect(goodLines(rows)).toEqual([2, 4, 8]);
    expect(badRows(rows)).toEqual([
      { line: 3, paths: ['score'] },
      { line: 6, paths: ['responded_at'] },
      { line: 7, paths: ['response_id'] },
    ]);
    expect(rows.flatMap((row) => ('response' in row ? [row.response.responseId] : []))).toEqual(['CSV-M-1', 'CSV-M-3', 'CSV-M-6']);
  });

  it.each([
    ['a score of 11', '11', 'score'],
    ['a score of -1', '-1', 'score'],
    ['a score in words', 'nine', 'score'],
    ['no score', '', 'score'],
  ])('given a row with %s between good rows, when read, then only that row is reported, by the score column', async (_name, score, column) => {
    const text = [
      'response_id,deal_id,score,comment,responded_at',
      'CSV-S-1,D-CSV-1,9,,2026-09-01T10:00:00Z',
      `CSV-S-2,D-CSV-1,${score},,2026-09-01T10:00:00Z`,
      'CSV-S-3,D-CSV-1,7,,2026-09-01T10:00:00Z',
    ].join('\n');

    const rows = await readAll(text);

    expect(goodLines(rows)).toEqual([2, 4]);
    expect(badRows(rows)).toEqual([{ line: 3, paths: [column] }]);
  });

  it('given a header row without the score column, when read, then it fails with an error naming the missing column', async () => {
    await expect(readAll(fixtureText(MISSING_SCORE_COLUMN))).rejects.toThrow(/header row lacks the column score/);
  });

  it('given a header with a byte-order mark, capitals, spaces and another column order, when read, then the columns are found by name', async () => {
    const rows = await readAll(
      '\uFEFFScore , Response_ID,responded_at,Deal_Id,COMMENT\n10,CSV-H-1,2026-09-01T10:00:00Z,D-CSV-1,"Spot on, thanks"\n',
    );

    expect(rows).toEqual([
      {
        line: 2,
        response: { provider: 'import', responseId: 'CSV-H-1', dealId: 'D-CSV-1', score: 10, comment: 'Spot on, thanks', respondedAt: '2026-09-01T10:00:00Z' },
      },
    ]);
  });

  it('given the first data row is short (its last two columns missing), when read, then that row is reported by its line and the good rows after it are kept', async () => {
    const text = [
      'response_id,deal_id,score,comment,responded_at',
      'CSV-T-1,D-CSV-1,9',
      'CSV-T-2,D-CSV-1,8,,2026-09-01T10:00:00Z',
      'CSV-T-3,D-CSV-1,7,,2026-09-01T11:00:00Z',
    ].join('\n');

    const rows = await readAll(text);

    expect(goodLines(rows)).toEqual([3, 4]);
    expect(badRows(rows)).toEqual([{ line: 2, paths: ['responded_at'] }]);
  });

  it('given a row whose unquoted comment holds a stray quote, among good rows, when read, then the good rows are still read and that row is either kept or reported by its line', async () => {
    const text = [
      'response_id,deal_id,score,comment,responded_at',
      'CSV-Q-1,D-CSV-1,9,,2026-09-01T10:00:00Z',
      'CSV-Q-2,D-CSV-1,8,they said "soon" twice,2026-09-01T11:00:00Z',
      'CSV-Q-3,D-CSV-1,7,,2026-09-01T12:00:00Z',
    ].join('\n');

    const rows = await readAll(text);

    expect(goodLines(rows)).toEqual(expect.arrayContaining([2, 4]));
    expect(linesOf(rows)).toEqual([2, 3, 4]);
  });
});

describe('importNpsCsv', () => {
  it('given a file with bad rows and a batch size of 2, when imported, then only good rows are sent, in batches, and refusals and duplicates from the API are mapped back to their lines', async () => {
    const sent: string[][] = [];
    const progress: number[] = [];
    const send = async (responses: NpsResponse[]): Promise<BatchAnswer> => {
      sent.push(responses.map((response) => response.responseId));
      // The API refuses the second answer of the first batch and already has the only one of the second.
      if (sent.length === 1) {
        return { results: [{ index: 0, status: 'recorded' }], rejected: [{ index: 1, errors: [{ path: 'responses.1.dealId', message: 'unknown' }] }] };
      }
      return { results: [{ index: 0, status: 'duplicate' }], rejected: [] };
    };

    const report = await importNpsCsv({
      input: Readable.from([fixtureText(BAD_ROWS)]),
      send,
      batchSize: 2,
      onRows: (rows) => progress.push(rows),
    });

    expect(sent).toEqual([['CSV-M-1', 'CSV-M-3'], ['CSV-M-6']]);
    expect(report.accepted).toBe(1);
    expect(report.duplicates).toBe(1);
    expect(report.rejected.map((row) => [row.line, row.errors.map((error) => error.path)])).toEqual([
      [3, ['score']],
      [4, ['responses.1.dealId']],
      [6, ['responded_at']],
      [7, ['response_id']],
    ]);
    expect(progress.reduce((sum, rows) => sum + rows, 0)).toBe(6);
  });
});

describe('`handshake nps import` against the running local stack', () => {
  const run = promisify(execFile);
  const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
  const { stack } = useTestStack();
  let admin: string;
  let scratch: string;

  /** The real CLI as an operator runs it, in its own process, with this process's environment (same dev signing key). */
  const cli = (...args: string[]) =>
    run(process.execPath, ['functions/cli/handshake.mjs', 'nps', 'import', ...args, '--url', stack.url], {
      cwd: repoRoot,
      env: { ...process.env },
      timeout: 60_000,
    });

  const storedStreams = async (prefix: string) =>
    (await scanItems(stack)).filter((item) => item[eventsTable.partitionKey]?.S?.startsWith(prefix));

  const npsOf = (month: string, dimension?: string) => scorecardNpsOf(stack, admin, month, dimension);

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'handshake-nps-csv-'));
    admin = await tokenFor('P-ADMIN', 'admin');
    for (const [dealId, seller] of [['D-CSV-1', 'P-CSV-1'], ['D-CSV-2', 'P-CSV-2']] as const) {
      const closed = await call(stack, 'POST', '/v1/deals', {
        token: admin,
        body: closeDealBody(dealId, { closedAt: '2026-09-01T15:00:00Z', seller: { id: seller }, promise: { deliverBy: '2026-09-20T17:00:00Z' } }),
      });
      expect(closed.status).toBe(201);
    }
  });
  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('given the file with bad rows among good ones, when imported, then it prints "accepted 3, duplicate 0, rejected 3" and each bad line, and the good rows are recorded and counted', async () => {
    const { stdout } = await cli(fixturePath(BAD_ROWS));

    const lines = stdout.split('\n');
    expect(lines).toContain('accepted 3, duplicate 0, rejected 3');
    expect(lines.filter((line) => /^\s+line \d+:/.test(line))).toEqual([
      expect.stringMatching(/^\s+line 3: score: /),
      expect.stringMatching(/^\s+line 6: responded_at: /),
      expect.stringMatching(/^\s+line 7: response_id: /),
    ]);
    const answers = (await storedStreams('deal#D-CSV-')).filter((item) => item[eventsTable.type]?.S === 'NpsResponseRecorded');
    expect(answers.map((item) => JSON.parse(item[eventsTable.body]!.S!).data.responseId).sort()).toEqual(['CSV-M-1', 'CSV-M-3', 'CSV-M-6']);

    await stack.drain();
    expect(await npsOf('2026-09')).toEqual({ responses: 3, promoters: 2, passives: 1, detractors: 0, score: 67 });
    expect(await npsOf('2026-09', 'person:P-CSV-1')).toEqual({ responses: 1, promoters: 1, passives: 0, detractors: 0, score: 100 });
    expect(await npsOf('2026-09', 'person:P-CSV-2')).toEqual({ responses: 2, promoters: 1, passives: 1, detractors: 0, score: 50 });
  });

  it('given the same file imported again, when run, then "accepted 0, duplicate 3, rejected 3" and nothing new is stored or counted', async () => {
    const before = await countItems(stack);

    const { stdout } = await cli(fixturePath(BAD_ROWS));

    expect(stdout.split('\n')).toContain('accepted 0, duplicate 3, rejected 3');
    expect(await countItems(stack)).toBe(before);
    await stack.drain();
    expect((await npsOf('2026-09')).responses).toBe(3);
  });

  it('given a file whose header lacks the score column, when imported, then the CLI fails naming the column and nothing is stored', async () => {
    const before = await countItems(stack);

    const failure = await cli(fixturePath(MISSING_SCORE_COLUMN)).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );

    expect(failure).not.toBeNull();
    expect(failure!.code).toBe(2);
    expect(failure!.stderr).toContain('the header row lacks the column score');
    expect(await countItems(stack)).toBe(before);
  });

  it('given a large file (450 rows: three batches) with a bad row and a repeated response id late in it, when imported, then the summary and line numbers are right and, its stderr not being a terminal, no progress bar is drawn', async () => {
    const row = (n: number) => `CSV-L-${n},,${n % 11},"row ${n}, unattributed",2026-08-${String((n % 28) + 1).padStart(2, '0')}T10:00:00Z`;
    const rows = ['response_id,deal_id,score,comment,responded_at'];
    for (let n = 1; n <= 450; n++) {
      const line = n + 1;
      if (line === 301) rows.push(`CSV-L-${n},,12,"out of range",2026-08-10T10:00:00Z`);
      // Line 420 repeats line 6's answer exactly, three batches later.
      else if (line === 420) rows.push(row(5));
      else rows.push(row(n));
    }
    const file = join(scratch, 'large.csv');
    await writeFile(file, `${rows.join('\n')}\n`);

    const { stdout, stderr } = await cli(file);

    expect(stdout.split('\n')).toContain('accepted 448, duplicate 1, rejected 1');
    expect(stdout.split('\n').filter((line) => /^\s+line \d+:/.test(line))).toEqual([expect.stringMatching(/^\s+line 301: score: /)]);
    expect(stderr).not.toContain('importing');
    expect((await storedStreams('nps#import:CSV-L-')).length).toBe(448);
  }, 120_000);
});
