import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectionsTable } from '../../functions/projections/projectionsTable.ts';
import { scorecardNpsOf } from '../support/apiSteps.ts';
import { expectDocumentedAnswer } from '../support/contractCheck.ts';
import { useTestStack } from '../support/httpFixture.ts';
import { call, startTestApi, tokenFor, type TestApi } from '../support/localApi.ts';
import { cancellationBody, closeDealBody, deliveryBody, handoffBody } from '../support/sampleDeals.ts';
import { countItems, scanItems, storedEnvelopesOf } from '../support/storedItems.ts';

/*
 * POST /v1/nps/delighted and /v1/nps/typeform over real HTTP, through the whole local stack (API,
 * DynamoDB Local, the projector on the real stream). The bodies are the providers' documented formats
 * (test/fixtures/nps), sent as bytes and signed with a test secret exactly as the providers sign them:
 *   Delighted: X-Delighted-Webhook-Signature: sha256=<hex HMAC-SHA256(raw body, secret)>
 *   Typeform:  Typeform-Signature: sha256=<base64 HMAC-SHA256(raw body, secret)>
 *
 * Every scenario below has its own deals, response ids and month (business time zone UTC), so each
 * scorecard number is worked out by hand from that scenario alone:
 *   2025-10  the fixtures as on disk     Delighted 9 on D-1001 (P-NPS-D), Typeform 7 on D-2002 (P-NPS-T, ops P-NPS-OPS)
 *                                        org: P1 Pa1 D0 -> 2 responses, 50 - 0 = 50
 *   2025-11  replays                     Delighted 3 and Typeform 10 on D-NPS-RPL, each sent twice -> P1 D1, score 0
 *   2025-12  Delighted created/updated   9 without a comment, then 6 with one (later updated_at) -> one detractor, -100
 *   2026-01  signature and score refusals (D-NPS-SIG gets its two answers only once correctly signed; nothing counted is asserted)
 *   2026-02  unattributed                10 (unknown deal), 9 (no deal_id, Typeform), 3 (deal_id null) -> P2 D1, 33.3 -> 33
 *   2026-04  same id, two providers      8 and 10 on D-NPS-TWO -> two answers: P1 Pa1, 50
 *   2026-05  updated before created      one answer, the updated score 10 -> P1, 100
 *   2026-06/07 cancelled deal            closed and cancelled in June, answered (2) in July -> July: D1, -100
 *   2026-08  unattributed, then updated naming D-NPS-MOVE: still one answer -> P1, 100
 *   2026-09  five concurrent retries each of a Delighted 7 (on D-NPS-RACE) and a Typeform 10 (unknown deal) -> P1 Pa1, 50
 */

const SECRET = 'test-webhook-secret-7d1f0c';
const OTHER_SECRET = 'another-webhook-secret-42ab';
const SECRET_VARIABLES = ['HANDSHAKE_DELIGHTED_SECRET', 'HANDSHAKE_TYPEFORM_SECRET'] as const;

type Provider = 'delighted' | 'typeform';
/** A fixture as parsed JSON, edited freely by the tests. */
type Json = Record<string, any>;

