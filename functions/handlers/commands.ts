import { createHash, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import {
  CancelDealBody,
  ChangeScopeBody,
  CloseDealBody,
  DeliverBody,
  HandOffBody,
  RevisePromiseBody,
  type DealCommand,
} from '../../domain/deal/commands.ts';
import type { Engagement } from '../../domain/promises/engagementRecord.ts';
import { createDealCommandService, type DealCommandService } from '../commands/dealCommandService.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { callerOf, requireRole } from '../http/caller.ts';
import { etagOf, expectedVersionOf, header, idempotencyKeyOf } from '../http/headers.ts';
import { createHttpHandler, type RouteHandler } from '../http/httpHandler.ts';
import { dealIdOf } from '../http/pathParameters.ts';
import { jsonResponse } from '../http/problem.ts';
import { parseJsonBody } from '../http/requestBody.ts';

export interface CommandsHandlerDeps {
  store: DynamoEventStore;
  tenantId: string;
  now?: () => Date;
  newEventId?: () => string;
  /** How a close stands with the rules of engagement; without it a close records no engagement (null). */
  engagementOf?: (body: CloseDealBody) => Promise<Engagement>;
}

/** Same route, same deal, same validated body: the same request (zod output has a fixed key order). */
const fingerprintOf = (routeKey: string, dealId: string, body: unknown): string =>
  createHash('sha256').update(`${routeKey}\n${dealId}\n${JSON.stringify(body)}`).digest('base64url');

const commandRoute =
  <S extends z.ZodType>(
    service: DealCommandService,
    schema: S,
    toCommand: (body: z.output<S>) => DealCommand | Promise<DealCommand>,
    dealIdFrom: (event: APIGatewayProxyEventV2, body: z.output<S>) => string = (event) => dealIdOf(event),
  ): RouteHandler =>
  async (event, route) => {
    const caller = callerOf(event);
    requireRole(caller, route);
    const pathDealId = event.pathParameters?.dealId === undefined ? undefined : dealIdOf(event);
    const idempotencyKey = idempotencyKeyOf(event);
    const expectedVersion = expectedVersionOf(event);
    const body = parseJsonBody(event, schema);
    const dealId = pathDealId ?? dealIdFrom(event, body);
    const result = await service({
      dealId,
      command: await toCommand(body),
      actor: caller,
      idempotencyKey,
      expectedVersion,
      fingerprint: fingerprintOf(event.routeKey, dealId, body),
      correlationId: header(event, 'x-correlation-id') ?? event.requestContext?.requestId,
    });
    return jsonResponse(
      201,
      { dealId: result.dealId, version: result.version },
      {
        etag: etagOf(result.version),
        location: `/v1/deals/${encodeURIComponent(result.dealId)}`,
        ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}),
      },
    );
  };

/** The deal command routes: parse, decide through the command service, answer 201 with the new version. */
export const createCommandsHandler = (deps: CommandsHandlerDeps) => {
  const service = createDealCommandService({
    store: deps.store,
    tenantId: deps.tenantId,
    now: deps.now ?? (() => new Date()),
    newEventId: deps.newEventId ?? randomUUID,
  });
  return createHttpHandler('commands', {
    'POST /v1/deals': commandRoute(
      service,
      CloseDealBody,
      async (body) => ({ type: 'CloseDeal', body, ...(deps.engagementOf ? { engagement: await deps.engagementOf(body) } : {}) }),
      (_event, body) => body.dealId,
    ),
    'POST /v1/deals/{dealId}/handoff': commandRoute(service, HandOffBody, (body) => ({ type: 'HandOff', body })),
    'POST /v1/deals/{dealId}/scope-changes': commandRoute(service, ChangeScopeBody, (body) => ({ type: 'ChangeScope', body })),
    'POST /v1/deals/{dealId}/promise-revisions': commandRoute(service, RevisePromiseBody, (body) => ({
      type: 'RevisePromise',
      body,
    })),
    'POST /v1/deals/{dealId}/delivery': commandRoute(service, DeliverBody, (body) => ({ type: 'Deliver', body })),
    'POST /v1/deals/{dealId}/cancellation': commandRoute(service, CancelDealBody, (body) => ({ type: 'CancelDeal', body })),
  });
};
