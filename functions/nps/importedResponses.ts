import type { NpsResponse } from '../../domain/deal/events.ts';
import { ImportedNpsResponse, toImportedNps } from '../../domain/nps/importedResponse.ts';
import type { FieldError } from '../http/problem.ts';
import { fieldErrors } from '../http/requestBody.ts';

export type ItemCheck = { index: number; response: NpsResponse } | { index: number; errors: FieldError[] };

export const checkImportedItems = (items: readonly unknown[]): ItemCheck[] =>
  items.map((item, index) => {
    const parsed = ImportedNpsResponse.safeParse(item);
    if (parsed.success) return { index, response: toImportedNps(parsed.data) };
    return {
      index,
      errors: fieldErrors(parsed.error).map((error) => ({ ...error, path: `responses.${index}.${error.path === '(body)' ? '' : error.path}`.replace(/\.$/, '') })),
    };
  });
