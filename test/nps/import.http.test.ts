import { beforeAll, describe, expect, it } from 'vitest';
import { scorecardNpsOf } from '../support/apiSteps.ts';
import { useTestStack } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { closeDealBody } from '../support/sampleDeals.ts';
import { countItems, storedEnvelopesOf } from '../support/storedItems.ts';

/*
 * POST /v1/nps/responses over real HTTP on the local stack: an admin's batch of answers (what the CSV
 * import sends). Each item is checked on its own: one bad answer never drops the good ones; a batch with
 * nothing good is a 400 naming every field; an answer already recorded is a duplicate, counted once.
 *
 * October 2026 (UTC), deals D-IMP-1 (seller P-IMP-1) and D-IMP-2 (seller P-IMP-2):
 *   R-IMP-1 9 on D-IMP-1 (promoter), R-IMP-2 11 (refused), R-IMP-3 4 on unknown D-IMP-404 (detractor, org only),
 *   R-IMP-4 8 with no deal (passive, org only)  ->  org P1 Pa1 D1 = 0; P-IMP-1 P1 = 100; P-IMP-2 nothing.
 */

type Json = Record<string, any>;

const { stack } = useTestStack();
const admin = await tokenFor('P-ADMIN', 'admin');

beforeAll(async () => {
  for (const [dealId, seller] of [['D-IMP-1', 'P-IMP-1'], ['D-IMP-2', 'P-IMP-2']] as const) {
    const closed = await call(stack, 'POST', '/v1/deals', {
      token: admin,
      body: closeDealBody(dealId, { closedAt: '2026-10-01T15:00:00Z', seller: { id: seller } }),
    });
    expect(closed.status).toBe(201);
  }
});

/** Posts a batch as the admin, or with the token given (null: no Authorization header at all). */
const postBatch = (responses: unknown[], token: string | null = admin) =>
  call(stack, 'POST', '/v1/nps/responses', { ...(token === null ? {} : { token }), body: { responses } });

const storedEvents = (streamId: string) => storedEnvelopesOf(stack, streamId);
const npsOf = (month: string, dimension?: string) => scorecardNpsOf(stack, admin, month, dimension);

const MIXED_BATCH = [
  { responseId: 'R-IMP-1', dealId: 'D-IMP-1', score: 9, comment: 'Sealed, striped, done on time.', respondedAt: '2026-10-05T10:00:00Z' },
  { responseId: 'R-IMP-2', dealId: 'D-IMP-2', score: 11, comment: 'Eleven out of ten!', respondedAt: '2026-10-05T11:00:00Z' },
  { responseId: 'R-IMP-3', dealId: 'D-IMP-404', score: 4, respondedAt: '2026-10-06T09:00:00+02:00' },
  { responseId: 'R-IMP-4', dealId: null, score: 8, respondedAt: '2026-10-07T12:00:00Z' },
];

