import * as z from '../zod.ts';
import { DealId, type NpsResponse } from '../deal/events.ts';
import { Instant } from '../instant.ts';

/** One answer as an operator imports it (a CSV row, or an item of POST /v1/nps/responses). */
export const ImportedNpsResponse = z.strictObject({
  responseId: z.string().check(z.trim(), z.minLength(1), z.maxLength(256)),
  dealId: z.nullish(DealId),
  score: z.int().check(z.minimum(0), z.maximum(10)),
  comment: z.optional(z.string().check(z.maxLength(10_000))),
  respondedAt: Instant,
});
export type ImportedNpsResponse = z.infer<typeof ImportedNpsResponse>;

export const MAX_IMPORT_BATCH = 500;

/** The batch as a whole: each item is validated on its own, so one bad answer never drops the others. */
export const ImportBatch = z.strictObject({ responses: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_IMPORT_BATCH)) });

export const toImportedNps = (item: ImportedNpsResponse): NpsResponse => ({
  provider: 'import',
  responseId: item.responseId,
  score: item.score,
  ...(item.comment ? { comment: item.comment } : {}),
  dealId: item.dealId ?? null,
  respondedAt: item.respondedAt,
});