const DELIGHTED_CREATED = 'delighted-survey-response-created.json';
const DELIGHTED_UPDATED = 'delighted-survey-response-updated.json';
const DELIGHTED_UNSUBSCRIBE = 'delighted-unsubscribe-created.json';
const TYPEFORM = 'typeform-form-response.json';
const TYPEFORM_NPS_FIELD = 'typeform-form-response-nps-field.json';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/nps/${name}`, import.meta.url));
const fixtureJson = (name: string): Json => JSON.parse(fixture(name).toString('utf8')) as Json;
const bytesOf = (body: Json): Buffer => Buffer.from(`${JSON.stringify(body, null, 2)}\n`);
const edited = (name: string, edit: (body: Json) => void): Buffer => {
  const body = fixtureJson(name);
  edit(body);
  return bytesOf(body);
};
const unixSeconds = (instant: string): number => Date.parse(instant) / 1000;

/** A Delighted survey response body in the documented format, with the fields a scenario cares about. */
const delightedBody = (options: {
  id: string;
  dealId: string | null;
  score: number;
  createdAt: string;
  updatedAt?: string;
  comment?: string | null;
  eventType?: 'survey_response.created' | 'survey_response.updated';
}): Buffer =>
  edited(options.eventType === 'survey_response.updated' ? DELIGHTED_UPDATED : DELIGHTED_CREATED, (body) => {
    body.event_data.id = options.id;
    body.event_data.score = options.score;
    body.event_data.created_at = unixSeconds(options.createdAt);
    body.event_data.updated_at = unixSeconds(options.updatedAt ?? options.createdAt);
    if (options.comment !== undefined) body.event_data.comment = options.comment;
    body.event_data.person_properties.deal_id = options.dealId;
  });

/** A Typeform form_response body (opinion-scale score at answers[1]) with the fields a scenario cares about. */
const typeformBody = (options: { token: string; dealId: string | null; score: number; submittedAt: string }): Buffer =>
  edited(TYPEFORM, (body) => {
    body.form_response.token = options.token;
    body.form_response.submitted_at = options.submittedAt;
    body.form_response.landed_at = options.submittedAt;
    body.form_response.hidden.deal_id = options.dealId;
    body.form_response.answers[1].number = options.score;
  });

const hmac = (raw: Buffer, secret: string): Buffer => createHmac('sha256', secret).update(raw).digest();
const signatureHeaders: Record<Provider, (raw: Buffer, secret?: string) => Record<string, string>> = {
  delighted: (raw, secret = SECRET) => ({ 'X-Delighted-Webhook-Signature': `sha256=${hmac(raw, secret).toString('hex')}` }),
  typeform: (raw, secret = SECRET) => ({ 'Typeform-Signature': `sha256=${hmac(raw, secret).toString('base64')}` }),
};

/** The same bytes with one byte changed: the score's digit (the last number answer for Typeform), the byte an attacker would want. */
const oneByteChanged = (raw: Buffer, provider: Provider): Buffer => {
  const marker = provider === 'delighted' ? '"score": ' : '"number": ';
  const at = raw.lastIndexOf(marker) + marker.length;
  expect(at).toBeGreaterThanOrEqual(marker.length);
  const changed = Buffer.from(raw);
  changed[at] = changed[at] === 0x30 ? 0x31 : changed[at]! - 1;
  expect(changed.equals(raw)).toBe(false);
  return changed;
};

// The stack's API reads its webhook secrets from this process's environment, as `npm start` does.
const { stack } = useTestStack({ processEnv: Object.fromEntries(SECRET_VARIABLES.map((name) => [name, SECRET])) });
const admin = await tokenFor('P-ADMIN', 'admin');
const leadership = await tokenFor('P-LEAD', 'leadership');
const sales = await tokenFor('P-NPS-D', 'sales');

/** The request as the provider sends it: these exact bytes, with these headers. */
const postWebhook = async (api: Pick<TestApi, 'url'>, provider: Provider, raw: Buffer, headers: Record<string, string>) => {
  const response = await fetch(`${api.url}/v1/nps/${provider}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw,
  });
  const text = await response.text();
  expectDocumentedAnswer('POST', `/v1/nps/${provider}`, { status: response.status, headers: response.headers, text });
  return { status: response.status, contentType: response.headers.get('content-type'), json: text ? JSON.parse(text) : undefined, text };
};
const sendSigned = (provider: Provider, raw: Buffer, api: Pick<TestApi, 'url'> = stack) =>
  postWebhook(api, provider, raw, signatureHeaders[provider](raw));

const closeDeal = async (dealId: string, overrides: Record<string, unknown>) => {
  const response = await call(stack, 'POST', '/v1/deals', { token: admin, body: closeDealBody(dealId, overrides) });
  expect(response.status).toBe(201);
};

const getDeal = async (dealId: string) => {
  const response = await call(stack, 'GET', `/v1/deals/${dealId}`, { token: admin });
  expect(response.status).toBe(200);
  return response.json;
};

const storedEvents = (streamId: string) => storedEnvelopesOf(stack, streamId);
const npsOf = (month: string, dimension?: string) => scorecardNpsOf(stack, admin, month, dimension);

const nps = (promoters: number, passives: number, detractors: number, score: number | null) => ({
  responses: promoters + passives + detractors,
  promoters,
  passives,
  detractors,
  score,
});
const NO_NPS = nps(0, 0, 0, null);

const expectProblem = (response: { status: number; contentType: string | null; json: any }, status: number, slug: string) => {
  expect(response.status).toBe(status);
  expect(response.contentType).toMatch(/^application\/problem\+json/);
  expect(response.json).toMatchObject({ type: `urn:handshake:problem:${slug}`, status });
};

