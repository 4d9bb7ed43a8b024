import { toEpochMs, type Instant } from '../instant.ts';
import type { NpsResponse } from './events.ts';

/** What a deal (or an answer kept on its own) remembers of each NPS answer, to tell a newer version from a retry. */
export interface RecordedNpsAnswer {
  score: number;
  respondedAt: Instant;
  updatedAt: Instant;
  /** What the customer wrote, when they wrote anything: the weekly brief quotes it. */
  comment?: string;
}

/** One answer is one provider's response id: a survey tool resending it updates it, never adds one. */
export const npsAnswerKey = (response: Pick<NpsResponse, 'provider' | 'responseId'>): string =>
  `${response.provider}:${response.responseId}`;

const updatedAtOf = (response: NpsResponse): string => response.updatedAt ?? response.respondedAt;

/** Whether this response tells us anything new: an answer not seen yet, or a later version of one. */
export const isNewerNpsAnswer = (answers: Readonly<Record<string, RecordedNpsAnswer>>, response: NpsResponse): boolean => {
  const known = answers[npsAnswerKey(response)];
  return known === undefined || toEpochMs(updatedAtOf(response)) > toEpochMs(known.updatedAt);
};

/** The answers with this response folded in; the same object when it is not newer (latest updatedAt wins). */
export const recordNpsAnswer = (
  answers: Readonly<Record<string, RecordedNpsAnswer>>,
  response: NpsResponse,
): Record<string, RecordedNpsAnswer> => {
  if (!isNewerNpsAnswer(answers, response)) return answers as Record<string, RecordedNpsAnswer>;
  const answer: RecordedNpsAnswer = { score: response.score, respondedAt: response.respondedAt, updatedAt: updatedAtOf(response) };
  if (response.comment) answer.comment = response.comment;
  const recorded = Object.assign(recordOfOneOffKeys<RecordedNpsAnswer>(), answers);
  recorded[npsAnswerKey(response)] = answer;
  return recorded;
};

/**
 * An empty record for keys that each appear once in the whole history (one per NPS answer), which
 * the JavaScript engine keeps as a hash table from the start. Built the ordinary way, every new key
 * leaves a hidden class behind, and past about 1,500 of them every object the process builds with a
 * key not seen before pays microseconds for it: a fold over thousands of answers ran a third slower.
 * Deleting a property that was not the last one added is what turns an object into a hash table.
 */
const recordOfOneOffKeys = <V>(): Record<string, V> => {
  const record: Record<string, V | number> = { asA: 0, hashTable: 0 };
  delete record.asA;
  delete record.hashTable;
  return record as Record<string, V>;
};
