import { beforeAll, describe, expect, it } from 'vitest';
import type { RebuildProgress } from '../../functions/projections/rebuild.ts';
import { ScorecardRepository } from '../../functions/projections/scorecardRepository.ts';
import { call, startTestApi, tokenFor, type TestApi } from '../support/localApi.ts';
import { generationItems, projectAllStoredEvents, projectorFor, rebuildInto } from '../support/projection.ts';
import { cancellationBody, closeDealBody, deliveryBody, handoffBody, handoffReturnBody, promiseRevisionBody, scopeChangeBody } from '../support/sampleDeals.ts';

let api: TestApi;

const rebuild = (onProgress?: (progress: RebuildProgress) => void) =>
  rebuildInto({ client: api.client, eventsTable: api.tableName, projectionsTable: api.projectionsTableName, onProgress });

beforeAll(async () => {
  api = await startTestApi();
  const admin = await tokenFor('A-1', 'admin');
  const post = (path: string, body: unknown) => call(api, 'POST', path, { token: admin, body });
  for (let i = 1; i <= 12; i++) {
    const dealId = `RB-${i}`;
    await post('/v1/deals', closeDealBody(dealId, { seller: { id: `S-${i % 3}` }, salesTeam: `T-${i % 2}`, closedAt: `2026-${i % 2 ? '09' : '10'}-0${(i % 9) + 1}T12:00:00Z` }));
    if (i % 4 === 0) continue;
    await post(`/v1/deals/${dealId}/handoff`, handoffBody({ at: '2026-10-11T09:00:00Z', opsOwner: { id: `O-${i % 2}` } }));
    if (i % 4 === 1) {
      // Operations returns the handoff; sales hands it off again, to another owner, the next day.
      await post(`/v1/deals/${dealId}/handoff-return`, handoffReturnBody({ at: '2026-10-11T15:00:00Z' }));
      await post(`/v1/deals/${dealId}/handoff`, handoffBody({ at: '2026-10-12T08:00:00Z', opsOwner: { id: 'O-AGAIN' } }));
    }
    if (i % 3 === 0) await post(`/v1/deals/${dealId}/scope-changes`, scopeChangeBody({ at: '2026-10-12T09:00:00Z' }));
    if (i % 5 === 0) await post(`/v1/deals/${dealId}/promise-revisions`, promiseRevisionBody({ at: '2026-10-12T09:00:00Z', initiatedBy: 'ops' }));
    if (i % 6 === 1) continue;
    await post(`/v1/deals/${dealId}/delivery`, deliveryBody({ at: `2026-1${i % 2}-2${i % 9}T10:00:00Z` }));
    if (i === 10) await post(`/v1/deals/${dealId}/cancellation`, cancellationBody({ at: '2026-11-02T10:00:00Z' }));
  }
  for (const [at, amount] of [['2026-09-20T09:00:00Z', 900_000], ['2026-09-25T09:00:00Z', 800_000]] as const) {
    const response = await call(api, 'PUT', '/v1/forecasts/2026-10/S-1', { token: admin, body: { at, commit: { amount, currency: 'USD' } } });
    expect(response.status).toBe(201);
  }
  await projectAllStoredEvents({ client: api.client, eventsTable: api.tableName, projectionsTable: api.projectionsTableName });
});

describe('rebuilding the projections from the events table', () => {
  it('given live projections, when rebuilt, then the new generation is identical item for item and reads switch to it', async () => {
    const progress: RebuildProgress[] = [];

    const result = await rebuild((update) => progress.push(update));

    expect(result.previousGeneration).toBe(1);
    expect(result.generation).toBe(2);
    expect(result.deals).toBe(13); // 12 deals and one seller's forecasts: every stream the rebuild folds
    const live = await generationItems(api.client, api.projectionsTableName, 1);
    const rebuilt = await generationItems(api.client, api.projectionsTableName, 2);
    expect(live.size).toBeGreaterThan(12);
    // Returned handoffs (RB-1, RB-5, RB-9), the seller's forecasts and their closes are in what is compared.
    expect(live.get('forecasts|S-1')).toBeDefined();
    expect(live.get('seller-closes#S-1|RB-1')).toBeDefined();
    expect(live.get('scorecard#org|2026-10')).toMatchObject({ handoffs: { N: '12' }, hoReturned: { N: '3' }, hoReturns: { N: '3' } });
    expect([...rebuilt.keys()].sort()).toEqual([...live.keys()].sort());
    for (const [key, item] of live) expect(rebuilt.get(key), key).toEqual(item);
    const { generations } = projectorFor({ client: api.client, eventsTable: api.tableName, projectionsTable: api.projectionsTableName });
    expect(await generations.current()).toBe(2);
    expect(progress.some((update) => update.phase === 'reading events' && update.done === result.events)).toBe(true);
  });

  it('given a rebuilt generation, when an event lands afterwards, then live projection continues on the new generation', async () => {
    const admin = await tokenFor('A-1', 'admin');
    const closed = await call(api, 'POST', '/v1/deals', {
      token: admin,
      body: closeDealBody('RB-LATE', { closedAt: '2026-10-30T12:00:00Z', promise: { deliverBy: '2026-11-30T12:00:00Z' } }),
    });
    expect(closed.status).toBe(201);
    const current = await projectorFor({
      client: api.client,
      eventsTable: api.tableName,
      projectionsTable: api.projectionsTableName,
    }).generations.current();

    await projectAllStoredEvents({ client: api.client, eventsTable: api.tableName, projectionsTable: api.projectionsTableName });

    const repository = new ScorecardRepository(api.client, api.projectionsTableName, async () => current);
    const october = await repository.month('org', '2026-10');
    const before = (await generationItems(api.client, api.projectionsTableName, 1)).get('scorecard#org|2026-10');
    expect(october.months.get('2026-10')!.closed).toBe(Number(before!.closed!.N) + 1);
  });

  it('given a rebuild that died after claiming a generation, when rebuilt again, then it fills a fresh generation', async () => {
    const { generations } = projectorFor({ client: api.client, eventsTable: api.tableName, projectionsTable: api.projectionsTableName });
    const abandoned = await generations.claimNext();

    const result = await rebuild();

    expect(result.generation).toBe(abandoned + 1);
    const scorecard = await call(api, 'GET', '/v1/scorecards/2026-10', { token: await tokenFor('L-1', 'leadership') });
    expect(scorecard.status).toBe(200);
    expect(scorecard.json.deals.closed).toBeGreaterThan(0);
  });
});