describe('POST /v1/nps/responses (admin): bulk import', () => {
  it('given a batch of good answers and one with score 11, when an admin posts it, then 200 with the good ones accepted and stored and the bad one rejected by index and path', async () => {
    const response = await postBatch(MIXED_BATCH);

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(response.json.rejected).toEqual([{ index: 1, errors: [expect.objectContaining({ path: 'responses.1.score' })] }]);
    expect(response.json.results).toEqual([
      { index: 0, responseId: 'R-IMP-1', dealId: 'D-IMP-1', attributed: true, status: 'recorded' },
      { index: 2, responseId: 'R-IMP-3', dealId: 'D-IMP-404', attributed: false, status: 'recorded' },
      { index: 3, responseId: 'R-IMP-4', dealId: null, attributed: false, status: 'recorded' },
    ]);

    const onDeal = await storedEvents('deal#D-IMP-1');
    expect(onDeal.map((event) => event.type)).toEqual(['DealClosed', 'NpsResponseRecorded']);
    expect(onDeal[1]).toMatchObject({
      actor: { id: 'P-ADMIN' },
      occurredAt: '2026-10-05T10:00:00Z',
      data: { provider: 'import', responseId: 'R-IMP-1', dealId: 'D-IMP-1', score: 9, comment: 'Sealed, striped, done on time.' },
    });
    expect((await storedEvents('deal#D-IMP-2')).map((event) => event.type)).toEqual(['DealClosed']);
    expect(await storedEvents('nps#import:R-IMP-2')).toEqual([]);
    expect((await storedEvents('nps#import:R-IMP-3'))[0]).toMatchObject({ data: { dealId: 'D-IMP-404', score: 4 } });
    expect((await storedEvents('nps#import:R-IMP-4'))[0]).toMatchObject({ data: { dealId: null, score: 8 } });
    expect((await call(stack, 'GET', '/v1/deals/D-IMP-1', { token: admin })).json.nps).toMatchObject({ score: 9 });

    await stack.drain();
    expect(await npsOf('2026-10')).toEqual({ responses: 3, promoters: 1, passives: 1, detractors: 1, score: 0 });
    expect(await npsOf('2026-10', 'person:P-IMP-1')).toEqual({ responses: 1, promoters: 1, passives: 0, detractors: 0, score: 100 });
    expect(await npsOf('2026-10', 'person:P-IMP-2')).toEqual({ responses: 0, promoters: 0, passives: 0, detractors: 0, score: null });
  });

  it('given the same batch again, when posted, then 200 with every good answer a duplicate, nothing new stored and nothing counted twice', async () => {
    const before = await countItems(stack);

    const response = await postBatch(MIXED_BATCH);

    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(response.json.results.map((result: Json) => [result.index, result.status])).toEqual([
      [0, 'duplicate'],
      [2, 'duplicate'],
      [3, 'duplicate'],
    ]);
    expect(response.json.rejected).toEqual([{ index: 1, errors: [expect.objectContaining({ path: 'responses.1.score' })] }]);
    expect(await countItems(stack)).toBe(before);
    await stack.drain();
    expect(await npsOf('2026-10')).toEqual({ responses: 3, promoters: 1, passives: 1, detractors: 1, score: 0 });
  });

  it('given an answer imported without a deal (R-IMP-4), when it is imported again naming a deal, then 200 and it is still counted once for the organisation', async () => {
    const response = await postBatch([{ responseId: 'R-IMP-4', dealId: 'D-IMP-2', score: 8, respondedAt: '2026-10-07T12:00:00Z' }]);

    expect(response.status).toBe(200);
    await stack.drain();
    // A response id seen before counts nothing new: the org still has three answers in October, not four.
    expect(await npsOf('2026-10')).toEqual({ responses: 3, promoters: 1, passives: 1, detractors: 1, score: 0 });
  });

  it('given a batch where no answer is valid, when posted, then 400 naming responses.0.score (and every other field at fault) and nothing stored', async () => {
    const before = await countItems(stack);

    const response = await postBatch([
      { responseId: 'R-BAD-0', dealId: 'D-IMP-1', score: 11, respondedAt: '2026-10-05T10:00:00Z' },
      { responseId: 'R-BAD-1', dealId: 'D-IMP-1', score: '9', respondedAt: '2026-10-05T10:00:00Z' },
      { responseId: 'R-BAD-2', dealId: 'D-IMP-1', score: 7.5, respondedAt: '2026-10-05T10:00:00Z' },
      { responseId: 'R-BAD-3', dealId: 'D-IMP-1', score: -1, respondedAt: '2026-10-05T10:00:00Z' },
      { responseId: 'R-BAD-4', dealId: 'D-IMP-1', respondedAt: '2026-10-05T10:00:00Z' },
      { responseId: 'R-BAD-5', dealId: 'D-IMP-1', score: 9 },
      { responseId: 'R-BAD-6', dealId: 'D-IMP-1', score: 9, respondedAt: 'last Tuesday' },
      { responseId: '', dealId: 'D-IMP-1', score: 9, respondedAt: '2026-10-05T10:00:00Z' },
      { responseId: 'R-BAD-8', dealId: 'not a deal id!', score: 9, respondedAt: '2026-10-05T10:00:00Z' },
      { responseId: 'R-BAD-9', dealId: 'D-IMP-1', score: 9, respondedAt: '2026-10-05T10:00:00Z', surveyName: 'Q4' },
      'R-BAD-10,D-IMP-1,9',
    ]);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.json).toMatchObject({ type: 'urn:handshake:problem:validation-failed', status: 400 });
    expect(response.json.detail).toContain('responses.0.score');
    expect(response.json.errors.map((error: Json) => error.path)).toEqual([
      'responses.0.score',
      'responses.1.score',
      'responses.2.score',
      'responses.3.score',
      'responses.4.score',
      'responses.5.respondedAt',
      'responses.6.respondedAt',
      'responses.7.responseId',
      'responses.8.dealId',
      'responses.9.surveyName',
      'responses.10',
    ]);
    expect(await countItems(stack)).toBe(before);
  });

  it('given an empty batch, when posted, then 400 naming responses', async () => {
    const response = await postBatch([]);
    expect(response.status).toBe(400);
    expect(response.json.errors).toEqual([expect.objectContaining({ path: 'responses' })]);
  });

  it('given a sales or leadership token, when posting a good batch, then 403 and nothing stored; without a token, 401', async () => {
    const before = await countItems(stack);
    const batch = [{ responseId: 'R-IMP-AUTH', dealId: 'D-IMP-1', score: 10, respondedAt: '2026-10-08T10:00:00Z' }];

    const asSales = await postBatch(batch, await tokenFor('P-IMP-1', 'sales'));
    const asLeadership = await postBatch(batch, await tokenFor('P-LEAD', 'leadership'));
    const anonymous = await postBatch(batch, null);

    expect(asSales.status).toBe(403);
    expect(asSales.json).toMatchObject({ type: 'urn:handshake:problem:role-not-allowed', status: 403 });
    expect(asLeadership.status).toBe(403);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ status: 401 });
    expect(await countItems(stack)).toBe(before);
    expect(await storedEvents('deal#D-IMP-1')).toHaveLength(2);
  });
});
