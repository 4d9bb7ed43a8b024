import type { Readable } from 'node:stream';
import type { NpsResponse } from '../../domain/deal/events.ts';
import type { FieldError } from '../http/problem.ts';
import { MAX_IMPORT_BATCH } from '../../domain/nps/importedResponse.ts';
import { readNpsCsv } from './csvImport.ts';

/** What POST /v1/nps/responses answers for one batch. */
export interface BatchAnswer {
  results: { index: number; status: 'recorded' | 'duplicate' }[];
  rejected: { index: number; errors: FieldError[] }[];
}

export interface ImportReport {
  accepted: number;
  duplicates: number;
  rejected: { line: number; errors: FieldError[] }[];
}

/**
 * Imports an NPS CSV through the API in batches: rows the file gets wrong are reported by line
 * without being sent, rows the API refuses are mapped back to their lines, and the rest are recorded.
 */
export const importNpsCsv = async (options: {
  input: Readable;
  send: (responses: NpsResponse[]) => Promise<BatchAnswer>;
  batchSize?: number;
  onRows?: (rows: number) => void;
}): Promise<ImportReport> => {
  const batchSize = Math.min(options.batchSize ?? 200, MAX_IMPORT_BATCH);
  const report: ImportReport = { accepted: 0, duplicates: 0, rejected: [] };
  let batch: { line: number; response: NpsResponse }[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    const answer = await options.send(sent.map((row) => row.response));
    for (const result of answer.results) {
      if (result.status === 'recorded') report.accepted += 1;
      else report.duplicates += 1;
    }
    for (const refused of answer.rejected) report.rejected.push({ line: sent[refused.index]!.line, errors: refused.errors });
    options.onRows?.(sent.length);
  };

  for await (const row of readNpsCsv(options.input)) {
    if ('errors' in row) {
      report.rejected.push(row);
      options.onRows?.(1);
    } else {
      batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
  }
  await flush();
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
};
