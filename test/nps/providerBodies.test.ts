import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { NpsResponseRecordedData } from '../../domain/deal/events.ts';
import { npsAnswerKey, recordNpsAnswer } from '../../domain/deal/npsAnswers.ts';
import { HttpProblem } from '../../functions/http/problem.ts';
import { parseSignedWebhook, type NpsWebhookProvider } from '../../functions/nps/webhookRequest.ts';

/**
 * POST /v1/nps/delighted and /v1/nps/typeform: the providers' documented webhook bodies, signed with a
 * test secret, become NPS responses; anything unsigned, tampered with or out of range is refused with
 * the problem that says why, naming the field path in the provider's own body.
 */

const SECRET = 'test-webhook-secret-7d1f0c';
const OTHER_SECRET = 'another-webhook-secret-42ab';

/** A fixture as parsed JSON, edited freely by the tests. */
type Json = Record<string, any>;

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/nps/${name}`, import.meta.url));
const fixtureJson = (name: string): Json => JSON.parse(fixture(name).toString('utf8')) as Json;
const bytesOf = (body: Json): Buffer => Buffer.from(`${JSON.stringify(body, null, 2)}\n`);
const hmac = (raw: Buffer, secret: string): Buffer => createHmac('sha256', secret).update(raw).digest();

const signatureHeaders = {
  delighted: (raw: Buffer, secret = SECRET) => ({
    'x-delighted-webhook-signature': `sha256=${hmac(raw, secret).toString('hex')}`,
  }),
  typeform: (raw: Buffer, secret = SECRET) => ({ 'typeform-signature': `sha256=${hmac(raw, secret).toString('base64')}` }),
} satisfies Record<NpsWebhookProvider, (raw: Buffer, secret?: string) => Record<string, string>>;

/** An API Gateway HTTP API (payload 2.0) event carrying these bytes, as AWS hands it to the handler. */
const gatewayEvent = (
  provider: NpsWebhookProvider,
  raw: Buffer,
  headers: Record<string, string>,
  { base64 = false } = {},
): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: `POST /v1/nps/${provider}`,
    rawPath: `/v1/nps/${provider}`,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...headers },
    body: base64 ? raw.toString('base64') : raw.toString('utf8'),
    isBase64Encoded: base64,
    requestContext: { http: { method: 'POST', path: `/v1/nps/${provider}` } },
  }) as unknown as APIGatewayProxyEventV2;

/** The request exactly as the provider would send it: these bytes, signed with the test secret. */
const signedEvent = (provider: NpsWebhookProvider, raw: Buffer) => gatewayEvent(provider, raw, signatureHeaders[provider](raw));

const problemOf = (run: () => unknown): HttpProblem => {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error('expected an HttpProblem, but the request was accepted');
};

const parse = (provider: NpsWebhookProvider, event: APIGatewayProxyEventV2) => parseSignedWebhook(event, provider, SECRET);
const refused = (provider: NpsWebhookProvider, event: APIGatewayProxyEventV2) => problemOf(() => parse(provider, event));

const BAD_SCORES: [string, unknown][] = [
  ['-1', -1],
  ['11', 11],
  ['7.5', 7.5],
  ['the string "9"', '9'],
];

describe('Delighted webhooks', () => {
  const CREATED = 'delighted-survey-response-created.json';
  const UPDATED = 'delighted-survey-response-updated.json';

  it('given the documented survey_response.created body signed with the secret, when parsed, then it is the NPS response it reports', () => {
    const response = parse('delighted', signedEvent('delighted', fixture(CREATED)));

    expect(response).toEqual({
      provider: 'delighted',
      responseId: '812604310',
      score: 9,
      respondent: 'dana.okafor@example.com',
      dealId: 'D-1001',
      respondedAt: '2025-10-16T10:25:00Z',
      updatedAt: '2025-10-16T10:25:00Z',
    });
    expect(NpsResponseRecordedData.safeParse(response).success).toBe(true);
  });

  it('given created and then updated with the comment, when both are parsed, then they are the same response, updated later, counted once', () => {
    const created = parse('delighted', signedEvent('delighted', fixture(CREATED)))!;
    const updated = parse('delighted', signedEvent('delighted', fixture(UPDATED)))!;

    expect(updated.responseId).toBe(created.responseId);
    expect(updated.respondedAt).toBe(created.respondedAt);
    expect(updated.updatedAt).toBe('2025-10-16T10:32:00Z');
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
    expect(created.comment).toBeUndefined();
    expect(updated.comment).toBe(
      "Handover to the delivery team was seamless — they already knew every detail we'd agreed. Très bien!",
    );
    expect(NpsResponseRecordedData.safeParse(updated).success).toBe(true);

    // The domain keeps one answer per provider response id; a late redelivery of `created` changes nothing.
    const once = recordNpsAnswer(recordNpsAnswer({}, created), updated);
    expect(Object.keys(once)).toEqual([npsAnswerKey(created)]);
    expect(recordNpsAnswer(once, created)).toBe(once);
  });

  it('given the signature header in any letter case, or a base64-encoded API Gateway body, when parsed, then it is accepted', () => {
    const raw = fixture(UPDATED);
    const signature = signatureHeaders.delighted(raw)['x-delighted-webhook-signature'];
    for (const name of ['X-Delighted-Webhook-Signature', 'X-DELIGHTED-WEBHOOK-SIGNATURE']) {
      expect(parse('delighted', gatewayEvent('delighted', raw, { [name]: signature }))?.score).toBe(9);
    }
    const base64Event = gatewayEvent('delighted', raw, signatureHeaders.delighted(raw), { base64: true });
    expect(parse('delighted', base64Event)?.responseId).toBe('812604310');
  });

  it('given a signed unsubscribe.created event, when parsed, then it is ignored (null), not an error', () => {
    expect(parse('delighted', signedEvent('delighted', fixture('delighted-unsubscribe-created.json')))).toBeNull();
  });

  it('given a signed response of a non-NPS survey type (csat), when parsed, then it is ignored (null)', () => {
    const body = fixtureJson(CREATED);
    body.event_data.survey_type = 'csat';
    body.event_data.score = 4;
    expect(parse('delighted', signedEvent('delighted', bytesOf(body)))).toBeNull();
  });

  it('given one byte changed after signing, when parsed, then 401 invalid-signature without the expected value', () => {
    const raw = fixture(UPDATED);
    const headers = signatureHeaders.delighted(raw);
    const tampered = Buffer.from(raw.toString('utf8').replace('"score": 9', '"score": 8'));
    expect(tampered.length).toBe(raw.length);

    const problem = refused('delighted', gatewayEvent('delighted', tampered, headers));

    expect(problem.status).toBe(401);
    expect(problem.slug).toBe('invalid-signature');
    const expectedHex = hmac(tampered, SECRET).toString('hex');
    expect(JSON.stringify(problem.toProblem())).not.toContain(expectedHex);
    expect(JSON.stringify(problem.toProblem())).not.toContain(SECRET);
  });

  it.each([
    ['signed with another secret', (raw: Buffer) => signatureHeaders.delighted(raw, OTHER_SECRET)],
    ['without a signature header', () => ({})],
    ['with a Typeform-style base64 signature', (raw: Buffer) => ({
      'x-delighted-webhook-signature': signatureHeaders.typeform(raw)['typeform-signature'],
    })],
    ['with the signature under the Typeform header name', (raw: Buffer) => ({
      'typeform-signature': signatureHeaders.delighted(raw)['x-delighted-webhook-signature'],
    })],
  ])('given the body %s, when parsed, then 401 invalid-signature', (_name, headersFor) => {
    const raw = fixture(UPDATED);
    const problem = refused('delighted', gatewayEvent('delighted', raw, headersFor(raw)));
    expect([problem.status, problem.slug]).toEqual([401, 'invalid-signature']);
  });

  it('given malformed JSON with a wrong signature, when parsed, then the signature is refused first (401, not 400)', () => {
    const raw = Buffer.from('{"event_type": "survey_response.created", ');
    const problem = refused('delighted', gatewayEvent('delighted', raw, signatureHeaders.delighted(raw, OTHER_SECRET)));
    expect(problem.status).toBe(401);
  });

  it('given malformed JSON correctly signed, when parsed, then 400 malformed-json', () => {
    const raw = Buffer.from('{"event_type": "survey_response.created", ');
    const problem = refused('delighted', signedEvent('delighted', raw));
    expect([problem.status, problem.slug]).toEqual([400, 'malformed-json']);
  });

  it('given a body over 256 KiB, when parsed, then 413 before anything else', () => {
    const body = fixtureJson(UPDATED);
    body.event_data.comment = 'x'.repeat(256 * 1024);
    const problem = refused('delighted', signedEvent('delighted', bytesOf(body)));
    expect([problem.status, problem.slug]).toEqual([413, 'body-too-large']);
  });

  it('given no secret configured, when parsed, then 500 webhook-secret-missing (fail closed)', () => {
    const raw = fixture(UPDATED);
    const event = gatewayEvent('delighted', raw, signatureHeaders.delighted(raw, ''));
    const problem = problemOf(() => parseSignedWebhook(event, 'delighted', ''));
    expect([problem.status, problem.slug]).toEqual([500, 'webhook-secret-missing']);
  });

  it.each([...BAD_SCORES, ['missing', undefined]])('given score %s, correctly signed, when parsed, then 400 naming event_data.score', (_name, score) => {
    const body = fixtureJson(UPDATED);
    if (score === undefined) delete body.event_data.score;
    else body.event_data.score = score;

    const problem = refused('delighted', signedEvent('delighted', bytesOf(body)));

    expect([problem.status, problem.slug]).toEqual([400, 'validation-failed']);
    expect(problem.errors?.map((e) => e.path)).toEqual(['event_data.score']);
    expect(problem.message).toContain('event_data.score');
  });

  it.each([
    ['absent', (properties: Json) => delete properties.deal_id],
    ['empty', (properties: Json) => (properties.deal_id = '')],
    ['blank', (properties: Json) => (properties.deal_id = '   ')],
    ['null', (properties: Json) => (properties.deal_id = null)],
  ])('given deal_id %s, when parsed, then the response is kept unattributed (dealId null)', (_name, edit) => {
    const body = fixtureJson(UPDATED);
    edit(body.event_data.person_properties);
    const response = parse('delighted', signedEvent('delighted', bytesOf(body)));
    expect(response?.dealId).toBeNull();
    expect(NpsResponseRecordedData.safeParse(response).success).toBe(true);
  });

  it('given person_properties null (as in the documented example), when parsed, then dealId is null', () => {
    const body = fixtureJson(UPDATED);
    body.event_data.person_properties = null;
    expect(parse('delighted', signedEvent('delighted', bytesOf(body)))?.dealId).toBeNull();
  });

  it.each([
    ['event_data.id missing', (body: Json) => delete body.event_data.id, 'event_data.id'],
    ['created_at missing', (body: Json) => delete body.event_data.created_at, 'event_data.created_at'],
    ['created_at an ISO string', (body: Json) => (body.event_data.created_at = '2025-10-16T10:25:00Z'), 'event_data.created_at'],
    ['event_type missing', (body: Json) => delete body.event_type, 'event_type'],
  ])('given %s, when parsed, then 400 naming %s', (_name, edit, path) => {
    const body = fixtureJson(UPDATED);
    edit(body);
    const problem = refused('delighted', signedEvent('delighted', bytesOf(body)));
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((e) => e.path)).toEqual([path]);
  });
});

describe('Typeform webhooks', () => {
  const RESPONSE = 'typeform-form-response.json';
  const NPS_FIELD = 'typeform-form-response-nps-field.json';
  /** In the fixture the opinion-scale answer is the second one, after the first-name answer. */
  const SCORE_ANSWER = 1;

  it('given the documented form_response body signed with the secret, when parsed, then the opinion-scale answer (not first) is the score', () => {
    const body = fixtureJson(RESPONSE);
    expect(body.form_response.answers[0].field.type).toBe('short_text');
    expect(body.form_response.answers[SCORE_ANSWER].field.type).toBe('opinion_scale');

    const response = parse('typeform', signedEvent('typeform', fixture(RESPONSE)));

    expect(response).toEqual({
      provider: 'typeform',
      responseId: 'k2m9x0rq4vwy7t1pzk2m9x0rq4vwy7t1',
      score: 7,
      comment: 'Delivered what was promised, but a week later than the date we were given.',
      respondent: 'sam.lindqvist@example.com',
      dealId: 'D-2002',
      respondedAt: '2025-10-16T10:23:05Z',
      updatedAt: '2025-10-16T10:23:05Z',
    });
    expect(NpsResponseRecordedData.safeParse(response).success).toBe(true);
  });

  it('given a form with an nps field and hidden fields but no deal_id, when parsed, then the nps answer is the score and dealId is null', () => {
    const response = parse('typeform', signedEvent('typeform', fixture(NPS_FIELD)));

    expect(response).toMatchObject({ provider: 'typeform', responseId: '9xq2v7c0m4n8b1z5k3j6h0g2f4d8s1a7', score: 10, dealId: null });
    expect(response?.comment).toBe('Café-level service — nothing to add.');
    expect(response?.respondent).toBeUndefined();
    expect(NpsResponseRecordedData.safeParse(response).success).toBe(true);
  });

  it('given no hidden fields at all, when parsed, then dealId is null', () => {
    const body = fixtureJson(RESPONSE);
    delete body.form_response.hidden;
    expect(parse('typeform', signedEvent('typeform', bytesOf(body)))?.dealId).toBeNull();
  });

  it('given a signed form_response_partial event, when parsed, then it is ignored (null)', () => {
    const body = fixtureJson(RESPONSE);
    body.event_type = 'form_response_partial';
    expect(parse('typeform', signedEvent('typeform', bytesOf(body)))).toBeNull();
  });

  it('given the signature header in any letter case, or a base64-encoded API Gateway body, when parsed, then it is accepted', () => {
    const raw = fixture(RESPONSE);
    const signature = signatureHeaders.typeform(raw)['typeform-signature'];
    expect(parse('typeform', gatewayEvent('typeform', raw, { 'Typeform-Signature': signature }))?.score).toBe(7);
    const base64Event = gatewayEvent('typeform', raw, signatureHeaders.typeform(raw), { base64: true });
    expect(parse('typeform', base64Event)?.score).toBe(7);
  });

  it.each([
    ['one byte changed after signing', (raw: Buffer) => ({
      body: Buffer.from(raw.toString('utf8').replace('"number": 7', '"number": 9')),
      headers: signatureHeaders.typeform(raw),
    })],
    ['signed with another secret', (raw: Buffer) => ({ body: raw, headers: signatureHeaders.typeform(raw, OTHER_SECRET) })],
    ['without a signature header', (raw: Buffer) => ({ body: raw, headers: {} })],
    ['with a Delighted-style hex signature', (raw: Buffer) => ({
      body: raw,
      headers: { 'typeform-signature': signatureHeaders.delighted(raw)['x-delighted-webhook-signature'] },
    })],
  ])('given the body %s, when parsed, then 401 invalid-signature', (_name, make) => {
    const { body, headers } = make(fixture(RESPONSE));
    const problem = refused('typeform', gatewayEvent('typeform', body, headers));
    expect([problem.status, problem.slug]).toEqual([401, 'invalid-signature']);
    expect(JSON.stringify(problem.toProblem())).not.toContain(hmac(body, SECRET).toString('base64'));
  });

  it.each([...BAD_SCORES, ['missing', undefined]])(
    'given opinion-scale number %s, correctly signed, when parsed, then 400 naming form_response.answers.1.number',
    (_name, score) => {
      const body = fixtureJson(RESPONSE);
      const answer = body.form_response.answers[SCORE_ANSWER];
      if (score === undefined) delete answer.number;
      else answer.number = score;

      const problem = refused('typeform', signedEvent('typeform', bytesOf(body)));

      expect([problem.status, problem.slug]).toEqual([400, 'validation-failed']);
      expect(problem.errors?.map((e) => e.path)).toEqual([`form_response.answers.${SCORE_ANSWER}.number`]);
    },
  );

  it('given no opinion-scale number answer at all, when parsed, then 400 naming form_response.answers', () => {
    const body = fixtureJson(RESPONSE);
    body.form_response.answers.splice(SCORE_ANSWER, 1);
    const problem = refused('typeform', signedEvent('typeform', bytesOf(body)));
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([{ path: 'form_response.answers', message: expect.stringContaining('opinion-scale') }]);
  });

  it('given a plain number field (not an opinion scale) answered, when parsed, then it is not taken as the score', () => {
    const body = fixtureJson(RESPONSE);
    body.form_response.answers[SCORE_ANSWER].field.type = 'number';
    const problem = refused('typeform', signedEvent('typeform', bytesOf(body)));
    expect(problem.errors?.map((e) => e.path)).toEqual(['form_response.answers']);
  });

  it.each([
    ['answers missing', (body: Json) => delete body.form_response.answers, ['form_response.answers']],
    ['the opinion-scale answer of type text', (body: Json) => (body.form_response.answers[SCORE_ANSWER].type = 'text'), [`form_response.answers.${SCORE_ANSWER}.type`]],
    ['token missing', (body: Json) => delete body.form_response.token, ['form_response.token']],
    ['submitted_at not an instant', (body: Json) => (body.form_response.submitted_at = 'yesterday'), ['form_response.submitted_at']],
    ['token missing and score 11', (body: Json) => {
      delete body.form_response.token;
      body.form_response.answers[SCORE_ANSWER].number = 11;
    }, ['form_response.token', `form_response.answers.${SCORE_ANSWER}.number`]],
  ])('given %s, when parsed, then 400 naming %j', (_name, edit, paths) => {
    const body = fixtureJson(RESPONSE);
    edit(body);
    const problem = refused('typeform', signedEvent('typeform', bytesOf(body)));
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((e) => e.path)).toEqual(paths);
  });
});

describe('a deal id we could never match', () => {
  it('given a Delighted deal_id that is not a deal id, when parsed, then the answer is kept unattributed', () => {
    const body = fixtureJson('delighted-survey-response-updated.json');
    body.event_data.person_properties.deal_id = 'D 1001 / renewal';

    const response = parse('delighted', signedEvent('delighted', bytesOf(body)));

    expect(response?.dealId).toBeNull();
    expect(response?.score).toBe(body.event_data.score);
  });

  it('given a Typeform hidden deal_id that is not a deal id, when parsed, then the answer is kept unattributed', () => {
    const body = fixtureJson('typeform-form-response.json');
    body.form_response.hidden.deal_id = 'D 2002 / renewal';

    const response = parse('typeform', signedEvent('typeform', bytesOf(body)));

    expect(response?.dealId).toBeNull();
    expect(response?.responseId).toBe(body.form_response.token);
  });
});
