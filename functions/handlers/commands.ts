import { hash, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from '../../domain/zod.ts';
import {
  CancelDealBody,
  ChangeScopeBody,
  CloseDealBody,
  DeliverBody,
  HandOffBody,
  ReturnHandoffBody,
  RevisePromiseBody,
  type DealCommand,
} from '../../domain/deal/commands.ts';
import type { Engagement } from '../../domain/promises/engagementRecord.ts';
import { createDealCommandService, type DealCommandService } from '../commands/dealCommandService.ts';
import { createCommandService } from '../commands/commandService.ts';
import { SubmitForecastBody } from '../../domain/forecasts/commands.ts';
import type { ForecastEvent } from '../../domain/forecasts/events.ts';
import { forecastDecider, type SellerForecasts, type SubmitForecast } from '../../domain/forecasts/forecastDecider.ts';
import { streamKinds } from '../../domain/streams.ts';
import { configDefaults } from '../config.ts';
import { HttpProblem } from '../http/problem.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { callerOf, requireRole } from '../http/caller.ts';
import { etagOf, expectedVersionOf, header, idempotencyKeyOf } from '../http/headers.ts';
import { createHttpHandler, type RouteHandler } from '../http/httpHandler.ts';
import { toHttpProblem } from '../http/errorResponse.ts';
import { dealIdOf, monthOfPath, personIdOfPath } from '../http/pathParameters.ts';
import { jsonResponse } from '../http/problem.ts';
import { parseJsonBody } from '../http/requestBody.ts';
import { deliveryOutcomes } from '../observability/deliveryOutcomes.ts';
import { flushingMetrics, processMetrics, type MetricsRecorder } from '../observability/metrics.ts';

export interface CommandsHandlerDeps {
  /** The currency scorecards report money in: a forecast must be in it (default USD, as configured). */
  reportingCurrency?: string;
  store: DynamoEventStore;
  tenantId: string;
  now?: () => Date;
  newEventId?: () => string;
  /** How a close stands with the rules of engagement; without it a close records no engagement (null). */
  engagementOf?: (body: CloseDealBody) => Promise<Engagement>;
  /** Where accepted and refused commands and kept promises are counted (default: this process's recorder). */
  metrics?: MetricsRecorder;
}

type CommandType = DealCommand['type'];

/** What a route's commands are counted and answered with. */
interface CommandCounting {
  service: DealCommandService;
  metrics: MetricsRecorder;
  promiseKept: (command: DealCommand) => boolean | undefined;
}

/**
 * Same route, same deal, same validated body: the same request (zod output has a fixed key order).
 * The one-shot hash gives the same digest as a Hash object without building one per request.
 */
const fingerprintOf = (routeKey: string, dealId: string, body: unknown): string =>
  hash('sha256', `${routeKey}\n${dealId}\n${JSON.stringify(body)}`, 'base64url');

/**
 * A command route: parse, decide through the command service, answer 201 with the new version. It is
 * counted as accepted when its events were appended (a replay appends nothing and is not counted
 * again) and as refused by the problem it is answered with; a 5xx is our failure, not a refusal, and
 * the API's 5xx alarm and the function's errors count it.
 */
const commandRoute =
  <T extends CommandType, S extends z.core.$ZodType>(
    { service, metrics, promiseKept }: CommandCounting,
    commandType: T,
    schema: S,
    toCommand: (body: z.output<S>) => Extract<DealCommand, { type: T }> | Promise<Extract<DealCommand, { type: T }>>,
    dealIdFrom: (event: APIGatewayProxyEventV2, body: z.output<S>) => string = (event) => dealIdOf(event),
  ): RouteHandler =>
  async (event, route) => {
    try {
      const caller = callerOf(event);
      requireRole(caller, route);
      const pathDealId = event.pathParameters?.dealId === undefined ? undefined : dealIdOf(event);
      const idempotencyKey = idempotencyKeyOf(event);
      const expectedVersion = expectedVersionOf(event);
      const body = parseJsonBody(event, schema);
      const dealId = pathDealId ?? dealIdFrom(event, body);
      const command = await toCommand(body);
      const result = await service({
        dealId,
        command,
        actor: caller,
        idempotencyKey,
        expectedVersion,
        fingerprint: fingerprintOf(event.routeKey, dealId, body),
        correlationId: header(event, 'x-correlation-id') ?? event.requestContext?.requestId,
      });
      if (!result.replayed) {
        metrics.commandAccepted(commandType);
        const kept = promiseKept(command);
        if (kept !== undefined) metrics.promiseOutcome(kept);
      }
      return jsonResponse(
        201,
        { dealId: result.dealId, version: result.version },
        {
          etag: etagOf(result.version),
          location: `/v1/deals/${encodeURIComponent(result.dealId)}`,
          ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}),
        },
      );
    } catch (error) {
      const problem = toHttpProblem(error);
      if (problem.status < 500) metrics.commandRejected(commandType, problem.slug);
      throw problem;
    }
  };

