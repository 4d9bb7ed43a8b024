import { dealStreamId } from '../../domain/streams.ts';
import { isDealEvent } from '../../domain/events.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { canSeeDeal, requireScorecardAccess } from '../http/access.ts';
import { callerOf, requireRole } from '../http/caller.ts';
import { etagOf } from '../http/headers.ts';
import { createHttpHandler } from '../http/httpHandler.ts';
import { dealIdOf, monthOfPath } from '../http/pathParameters.ts';
import { HttpProblem, jsonResponse } from '../http/problem.ts';
import { dimensionOf, trendRangeOf } from '../http/queryParameters.ts';
import type { ScorecardRepository } from '../projections/scorecardRepository.ts';
import type { UnattributedNpsRepository } from '../projections/unattributedNpsRepository.ts';
import { dealView } from '../queries/dealView.ts';
import { scorecardFor, trendFor } from '../queries/scorecardQuery.ts';
import { forecastSectionFor } from '../queries/forecastQuery.ts';
import type { ForecastsRepository } from '../projections/forecastsRepository.ts';

export interface QueriesHandlerDeps {
  store: DynamoEventStore;
  scorecards: ScorecardRepository;
  unattributedNps: UnattributedNpsRepository;
  reportingCurrency: string;
  forecasts: ForecastsRepository;
  timeZone: string;
}

export const createQueriesHandler = (deps: QueriesHandlerDeps) =>
  createHttpHandler('queries', {
    'GET /v1/deals/{dealId}': async (event, route) => {
      const caller = callerOf(event);
      requireRole(caller, route);
      const dealId = dealIdOf(event);
      const stream = await deps.store.readStream(dealStreamId(dealId));
      const events = stream.events.map((stored) => stored.event).filter(isDealEvent);
      const view = dealView(events);
      if (!view) throw new HttpProblem(404, 'unknown-deal', `no deal ${dealId} has been closed`);
      if (!canSeeDeal(caller, events)) {
        throw new HttpProblem(403, 'not-your-deal', `deal ${dealId} is not one of the caller's deals`);
      }
      return jsonResponse(200, view, { etag: etagOf(view.version) });
    },
    'GET /v1/scorecards/{month}': async (event, route) => {
      const caller = callerOf(event);
      requireRole(caller, route);
      const month = monthOfPath(event);
      const dimension = dimensionOf(event);
      requireScorecardAccess(caller, dimension);
      const [scorecard, forecast] = await Promise.all([
        scorecardFor(deps.scorecards, deps.reportingCurrency, dimension, month),
        forecastSectionFor(
          { forecasts: deps.forecasts, scorecards: deps.scorecards, currency: deps.reportingCurrency, timeZone: deps.timeZone },
          dimension,
          month,
        ),
      ]);
      return jsonResponse(200, { ...scorecard, forecast });
    },
    'GET /v1/scorecards': async (event, route) => {
      const caller = callerOf(event);
      requireRole(caller, route);
      const range = trendRangeOf(event);
      const dimension = dimensionOf(event);
      requireScorecardAccess(caller, dimension);
      return jsonResponse(200, { months: await trendFor(deps.scorecards, deps.reportingCurrency, dimension, range) });
    },
    'GET /v1/nps/unattributed': async (event, route) => {
      requireRole(callerOf(event), route);
      return jsonResponse(200, await deps.unattributedNps.list());
    },
    // Loaded on its first request: building the contract's schemas is a cold start cost every other route would pay.
    'GET /v1/openapi.json': async () => jsonResponse(200, (await import('../contract/openApi.ts')).openApiDocument()),
  });
