import * as z from '../../domain/zod.ts';
import type { NpsResponse } from '../../domain/deal/events.ts';
import { DealId } from '../../domain/deal/events.ts';
import { HttpProblem, type FieldError } from '../http/problem.ts';
import { fieldErrors } from '../http/requestBody.ts';

/**
 * Delighted's webhook body (Delighted API documentation, "Webhooks"):
 *
 *   { "event_type": "survey_response.created" | "survey_response.updated" | "unsubscribe.created" | ...,
 *     "event_id": "<hex>",
 *     "event_data": { "id": "5435", "person": { "id", "email", "name", "created_at" }, "survey_type": "nps",
 *       "score": 9, "comment": "..." | null, "permalink", "created_at": <Unix s>, "updated_at": <Unix s>,
 *       "person_properties": { ... } | null, "notes": [], "tags": [], "additional_answers": [...] } }
 *
 * `survey_response.created` arrives the moment a score is given, usually without a comment;
 * `survey_response.updated` carries the same `event_data.id` again when the comment (or a new score)
 * arrives. Both map to the same responseId, and the later `updated_at` wins downstream.
 *
 * The schemas are loose on purpose: Delighted adds fields, and only what we use is required.
 */

export type DelightedNpsResponse = NpsResponse & { provider: 'delighted'; updatedAt: string };

/** The events that carry a survey response; anything else (e.g. `unsubscribe.created`) is ignored. */
export const DELIGHTED_RESPONSE_EVENTS = ['survey_response.created', 'survey_response.updated'] as const;

export const COMMENT_MAX = 10_000;
const RESPONDENT_MAX = 256;
/** 9999-12-31T23:59:59Z: the last second an ISO instant can name with a four-digit year. */
const LAST_UNIX_SECOND = 253_402_300_799;

const UnixSeconds = z.int().check(z.minimum(0), z.maximum(LAST_UNIX_SECOND));

/** A deal id we can attribute to; absent, null or blank means the response stays unattributed. */
export const optionalDealId = z.pipe(
  z.pipe(
    z.nullish(z.union([z.string(), z.int()])),
    z.transform((value) => (value === null || value === undefined ? null : String(value).trim() || null)),
  ),
  // A deal id we could never match is still the customer's answer: keep it, unattributed, not refused.
  z.transform((value: string | null) => (value !== null && DealId.safeParse(value).success ? value : null)),
);

const DelightedEnvelope = z.object({
  event_type: z.string().check(z.minLength(1)),
  event_data: z.optional(z.unknown()),
});

const DelightedSurveyResponseEvent = z.object({
  event_type: z.enum(DELIGHTED_RESPONSE_EVENTS),
  event_id: z.optional(z.string()),
  event_data: z.object({
    id: z.pipe(z.union([z.string().check(z.minLength(1), z.maxLength(256)), z.int().check(z.minimum(0))]), z.transform(String)),
    person: z.nullish(
      z.object({
        id: z.nullish(z.union([z.string(), z.int()])),
        email: z.nullish(z.string()),
        name: z.nullish(z.string()),
      }),
    ),
    survey_type: z.nullish(z.string()),
    score: z.int().check(z.minimum(0), z.maximum(10)),
    comment: z.nullish(z.string()),
    created_at: UnixSeconds,
    updated_at: z.nullish(UnixSeconds),
    person_properties: z.nullish(z.object({ deal_id: optionalDealId })),
  }),
});
export type DelightedSurveyResponseEvent = z.infer<typeof DelightedSurveyResponseEvent>;

/** What Delighted may post: a survey response event, or any other event (acknowledged, not stored). */
export const DelightedWebhookBody = z.union([DelightedSurveyResponseEvent, DelightedEnvelope]);

/** Unix seconds as an ISO instant in UTC, without a fraction: 1516128528 -> 2018-01-16T18:48:48Z. */
export const unixSecondsToInstant = (seconds: number): string =>
  new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');

/** Text cut to `max` UTF-16 units without splitting a surrogate pair; blank text is no text. */
export const boundedText = (text: string | null | undefined, max: number): string | undefined => {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
};

/** An identifier of the respondent, or nothing when blank or too long to be one (never cut short). */
export const respondentOf = (value: string | number | null | undefined): string | undefined => {
  const text = value === null || value === undefined ? '' : String(value).trim();
  return text && text.length <= RESPONDENT_MAX ? text : undefined;
};

/** The 400 that names each field of the provider body at fault. */
export const providerBodyProblem = (errors: FieldError[]): HttpProblem =>
  new HttpProblem(
    400,
    'validation-failed',
    `invalid field${errors.length > 1 ? 's' : ''}: ${errors.map((e) => e.path).join(', ')}`,
    errors,
  );

export const parseOrThrow = <S extends z.core.$ZodType>(schema: S, body: unknown): z.output<S> => {
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) throw providerBodyProblem(fieldErrors(parsed.error));
  return parsed.data;
};

/**
 * The NPS response a Delighted webhook body reports, or null when the event is not an NPS survey
 * response (another event type such as `unsubscribe.created`, or a non-NPS `survey_type` such as
 * `csat`): the caller answers 200 and stores nothing for those.
 *
 * respondedAt is `created_at`, updatedAt is `updated_at` (or `created_at` when absent), both from Unix
 * seconds. The comment is trimmed and cut to 10,000 characters; the respondent is the person's email,
 * else their Delighted id. Throws HttpProblem 400 naming the field path in Delighted's body.
 */
export const toNpsResponse = (body: unknown): DelightedNpsResponse | null => {
  const envelope = parseOrThrow(DelightedEnvelope, body);
  if (!(DELIGHTED_RESPONSE_EVENTS as readonly string[]).includes(envelope.event_type)) return null;
  const surveyType = (envelope.event_data as { survey_type?: unknown } | null | undefined)?.survey_type;
  if (typeof surveyType === 'string' && surveyType !== 'nps') return null;

  const { event_data: data } = parseOrThrow(DelightedSurveyResponseEvent, body);
  const comment = boundedText(data.comment, COMMENT_MAX);
  const respondent = respondentOf(data.person?.email) ?? respondentOf(data.person?.id);
  return {
    provider: 'delighted',
    responseId: data.id,
    score: data.score,
    ...(comment === undefined ? {} : { comment }),
    ...(respondent === undefined ? {} : { respondent }),
    dealId: data.person_properties?.deal_id ?? null,
    respondedAt: unixSecondsToInstant(data.created_at),
    updatedAt: unixSecondsToInstant(data.updated_at ?? data.created_at),
  };
};
