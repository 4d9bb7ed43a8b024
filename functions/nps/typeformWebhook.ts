import * as z from '../../domain/zod.ts';
import type { NpsResponse } from '../../domain/deal/events.ts';
import { Instant } from '../../domain/instant.ts';
import type { FieldError } from '../http/problem.ts';
import { fieldErrors } from '../http/requestBody.ts';
import { boundedText, COMMENT_MAX, optionalDealId, parseOrThrow, providerBodyProblem, respondentOf } from './delightedWebhook.ts';

/**
 * Typeform's webhook body (Typeform developer documentation, "Example webhook payload"):
 *
 *   { "event_id": "...", "event_type": "form_response",
 *     "form_response": { "form_id", "token", "landed_at", "submitted_at", "hidden": { ... },
 *       "calculated": { "score" }, "variables": [...], "definition": { "id", "title", "fields": [...] },
 *       "answers": [ { "type": "number", "number": 9, "field": { "id", "type": "opinion_scale", "ref" } },
 *                    { "type": "text", "text": "...", "field": { "id", "type": "long_text", "ref" } }, ... ] } }
 *
 * `form_response.token` is the response id; `form_response.hidden.deal_id` names the deal. The score is
 * the `number` answer of the form's 0..10 scale field: field type `nps` when the form has one, else the
 * first `opinion_scale`. The answers may come in any order. Loose schemas: Typeform adds fields.
 */

export type TypeformNpsResponse = NpsResponse & { provider: 'typeform'; updatedAt: string };

/** Field types whose number answer is an NPS score, most specific first. */
export const TYPEFORM_SCORE_FIELD_TYPES = ['nps', 'opinion_scale'] as const;

const TypeformEnvelope = z.object({ event_type: z.string().check(z.minLength(1)) });

const TypeformFormResponseEvent = z.object({
  event_id: z.optional(z.string()),
  event_type: z.literal('form_response'),
  form_response: z.object({
    form_id: z.optional(z.string()),
    token: z.string().check(z.minLength(1), z.maxLength(256)),
    submitted_at: Instant,
    hidden: z.nullish(z.object({ deal_id: optionalDealId, email: z.optional(z.unknown()) })),
    answers: z.array(z.unknown()),
  }),
});

/** What Typeform may post: a form response, or any other event (acknowledged, not stored). */
export const TypeformWebhookBody = z.union([TypeformFormResponseEvent, TypeformEnvelope]);

const ScoreAnswer = z.object({ type: z.literal('number'), number: z.int().check(z.minimum(0), z.maximum(10)) });

type Answer = Record<string, unknown> & { field?: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fieldTypeOf = (answer: unknown): string | undefined =>
  isRecord(answer) && isRecord(answer.field) && typeof answer.field.type === 'string' ? answer.field.type : undefined;

/** Where the score answer is: the first `nps` field's answer, else the first `opinion_scale` one. */
export const scoreAnswerIndex = (answers: readonly unknown[]): number => {
  for (const type of TYPEFORM_SCORE_FIELD_TYPES) {
    const index = answers.findIndex((answer) => fieldTypeOf(answer) === type);
    if (index >= 0) return index;
  }
  return -1;
};

const ANSWERS_PATH = 'form_response.answers';

/** The score, or the errors that name what is wrong with it in Typeform's body. */
const scoreOf = (answers: readonly unknown[]): { score: number } | { errors: FieldError[] } => {
  const index = scoreAnswerIndex(answers);
  if (index < 0) {
    return { errors: [{ path: ANSWERS_PATH, message: 'no number answer of an opinion-scale (0..10) field' }] };
  }
  const parsed = ScoreAnswer.safeParse(answers[index]);
  if (parsed.success) return { score: parsed.data.number };
  return { errors: fieldErrors(parsed.error).map((e) => ({ ...e, path: `${ANSWERS_PATH}.${index}.${e.path}` })) };
};

const firstAnswer = (answers: readonly unknown[], type: string, fieldTypes: readonly string[]): Answer | undefined =>
  answers.find(
    (answer): answer is Answer =>
      isRecord(answer) && answer.type === type && fieldTypes.includes(fieldTypeOf(answer) ?? ''),
  );

/**
 * The NPS response a Typeform webhook body reports, or null for an event type other than
 * `form_response` (e.g. `form_response_partial`): the caller answers 200 and stores nothing for those.
 *
 * respondedAt and updatedAt are `submitted_at` (a Typeform response is never sent again changed). The
 * comment is the first `long_text` answer; the respondent is `hidden.email`, else the first email
 * answer. Throws HttpProblem 400 naming every field path at fault in Typeform's body.
 */
export const toNpsResponse = (body: unknown): TypeformNpsResponse | null => {
  const envelope = parseOrThrow(TypeformEnvelope, body);
  if (envelope.event_type !== 'form_response') return null;

  const parsed = TypeformFormResponseEvent.safeParse(body);
  const errors = parsed.success ? [] : fieldErrors(parsed.error);
  const rawAnswers = (body as { form_response?: { answers?: unknown } }).form_response?.answers;
  const score = Array.isArray(rawAnswers) ? scoreOf(rawAnswers) : undefined;
  if (score && 'errors' in score) errors.push(...score.errors);
  if (!parsed.success || !score || 'errors' in score) throw providerBodyProblem(errors);

  const response = parsed.data.form_response;
  const longText = firstAnswer(response.answers, 'text', ['long_text']);
  const comment = boundedText(typeof longText?.text === 'string' ? longText.text : undefined, COMMENT_MAX);
  const emailAnswer = firstAnswer(response.answers, 'email', ['email']);
  const respondent =
    respondentOf(typeof response.hidden?.email === 'string' ? response.hidden.email : undefined) ??
    respondentOf(typeof emailAnswer?.email === 'string' ? emailAnswer.email : undefined);
  return {
    provider: 'typeform',
    responseId: response.token,
    score: score.score,
    ...(comment === undefined ? {} : { comment }),
    ...(respondent === undefined ? {} : { respondent }),
    dealId: response.hidden?.deal_id ?? null,
    respondedAt: response.submitted_at,
    updatedAt: response.submitted_at,
  };
};
