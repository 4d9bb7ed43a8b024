import * as z from 'zod';
import { DealId, type NpsResponse } from '../deal/events.ts';
import { Instant } from '../instant.ts';

/** One answer as an operator imports it (a CSV row, or an item of POST /v1/nps/responses). */
export const ImportedNpsResponse = z
  .object({
    responseId: z.string().trim().min(1).max(256),
    dealId: DealId.nullish(),
    score: z.int().min(0).max(10),
    comment: z.string().max(10_000).optional(),
    respondedAt: Instant,
  })
  .strict();
export type ImportedNpsResponse = z.infer<typeof ImportedNpsResponse>;

export const MAX_IMPORT_BATCH = 500;

/** The batch as a whole: each item is validated on its own, so one bad answer never drops the others. */
export const ImportBatch = z
  .object({ responses: z.array(z.unknown()).min(1).max(MAX_IMPORT_BATCH) })
  .strict();

export const toImportedNps = (item: ImportedNpsResponse): NpsResponse => ({
  provider: 'import',
  responseId: item.responseId,
  score: item.score,
  ...(item.comment ? { comment: item.comment } : {}),
  dealId: item.dealId ?? null,
  respondedAt: item.respondedAt,
});
