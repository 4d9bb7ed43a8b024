import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { NpsResponse } from '../../domain/deal/events.ts';
import { apiOptions, operatorEndpoint, reach } from './operatorApi.ts';
import { progressBar } from './progressBar.ts';
import { importNpsCsv, type BatchAnswer } from '../nps/npsCsvImporter.ts';

export const npsImportUsage = `  nps import FILE.csv [--url http://localhost:3000] [--token <admin JWT>]
      Import NPS answers (columns response_id, deal_id, score, comment, responded_at) through
      POST /v1/nps/responses; reports accepted, duplicate and rejected rows with line numbers.`;

const rowsRead = (count: number) => `${count} ${count === 1 ? 'row' : 'rows'}`;

/** `npx handshake nps import FILE.csv`: the operator's CSV import, through the same API the tools use. */
export const npsImport = async (args: string[]): Promise<void> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: apiOptions,
  });
  const file = positionals[0];
  if (!file) throw new Error('name the CSV file to import');
  const { url, token, address } = await operatorEndpoint(values, 'cli:nps-import');

  const size = (await stat(file)).size;
  const input = createReadStream(file);
  const bar = progressBar('importing [{bar}] {percentage}% | {rows} | {value}/{total} bytes');
  bar.start(size, 0, { rows: rowsRead(0) });
  let rows = 0;
  const send = async (responses: NpsResponse[]): Promise<BatchAnswer> => {
    const answer = await reach(address, '/v1/nps/responses', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        responses: responses.map(({ responseId, dealId, score, comment, respondedAt }) => ({ responseId, dealId, score, comment, respondedAt })),
      }),
    });
    const body = (await answer.json()) as BatchAnswer & { detail?: string; errors?: BatchAnswer['rejected'][number]['errors'] };
    if (answer.status === 400 && body.errors) {
      // Every row of the batch was refused: spread the errors back onto their rows.
      const rejected = responses.map((_, index) => ({
        index,
        errors: body.errors!.filter((error) => error.path.startsWith(`responses.${index}.`) || error.path === `responses.${index}`),
      }));
      return { results: [], rejected };
    }
    if (!answer.ok) throw new Error(`${url} answered ${answer.status}: ${body.detail ?? JSON.stringify(body)}`);
    return body;
  };
  try {
    const report = await importNpsCsv({
      input,
      send,
      onRows: (count) => {
        rows += count;
        bar.update(input.bytesRead, { rows: rowsRead(rows) });
      },
    });
    bar.update(size, { rows: rowsRead(rows) });
    bar.stop();
    console.log(`accepted ${report.accepted}, duplicate ${report.duplicates}, rejected ${report.rejected.length}`);
    for (const row of report.rejected) {
      console.log(`  line ${row.line}: ${row.errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`);
    }
  } finally {
    bar.stop();
  }
};
