import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { NpsResponse } from '../../domain/deal/events.ts';
import type { FieldError } from '../http/problem.ts';
import { fieldErrors } from '../http/requestBody.ts';
import { ImportedNpsResponse, toImportedNps } from '../../domain/nps/importedResponse.ts';

export const CSV_COLUMNS = ['response_id', 'deal_id', 'score', 'comment', 'responded_at'] as const;

/** One data row of the file: a valid answer, or what is wrong with it; `line` is where the row starts. */
export type CsvRow = { line: number; response: NpsResponse } | { line: number; errors: FieldError[] };

const columnOf: Record<string, string> = {
  responseId: 'response_id',
  dealId: 'deal_id',
  score: 'score',
  comment: 'comment',
  respondedAt: 'responded_at',
};

/** A CSV cell is text: a score must be written as a whole number, and an empty cell is no value. */
const toImportItem = (record: Record<string, string>) => ({
  responseId: record.response_id ?? '',
  dealId: record.deal_id?.trim() ? record.deal_id.trim() : null,
  score: /^\s*\d+\s*$/.test(record.score ?? '') ? Number(record.score) : record.score?.trim() ? record.score : undefined,
  ...(record.comment?.trim() ? { comment: record.comment } : {}),
  respondedAt: record.responded_at?.trim() ?? '',
});

/**
 * Reads an NPS export (a header row, then response_id, deal_id, score, comment, responded_at; quoted
 * fields may hold commas and newlines) row by row. A bad row is reported with its line number and
 * never stops the good ones.
 */
export async function* readNpsCsv(input: Readable): AsyncGenerator<CsvRow> {
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => {
        const names = header.map((name) => name.trim().toLowerCase());
        const missing = CSV_COLUMNS.filter((column) => column !== 'comment' && !names.includes(column));
        if (missing.length) throw new Error(`the header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
        return names;
      },
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // A quote inside an unquoted comment is the customer's text, not a reason to drop the file.
      relax_quotes: true,
    }),
  );
  // csv-parse counts a CRLF inside a quoted field as two lines; a spreadsheet counts one.
  let quotedCrlfs = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    quotedCrlfs += Object.values(record).reduce((sum, value) => sum + (value.match(/\r\n/g)?.length ?? 0), 0);
    const line = info.lines - quotedCrlfs - countNewlines(record);
    const parsed = ImportedNpsResponse.safeParse(toImportItem(record));
    if (parsed.success) yield { line, response: toImportedNps(parsed.data) };
    else yield { line, errors: fieldErrors(parsed.error).map((error) => ({ ...error, path: columnOf[error.path] ?? error.path })) };
  }
}

/** csv-parse reports the line a record ends on; quoted newlines inside it move its start back. */
const countNewlines = (record: Record<string, string>): number =>
  Object.values(record).reduce((sum, value) => sum + (value.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