describe('signed provider webhooks over HTTP', () => {
  it('given deals D-1001 and D-2002 closed first, when the providers send their documented bodies (bytes as on disk) signed with the secret, then each answer is on its deal stream and counted in its month for org, seller and the ops person', async () => {
    await closeDeal('D-1001', {
      closedAt: '2025-10-01T15:00:00Z',
      seller: { id: 'P-NPS-D' },
      salesTeam: 'T-NPS-D',
      promise: { deliverBy: '2025-10-20T17:00:00Z' },
    });
    await closeDeal('D-2002', {
      closedAt: '2025-10-02T15:00:00Z',
      seller: { id: 'P-NPS-T' },
      salesTeam: 'T-NPS-T',
      promise: { deliverBy: '2025-10-20T17:00:00Z' },
    });
    const handoff = handoffBody({ at: '2025-10-03T09:00:00Z', opsOwner: { id: 'P-NPS-OPS' }, opsTeam: 'T-NPS-OPS' });
    expect((await call(stack, 'POST', '/v1/deals/D-2002/handoff', { token: admin, body: handoff })).status).toBe(201);
    const delivery = deliveryBody({ at: '2025-10-14T16:00:00Z', deliveredBy: { id: 'P-NPS-OPS' } });
    expect((await call(stack, 'POST', '/v1/deals/D-2002/delivery', { token: admin, body: delivery })).status).toBe(201);

    const delighted = await sendSigned('delighted', fixture(DELIGHTED_CREATED));
    const typeform = await sendSigned('typeform', fixture(TYPEFORM));

    expect(delighted.status).toBe(201);
    expect(delighted.json).toEqual({ responseId: '812604310', dealId: 'D-1001', attributed: true, status: 'recorded' });
    expect(typeform.status).toBe(201);
    expect(typeform.json).toEqual({
      responseId: 'k2m9x0rq4vwy7t1pzk2m9x0rq4vwy7t1',
      dealId: 'D-2002',
      attributed: true,
      status: 'recorded',
    });

    const deal1001 = await getDeal('D-1001');
    expect(deal1001.nps).toMatchObject({ score: 9 });
    expect(deal1001.events.at(-1)).toMatchObject({
      type: 'NpsResponseRecorded',
      version: 2,
      occurredAt: '2025-10-16T10:25:00Z',
      actor: { id: 'survey-tool:delighted' },
      data: {
        provider: 'delighted',
        responseId: '812604310',
        score: 9,
        dealId: 'D-1001',
        respondent: 'dana.okafor@example.com',
        respondedAt: '2025-10-16T10:25:00Z',
      },
    });
    expect(deal1001.events.at(-1).data).not.toHaveProperty('comment');
    const deal2002 = await getDeal('D-2002');
    expect(deal2002.nps).toMatchObject({ score: 7 });
    expect(deal2002.events.at(-1)).toMatchObject({
      type: 'NpsResponseRecorded',
      actor: { id: 'survey-tool:typeform' },
      data: {
        provider: 'typeform',
        score: 7,
        comment: 'Delivered what was promised, but a week later than the date we were given.',
        respondent: 'sam.lindqvist@example.com',
        respondedAt: '2025-10-16T10:23:05Z',
      },
    });
    expect((await storedEvents('deal#D-1001')).map((event) => event.type)).toEqual(['DealClosed', 'NpsResponseRecorded']);

    await stack.drain();

    expect(await npsOf('2025-10')).toEqual(nps(1, 1, 0, 50));
    expect(await npsOf('2025-10', 'person:P-NPS-D')).toEqual(nps(1, 0, 0, 100));
    expect(await npsOf('2025-10', 'team:T-NPS-D')).toEqual(nps(1, 0, 0, 100));
    expect(await npsOf('2025-10', 'person:P-NPS-T')).toEqual(nps(0, 1, 0, 0));
    // The ops owner delivered D-2002: its answer is on their scorecard too, and on neither seller's of the other deal.
    expect(await npsOf('2025-10', 'person:P-NPS-OPS')).toEqual(nps(0, 1, 0, 0));
    expect(await npsOf('2025-10', 'team:T-NPS-OPS')).toEqual(nps(0, 1, 0, 0));
    // Counted in the month the answer was given, nowhere else.
    expect(await npsOf('2025-09')).toEqual(NO_NPS);
    // The seller may read their own scorecard with a sales token and sees the same numbers.
    const own = await call(stack, 'GET', '/v1/scorecards/2025-10?dimension=person:P-NPS-D', { token: sales });
    expect(own.status).toBe(200);
    expect(own.json.nps).toEqual(nps(1, 0, 0, 100));
  });

  describe('a signature that is missing or wrong: 401 problem, nothing stored', () => {
    const cases: [Provider, string, (raw: Buffer) => { raw: Buffer; headers: Record<string, string> }][] = [];
    for (const provider of ['delighted', 'typeform'] as const) {
      cases.push(
        [provider, 'one byte of the body changed after signing', (raw) => ({ raw: oneByteChanged(raw, provider), headers: signatureHeaders[provider](raw) })],
        [provider, 'signed with another secret', (raw) => ({ raw, headers: signatureHeaders[provider](raw, OTHER_SECRET) })],
        [provider, 'without the signature header', (raw) => ({ raw, headers: {} })],
        [provider, 'with an empty signature header', (raw) => ({ raw, headers: { [Object.keys(signatureHeaders[provider](raw))[0]!]: '' } })],
        [provider, "signed in the other provider's header and encoding", (raw) => ({ raw, headers: signatureHeaders[provider === 'delighted' ? 'typeform' : 'delighted'](raw) })],
      );
    }

    beforeAll(async () => {
      await closeDeal('D-NPS-SIG', { closedAt: '2026-01-05T15:00:00Z', seller: { id: 'P-NPS-SIG' }, promise: { deliverBy: '2026-01-20T17:00:00Z' } });
    });

    const bodyFor = (provider: Provider): Buffer =>
      provider === 'delighted'
        ? delightedBody({ id: 'R-SIG-1', dealId: 'D-NPS-SIG', score: 9, createdAt: '2026-01-10T12:00:00Z' })
        : typeformBody({ token: 'tok-sig-1', dealId: 'D-NPS-SIG', score: 7, submittedAt: '2026-01-10T12:00:00Z' });

    it.each(cases)('given a %s body %s, when posted, then 401 invalid-signature and the events table is unchanged', async (provider, _case, tamper) => {
      const signed = bodyFor(provider);
      const { raw, headers } = tamper(signed);
      const before = await countItems(stack);

      const response = await postWebhook(stack, provider, raw, headers);

      expectProblem(response, 401, 'invalid-signature');
      // It says nothing of the signature it expected.
      expect(response.text).not.toContain(hmac(raw, SECRET).toString('hex'));
      expect(response.text).not.toContain(hmac(raw, SECRET).toString('base64'));
      expect(await countItems(stack)).toBe(before);
      expect((await storedEvents('deal#D-NPS-SIG')).map((event) => event.type)).toEqual(['DealClosed']);
    });

    it('given the same bodies correctly signed afterwards, when posted, then they are accepted (the 401s were the signatures alone)', async () => {
      expect((await sendSigned('delighted', bodyFor('delighted'))).status).toBe(201);
      expect((await sendSigned('typeform', bodyFor('typeform'))).status).toBe(201);
      expect((await storedEvents('deal#D-NPS-SIG')).map((event) => event.type)).toEqual([
        'DealClosed',
        'NpsResponseRecorded',
        'NpsResponseRecorded',
      ]);
    });
  });

  it('given answers already recorded, when the providers send the same bytes again (and Delighted the same answer re-serialised), then 200 duplicate, nothing new stored and each is counted once', async () => {
    await closeDeal('D-NPS-RPL', { closedAt: '2025-11-02T15:00:00Z', seller: { id: 'P-NPS-RPL' }, promise: { deliverBy: '2025-11-20T17:00:00Z' } });
    const delighted = delightedBody({ id: 'R-RPL-1', dealId: 'D-NPS-RPL', score: 3, createdAt: '2025-11-05T12:00:00Z' });
    const typeform = typeformBody({ token: 'tok-rpl-1', dealId: 'D-NPS-RPL', score: 10, submittedAt: '2025-11-06T08:00:00Z' });
    expect((await sendSigned('delighted', delighted)).status).toBe(201);
    expect((await sendSigned('typeform', typeform)).status).toBe(201);
    const before = await countItems(stack);

    const replays = [
      await sendSigned('delighted', delighted),
      await sendSigned('typeform', typeform),
      await sendSigned('delighted', Buffer.from(JSON.stringify(JSON.parse(delighted.toString('utf8'))))),
    ];

    for (const replay of replays) {
      expect(replay.status).toBe(200);
      expect(replay.json).toMatchObject({ dealId: 'D-NPS-RPL', attributed: true, status: 'duplicate' });
    }
    expect(replays.map((replay) => replay.json.responseId)).toEqual(['R-RPL-1', 'tok-rpl-1', 'R-RPL-1']);
    expect(await countItems(stack)).toBe(before);
    expect((await storedEvents('deal#D-NPS-RPL')).map((event) => event.type)).toEqual([
      'DealClosed',
      'NpsResponseRecorded',
      'NpsResponseRecorded',
    ]);
    // The deal shows its latest answer: Typeform's 10 on 11-06, after Delighted's 3 on 11-05.
    expect((await getDeal('D-NPS-RPL')).nps).toMatchObject({ score: 10 });

    await stack.drain();
    expect(await npsOf('2025-11')).toEqual(nps(1, 0, 1, 0));
    expect(await npsOf('2025-11', 'person:P-NPS-RPL')).toEqual(nps(1, 0, 1, 0));
  });

  describe('Delighted survey_response.created, then survey_response.updated for the same response', () => {
    it('given created (9, no comment) then updated (6 with a comment, later updated_at), when both arrive, then one answer counts, the updated one, and the deal shows the new comment as latest; created re-sent: 200 duplicate', async () => {
      await closeDeal('D-NPS-UPD', { closedAt: '2025-12-01T15:00:00Z', seller: { id: 'P-NPS-UPD' }, promise: { deliverBy: '2025-12-20T17:00:00Z' } });
      const created = delightedBody({ id: 'R-UPD-1', dealId: 'D-NPS-UPD', score: 9, createdAt: '2025-12-03T10:00:00Z', comment: null });
      const updated = delightedBody({
        eventType: 'survey_response.updated',
        id: 'R-UPD-1',
        dealId: 'D-NPS-UPD',
        score: 6,
        createdAt: '2025-12-03T10:00:00Z',
        updatedAt: '2025-12-03T10:07:00Z',
        comment: 'On reflection: the crew arrived two days late.',
      });

      const first = await sendSigned('delighted', created);
      const second = await sendSigned('delighted', updated);
      const createdAgain = await sendSigned('delighted', created);
      const updatedAgain = await sendSigned('delighted', updated);

      expect([first.status, second.status, createdAgain.status, updatedAgain.status]).toEqual([201, 201, 200, 200]);
      expect(second.json).toEqual({ responseId: 'R-UPD-1', dealId: 'D-NPS-UPD', attributed: true, status: 'recorded' });
      expect(createdAgain.json).toMatchObject({ status: 'duplicate' });
      expect(updatedAgain.json).toMatchObject({ status: 'duplicate' });
      const answers = (await storedEvents('deal#D-NPS-UPD')).filter((event) => event.type === 'NpsResponseRecorded');
      expect(answers).toHaveLength(2);
      const deal = await getDeal('D-NPS-UPD');
      expect(deal.nps).toMatchObject({ score: 6 });
      expect(deal.events.at(-1).data).toMatchObject({
        responseId: 'R-UPD-1',
        score: 6,
        comment: 'On reflection: the crew arrived two days late.',
        respondedAt: '2025-12-03T10:00:00Z',
        updatedAt: '2025-12-03T10:07:00Z',
      });

      await stack.drain();
      // One answer, at its latest score, in the month it was first given.
      expect(await npsOf('2025-12')).toEqual(nps(0, 0, 1, -100));
      expect(await npsOf('2025-12', 'person:P-NPS-UPD')).toEqual(nps(0, 0, 1, -100));
    });

    it('given updated arriving before created (webhooks out of order), when created arrives, then 200 duplicate and the updated answer stands', async () => {
      await closeDeal('D-NPS-OOO', { closedAt: '2026-05-01T15:00:00Z', seller: { id: 'P-NPS-OOO' }, promise: { deliverBy: '2026-05-20T17:00:00Z' } });
      const created = delightedBody({ id: 'R-OOO-1', dealId: 'D-NPS-OOO', score: 5, createdAt: '2026-05-04T10:00:00Z', comment: null });
      const updated = delightedBody({
        eventType: 'survey_response.updated',
        id: 'R-OOO-1',
        dealId: 'D-NPS-OOO',
        score: 10,
        createdAt: '2026-05-04T10:00:00Z',
        updatedAt: '2026-05-04T10:05:00Z',
        comment: 'Changed my mind after the walkthrough.',
      });

      expect((await sendSigned('delighted', updated)).status).toBe(201);
      const late = await sendSigned('delighted', created);

      expect(late.status).toBe(200);
      expect(late.json).toMatchObject({ responseId: 'R-OOO-1', status: 'duplicate' });
      expect((await storedEvents('deal#D-NPS-OOO')).map((event) => event.type)).toEqual(['DealClosed', 'NpsResponseRecorded']);
      expect((await getDeal('D-NPS-OOO')).nps).toMatchObject({ score: 10 });
      await stack.drain();
      expect(await npsOf('2026-05')).toEqual(nps(1, 0, 0, 100));
    });
  });

  it('given a Delighted answer kept unattributed (no deal_id), when its survey_response.updated arrives naming a closed deal, then the answer still counts once for the organisation', async () => {
    await closeDeal('D-NPS-MOVE', { closedAt: '2026-08-01T15:00:00Z', seller: { id: 'P-NPS-MOVE' }, promise: { deliverBy: '2026-08-20T17:00:00Z' } });
    const created = delightedBody({ id: 'R-MOVE-1', dealId: null, score: 9, createdAt: '2026-08-03T10:00:00Z', comment: null });
    const updated = delightedBody({
      eventType: 'survey_response.updated',
      id: 'R-MOVE-1',
      dealId: 'D-NPS-MOVE',
      score: 9,
      createdAt: '2026-08-03T10:00:00Z',
      updatedAt: '2026-08-03T10:06:00Z',
      comment: 'Great crew.',
    });

    expect((await sendSigned('delighted', created)).json).toMatchObject({ attributed: false, status: 'recorded' });
    const second = await sendSigned('delighted', updated);

    expect([200, 201]).toContain(second.status);
    await stack.drain();
    // One customer, one answer (provider + response id): never two promoters in the org's August.
    expect(await npsOf('2026-08')).toEqual(nps(1, 0, 0, 100));
  });

  it('given a provider retrying the same signed webhook five times at once, when they race, then exactly one is recorded (201) and the others are 200 duplicates', async () => {
    await closeDeal('D-NPS-RACE', { closedAt: '2026-09-01T15:00:00Z', seller: { id: 'P-NPS-RACE' }, promise: { deliverBy: '2026-09-20T17:00:00Z' } });
    const onDeal = delightedBody({ id: 'R-RACE-1', dealId: 'D-NPS-RACE', score: 7, createdAt: '2026-09-03T10:00:00Z' });
    const unattributed = typeformBody({ token: 'tok-race-1', dealId: 'D-NPS-NOWHERE', score: 10, submittedAt: '2026-09-04T10:00:00Z' });

    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => sendSigned('delighted', onDeal)),
      ...Array.from({ length: 5 }, () => sendSigned('typeform', unattributed)),
    ]);

    for (const batch of [answers.slice(0, 5), answers.slice(5)]) {
      expect(batch.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(batch.filter((answer) => answer.json.status === 'duplicate')).toHaveLength(4);
    }
    expect((await storedEvents('deal#D-NPS-RACE')).map((event) => event.type)).toEqual(['DealClosed', 'NpsResponseRecorded']);
    expect(await storedEvents('nps#typeform:tok-race-1')).toHaveLength(1);
    await stack.drain();
    expect(await npsOf('2026-09')).toEqual(nps(1, 1, 0, 50));
  });

  it('given the same response id from both providers, when each sends it, then they are two answers (deduplicated by provider and id)', async () => {
    await closeDeal('D-NPS-TWO', { closedAt: '2026-04-01T15:00:00Z', seller: { id: 'P-NPS-TWO' }, promise: { deliverBy: '2026-04-20T17:00:00Z' } });

    const delighted = await sendSigned('delighted', delightedBody({ id: 'same-777', dealId: 'D-NPS-TWO', score: 8, createdAt: '2026-04-03T10:00:00Z' }));
    const typeform = await sendSigned('typeform', typeformBody({ token: 'same-777', dealId: 'D-NPS-TWO', score: 10, submittedAt: '2026-04-04T10:00:00Z' }));

    expect([delighted.status, typeform.status]).toEqual([201, 201]);
    expect((await storedEvents('deal#D-NPS-TWO')).filter((event) => event.type === 'NpsResponseRecorded')).toHaveLength(2);
    await stack.drain();
    expect(await npsOf('2026-04')).toEqual(nps(1, 1, 0, 50));
  });

  describe('a score that is not a whole number 0..10: 400 naming the field in the provider body, nothing stored', () => {
    beforeAll(async () => {
      await closeDeal('D-NPS-BAD', { closedAt: '2026-01-05T15:00:00Z', seller: { id: 'P-NPS-BAD' }, promise: { deliverBy: '2026-01-20T17:00:00Z' } });
    });

    const BAD_SCORES: [string, (holder: Json, key: string) => void][] = [
      ['-1', (holder, key) => (holder[key] = -1)],
      ['11', (holder, key) => (holder[key] = 11)],
      ['7.5', (holder, key) => (holder[key] = 7.5)],
      ['the string "9"', (holder, key) => (holder[key] = '9')],
      ['missing', (holder, key) => delete holder[key]],
    ];

    const expectRefused = async (provider: Provider, raw: Buffer, path: string) => {
      const before = await countItems(stack);
      const response = await sendSigned(provider, raw);
      expectProblem(response, 400, 'validation-failed');
      expect(response.json.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
      expect(response.json.detail).toContain(path);
      expect(await countItems(stack)).toBe(before);
      expect((await storedEvents('deal#D-NPS-BAD')).map((event) => event.type)).toEqual(['DealClosed']);
    };

    it.each(BAD_SCORES)('given a Delighted body whose score is %s, when posted signed, then 400 naming event_data.score', async (_name, spoil) => {
      const raw = edited(DELIGHTED_CREATED, (body) => {
        body.event_data.id = 'R-BAD-1';
        body.event_data.person_properties.deal_id = 'D-NPS-BAD';
        spoil(body.event_data, 'score');
      });
      await expectRefused('delighted', raw, 'event_data.score');
    });

    it.each(BAD_SCORES)('given a Typeform body whose opinion-scale answer is %s, when posted signed, then 400 naming form_response.answers.1.number', async (_name, spoil) => {
      const raw = edited(TYPEFORM, (body) => {
        body.form_response.token = 'tok-bad-1';
        body.form_response.hidden.deal_id = 'D-NPS-BAD';
        spoil(body.form_response.answers[1], 'number');
      });
      await expectRefused('typeform', raw, 'form_response.answers.1.number');
    });

    it('given a Typeform nps-field body whose score is 11, when posted signed, then 400 naming that answer (form_response.answers.0.number)', async () => {
      const raw = edited(TYPEFORM_NPS_FIELD, (body) => {
        body.form_response.hidden.deal_id = 'D-NPS-BAD';
        body.form_response.answers[0].number = 11;
      });
      await expectRefused('typeform', raw, 'form_response.answers.0.number');
    });

    it('given a Typeform body with no opinion-scale answer at all, when posted signed, then 400 naming form_response.answers', async () => {
      const raw = edited(TYPEFORM, (body) => {
        body.form_response.hidden.deal_id = 'D-NPS-BAD';
        body.form_response.answers.splice(1, 1);
      });
      await expectRefused('typeform', raw, 'form_response.answers');
    });
  });

  it('given a signed Delighted event that is not a survey response (unsubscribe.created), when posted, then 200 ignored and nothing stored', async () => {
    const before = await countItems(stack);
    const response = await sendSigned('delighted', fixture(DELIGHTED_UNSUBSCRIBE));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ignored' });
    expect(await countItems(stack)).toBe(before);
  });

  describe('answers that name no deal we know are kept, counted for the organisation and listed for attribution', () => {
    let unknownDeal: Awaited<ReturnType<typeof sendSigned>>;
    let noDealId: Awaited<ReturnType<typeof sendSigned>>;
    let nullDealId: Awaited<ReturnType<typeof sendSigned>>;
    const TYPEFORM_NO_DEAL_TOKEN = '9xq2v7c0m4n8b1z5k3j6h0g2f4d8s1a7';

    beforeAll(async () => {
      unknownDeal = await sendSigned('delighted', delightedBody({ id: 'R-UNK-1', dealId: 'D-NOPE-404', score: 10, createdAt: '2026-02-10T12:00:00Z' }));
      // The documented nps-field body carries no deal_id in `hidden` at all.
      noDealId = await sendSigned(
        'typeform',
        edited(TYPEFORM_NPS_FIELD, (body) => {
          expect(body.form_response.hidden).not.toHaveProperty('deal_id');
          body.form_response.submitted_at = '2026-02-11T09:00:00Z';
          body.form_response.answers[0].number = 9;
        }),
      );
      nullDealId = await sendSigned('delighted', delightedBody({ id: 'R-UNK-3', dealId: null, score: 3, createdAt: '2026-02-12T12:00:00Z' }));
    });

    it('given a deal id that was never closed, when posted, then 201 attributed:false and the answer is on its own stream, creating no deal', async () => {
      expect(unknownDeal.status).toBe(201);
      expect(unknownDeal.json).toEqual({ responseId: 'R-UNK-1', dealId: 'D-NOPE-404', attributed: false, status: 'recorded' });
      const stored = await storedEvents('nps#delighted:R-UNK-1');
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ type: 'NpsResponseRecorded', data: { responseId: 'R-UNK-1', dealId: 'D-NOPE-404', score: 10 } });
      expect(await storedEvents('deal#D-NOPE-404')).toEqual([]);
      expect((await call(stack, 'GET', '/v1/deals/D-NOPE-404', { token: admin })).status).toBe(404);
    });

    it('given no deal_id (absent, or null), when posted, then 201 attributed:false, each on its own stream', async () => {
      expect(noDealId.status).toBe(201);
      expect(noDealId.json).toEqual({ responseId: TYPEFORM_NO_DEAL_TOKEN, dealId: null, attributed: false, status: 'recorded' });
      expect(nullDealId.status).toBe(201);
      expect(nullDealId.json).toEqual({ responseId: 'R-UNK-3', dealId: null, attributed: false, status: 'recorded' });
      expect(await storedEvents(`nps#typeform:${TYPEFORM_NO_DEAL_TOKEN}`)).toHaveLength(1);
      expect(await storedEvents('nps#delighted:R-UNK-3')).toHaveLength(1);
    });

    it('given an unattributed answer sent again, when posted, then 200 duplicate and nothing new stored', async () => {
      const before = await countItems(stack);
      const replay = await sendSigned('delighted', delightedBody({ id: 'R-UNK-1', dealId: 'D-NOPE-404', score: 10, createdAt: '2026-02-10T12:00:00Z' }));
      expect(replay.status).toBe(200);
      expect(replay.json).toMatchObject({ responseId: 'R-UNK-1', attributed: false, status: 'duplicate' });
      expect(await countItems(stack)).toBe(before);
    });

    it('given the projector has caught up, then they count in the org NPS of their month and on no person or team scorecard', async () => {
      await stack.drain();
      expect(await npsOf('2026-02')).toEqual(nps(2, 0, 1, 33));
      const february = (await scanItems({ client: stack.client, tableName: stack.projectionsTableName })).filter(
        (item) => item[projectionsTable.sortKey]?.S === '2026-02',
      );
      expect(february.map((item) => item[projectionsTable.partitionKey]?.S)).toEqual([expect.stringMatching(/scorecard#org$/)]);
    });

    it('given admin or leadership, when GET /v1/nps/unattributed, then the three answers are listed (and no attributed one); sales and ops: 403; no token: 401', async () => {
      await stack.drain();
      for (const token of [admin, leadership]) {
        const listed = await call(stack, 'GET', '/v1/nps/unattributed', { token });
        expect(listed.status).toBe(200);
        const ids = listed.json.responses.map((response: Json) => response.responseId);
        expect(ids).toEqual(expect.arrayContaining(['R-UNK-1', TYPEFORM_NO_DEAL_TOKEN, 'R-UNK-3']));
        expect(ids).not.toContain('812604310');
        expect(listed.json.responses).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ provider: 'delighted', responseId: 'R-UNK-1', dealId: 'D-NOPE-404', score: 10, respondedAt: '2026-02-10T12:00:00Z' }),
            expect.objectContaining({ provider: 'typeform', responseId: TYPEFORM_NO_DEAL_TOKEN, dealId: null, score: 9 }),
            expect.objectContaining({ provider: 'delighted', responseId: 'R-UNK-3', dealId: null, score: 3 }),
          ]),
        );
      }
      expect((await call(stack, 'GET', '/v1/nps/unattributed', { token: sales })).status).toBe(403);
      expect((await call(stack, 'GET', '/v1/nps/unattributed', { token: await tokenFor('P-OPS-9', 'ops') })).status).toBe(403);
      expect((await call(stack, 'GET', '/v1/nps/unattributed')).status).toBe(401);
    });
  });

  it('given a deal closed and cancelled in June, when its customer answers in July, then the answer is recorded on the deal and counts for the org in July', async () => {
    await closeDeal('D-NPS-CXL', { closedAt: '2026-06-02T15:00:00Z', seller: { id: 'P-NPS-CXL' }, promise: { deliverBy: '2026-06-20T17:00:00Z' } });
    expect((await call(stack, 'POST', '/v1/deals/D-NPS-CXL/cancellation', { token: admin, body: cancellationBody({ at: '2026-06-05T10:00:00Z' }) })).status).toBe(201);

    const response = await sendSigned('typeform', typeformBody({ token: 'tok-cxl-1', dealId: 'D-NPS-CXL', score: 2, submittedAt: '2026-07-09T10:00:00Z' }));

    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ dealId: 'D-NPS-CXL', attributed: true, status: 'recorded' });
    const deal = await getDeal('D-NPS-CXL');
    expect(deal.status).toBe('cancelled');
    expect(deal.nps).toMatchObject({ score: 2 });
    await stack.drain();
    expect(await npsOf('2026-07')).toEqual(nps(0, 0, 1, -100));
    expect(await npsOf('2026-06')).toEqual(NO_NPS);
  });
});

