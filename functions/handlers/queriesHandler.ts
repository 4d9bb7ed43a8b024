import { dealStreamId } from '../../domain/deal/envelope.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { callerOf, requireRole } from '../http/caller.ts';
import { etagOf } from '../http/headers.ts';
import { createHttpHandler } from '../http/httpHandler.ts';
import { openApiDocument } from '../http/openApi.ts';
import { dealIdOf } from '../http/pathParameters.ts';
import { HttpProblem, jsonResponse } from '../http/problem.ts';
import { canSeeDeal, dealView } from '../queries/dealView.ts';

export interface QueriesHandlerDeps {
  store: DynamoEventStore;
}

export const createQueriesHandler = (deps: QueriesHandlerDeps) =>
  createHttpHandler({
    'GET /v1/deals/{dealId}': async (event, route) => {
      const caller = callerOf(event);
      requireRole(caller, route);
      const dealId = dealIdOf(event);
      const stream = await deps.store.readStream(dealStreamId(dealId));
      const events = stream.events.map((stored) => stored.event);
      const view = dealView(events);
      if (!view) throw new HttpProblem(404, 'unknown-deal', `no deal ${dealId} has been closed`);
      if (!canSeeDeal(caller, events)) {
        throw new HttpProblem(403, 'not-your-deal', `deal ${dealId} is not one of the caller's deals`);
      }
      return jsonResponse(200, view, { etag: etagOf(view.version) });
    },
    'GET /v1/openapi.json': async () => jsonResponse(200, openApiDocument()),
  });