/**
 * PUT /v1/forecasts/{month}/{personId}: the seller's own forecast (or an admin's on their behalf), in the
 * scorecard currency. Like the deal commands it honours Idempotency-Key and If-Match (the version of the
 * seller's forecast stream); the same forecast sent again (same month, `at` and commit) records nothing
 * new and answers 201 with the version it was recorded at.
 */
const forecastRoute =
  (service: ReturnType<typeof createCommandService<SellerForecasts, SubmitForecast, ForecastEvent>>, currency: string, metrics: MetricsRecorder): RouteHandler =>
  async (event, route) => {
    try {
      const caller = callerOf(event);
      requireRole(caller, route);
      const month = monthOfPath(event);
      const personId = personIdOfPath(event);
      if (!caller.roles.includes('admin') && caller.id !== personId) {
        throw new HttpProblem(403, 'not-your-forecast', 'a seller submits only their own forecast');
      }
      const idempotencyKey = idempotencyKeyOf(event);
      const expectedVersion = expectedVersionOf(event);
      const body = parseJsonBody(event, SubmitForecastBody);
      if (body.commit.currency !== currency) {
        throw new HttpProblem(400, 'validation-failed', `invalid field: commit.currency`, [
          { path: 'commit.currency', message: `must be ${currency}, the currency scorecards report in` },
        ]);
      }
      const streamId = streamKinds.forecast.streamId(personId);
      const result = await service({
        streamId,
        command: { type: 'SubmitForecast', personId, month, at: body.at, commit: body.commit },
        actor: caller,
        ...(idempotencyKey ? { idempotencyKey } : {}),
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
        fingerprint: fingerprintOf(event.routeKey, streamId, { month, ...body }),
        correlationId: header(event, 'x-correlation-id') ?? event.requestContext?.requestId,
      });
      if (!result.replayed) metrics.commandAccepted('SubmitForecast');
      return jsonResponse(
        201,
        { personId, month, version: result.version },
        {
          etag: etagOf(result.version),
          // Where the call is held against what the seller closes.
          location: `/v1/scorecards/${month}?dimension=${encodeURIComponent(`person:${personId}`)}`,
          ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}),
        },
      );
    } catch (error) {
      const problem = toHttpProblem(error);
      if (problem.status < 500) metrics.commandRejected('SubmitForecast', problem.slug);
      throw problem;
    }
  };

/** The deal command routes, each counted by its command type, and a seller's forecasts. */
export const createCommandsHandler = (deps: CommandsHandlerDeps) => {
  const submitForecast = forecastRoute(
    createCommandService(forecastDecider, {
      store: deps.store,
      tenantId: deps.tenantId,
      now: deps.now ?? (() => new Date()),
      newEventId: deps.newEventId ?? randomUUID,
    }),
    deps.reportingCurrency ?? configDefaults.reportingCurrency,
    deps.metrics ?? processMetrics(),
  );
  const outcomes = deliveryOutcomes();
  const metrics = deps.metrics ?? processMetrics();
  const counting: CommandCounting = {
    service: createDealCommandService(
      {
        store: deps.store,
        tenantId: deps.tenantId,
        now: deps.now ?? (() => new Date()),
        newEventId: deps.newEventId ?? randomUUID,
      },
      outcomes.decider,
    ),
    metrics,
    promiseKept: outcomes.promiseKept,
  };
  return flushingMetrics(
    metrics,
    createHttpHandler('commands', {
      'POST /v1/deals': commandRoute(
        counting,
        'CloseDeal',
        CloseDealBody,
        async (body) => ({ type: 'CloseDeal', body, ...(deps.engagementOf ? { engagement: await deps.engagementOf(body) } : {}) }),
        (_event, body) => body.dealId,
      ),
      'POST /v1/deals/{dealId}/handoff': commandRoute(counting, 'HandOff', HandOffBody, (body) => ({ type: 'HandOff', body })),
      'POST /v1/deals/{dealId}/handoff-return': commandRoute(counting, 'ReturnHandoff', ReturnHandoffBody, (body) => ({
        type: 'ReturnHandoff',
        body,
      })),
      'POST /v1/deals/{dealId}/scope-changes': commandRoute(counting, 'ChangeScope', ChangeScopeBody, (body) => ({
        type: 'ChangeScope',
        body,
      })),
      'POST /v1/deals/{dealId}/promise-revisions': commandRoute(counting, 'RevisePromise', RevisePromiseBody, (body) => ({
        type: 'RevisePromise',
        body,
      })),
      'POST /v1/deals/{dealId}/delivery': commandRoute(counting, 'Deliver', DeliverBody, (body) => ({ type: 'Deliver', body })),
      'POST /v1/deals/{dealId}/cancellation': commandRoute(counting, 'CancelDeal', CancelDealBody, (body) => ({
        type: 'CancelDeal',
        body,
      })),
      'PUT /v1/forecasts/{month}/{personId}': submitForecast,
    }),
  );
};