describe('webhook secrets not configured', () => {
  const signedBodies = {
    delighted: delightedBody({ id: 'R-NOSECRET-1', dealId: 'D-ANY', score: 9, createdAt: '2026-03-01T10:00:00Z' }),
    typeform: typeformBody({ token: 'tok-nosecret-1', dealId: 'D-ANY', score: 9, submittedAt: '2026-03-01T10:00:00Z' }),
  };

  it('given an API with neither secret set, when each provider posts a signed body, then 500 webhook-secret-missing and nothing stored', async () => {
    const api = await startTestApi({ env: {} });
    try {
      for (const provider of ['delighted', 'typeform'] as const) {
        const response = await sendSigned(provider, signedBodies[provider], api);
        expectProblem(response, 500, 'webhook-secret-missing');
      }
      expect(await countItems(api)).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('given an API with only the Delighted secret set (the Typeform one empty), when both post, then Delighted is recorded and Typeform is refused with 500, storing nothing', async () => {
    const api = await startTestApi({ env: { HANDSHAKE_DELIGHTED_SECRET: SECRET, HANDSHAKE_TYPEFORM_SECRET: '' } });
    try {
      const delighted = await sendSigned('delighted', signedBodies.delighted, api);
      expect(delighted.status).toBe(201);
      expect(delighted.json).toMatchObject({ attributed: false, status: 'recorded' });
      const stored = await countItems(api);
      expect(stored).toBe(1);

      // Signed with the empty secret, as an unconfigured provider's requests would verify against nothing.
      const typeform = await postWebhook(api, 'typeform', signedBodies.typeform, signatureHeaders.typeform(signedBodies.typeform, ''));
      expectProblem(typeform, 500, 'webhook-secret-missing');
      expect(await countItems(api)).toBe(stored);
    } finally {
      await api.close();
    }
  });
});
