import { createHash, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from '../../domain/zod.ts';
import { CloseDealBody } from '../../domain/deal/commands.ts';
import { Instant } from '../../domain/instant.ts';
import { IsoWeek, isoWeekOf } from '../../domain/isoWeek.ts';
import { Capacity } from '../../domain/promises/capacity.ts';
import { CatalogueEntry } from '../../domain/promises/catalogue.ts';
import { EscalationDecisionBody, OpenEscalationBody } from '../../domain/promises/escalationCommands.ts';
import { loadViewOf } from '../../domain/promises/loadView.ts';
import { HORIZON_WEEKS } from '../../domain/promises/planningHorizon.ts';
import { answerPromiseCheck } from '../../domain/promises/promiseCheckAnswer.ts';
import { PromiseDeskRuleViolation } from '../../domain/promises/promiseDeskRuleViolation.ts';
import { RulesOfEngagement } from '../../domain/promises/rulesOfEngagement.ts';
import type { Actor } from '../../domain/roles.ts';
import type { CommandRequest, CommandResult } from '../commands/commandService.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { callerOf, requireRole } from '../http/caller.ts';
import { header, idempotencyKeyOf } from '../http/headers.ts';
import { createHttpHandler } from '../http/httpHandler.ts';
import { HttpProblem, jsonResponse } from '../http/problem.ts';
import { escalationIdOfPath, opsTeamOfPath, optionalQuery, skuOfPath } from '../http/promiseDeskParameters.ts';
import { parseJsonBody } from '../http/requestBody.ts';
import { CATALOGUE_STREAM_ID } from '../promises/catalogueStream.ts';
import { escalationStreamId, readEscalation } from '../promises/escalationRecord.ts';
import { escalationView } from '../promises/escalationView.ts';
import { createPromiseDeskCommands } from '../promises/promiseDeskCommands.ts';
import { capacityStreamId, RULES_STREAM_ID, type PromiseDeskReader } from '../promises/promiseDeskReader.ts';
import type { EscalationsSource } from '../promises/promiseDeskSources.ts';

export interface PromisesHandlerDeps {
  store: DynamoEventStore;
  tenantId: string;
  timeZone: string;
  reader: PromiseDeskReader;
  escalations: EscalationsSource;
  now?: () => Date;
  newEventId?: () => string;
}

/** Weeks a load view shows when the caller does not say. */
const DEFAULT_VIEW_WEEKS = 8;

const EscalationStatusQuery = z.enum(['open', 'approved', 'rejected']);
const WeeksQuery = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(HORIZON_WEEKS));

/** Same route, same stream, same validated body: the same request (zod output has a fixed key order). */
const fingerprintOf = (routeKey: string, streamId: string, body: unknown): string =>
  createHash('sha256').update(`${routeKey}\n${streamId}\n${JSON.stringify(body)}`).digest('base64url');

/** A command request as every desk route makes it: the caller, their Idempotency-Key and a fingerprint of the body. */
const requestOf = <C>(event: APIGatewayProxyEventV2, caller: Actor, streamId: string, command: C, body: unknown): CommandRequest<C> => {
  const correlationId = header(event, 'x-correlation-id') ?? event.requestContext?.requestId;
  const idempotencyKey = idempotencyKeyOf(event);
  return {
    streamId,
    command,
    actor: caller,
    fingerprint: fingerprintOf(event.routeKey, streamId, body),
    ...(idempotencyKey ? { idempotencyKey } : {}),
    ...(correlationId ? { correlationId } : {}),
  };
};

const replayedHeader = (result: CommandResult): Record<string, string> => (result.replayed ? { 'idempotent-replayed': 'true' } : {});

/** The promise desk's routes (API.md, "The promise desk"; rules in PROMISES.md). */
export const createPromisesHandler = (deps: PromisesHandlerDeps) => {
  const now = deps.now ?? (() => new Date());
  const commands = createPromiseDeskCommands({
    store: deps.store,
    tenantId: deps.tenantId,
    now,
    newEventId: deps.newEventId ?? randomUUID,
  });
  const { reader } = deps;

  /** Runs a desk command and forgets what this process remembered of the stream, whatever the outcome. */
  const publishing = async <T>(streamId: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } finally {
      reader.published(streamId);
    }
  };

  const escalationOrNotFound = async (escalationId: string) => {
    const escalation = await readEscalation(deps.store, escalationId);
    if (!escalation) throw new HttpProblem(404, 'unknown-escalation', `no escalation ${escalationId} has been opened`);
    return escalation;
  };

  return createHttpHandler('promises', {
    'PUT /v1/catalog/{sku}': async (event, route) => {
      const caller = callerOf(event);
      requireRole(caller, route);
      const sku = skuOfPath(event);
      const entry = parseJsonBody(event, CatalogueEntry);
      if (entry.sku !== sku) {
        throw new HttpProblem(400, 'validation-failed', 'sku in the body must be the SKU in the path', [{ path: 'sku', message: `must be ${sku}` }]);
      }
      const command = { type: 'PublishCatalogueEntry' as const, entry, at: now().toISOString() };
      const result = await publishing(CATALOGUE_STREAM_ID, () =>
        commands.catalogue(requestOf(event, caller, CATALOGUE_STREAM_ID, command, entry)),
      );
      // The catalogue's stream holds every SKU: the SKU's own version is the one its event recorded.
      const stream = await deps.store.readStream(CATALOGUE_STREAM_ID);
      const recorded = stream.events.find((stored) => stored.event.version === result.version)?.event;
      const version = recorded?.type === 'CatalogueEntryPublished' ? (recorded.data as { version: number }).version : result.version;
      return jsonResponse(201, { sku, version }, { location: `/v1/catalog`, ...replayedHeader(result) });
    },
    'GET /v1/catalog': async (event, route) => {
      requireRole(callerOf(event), route);
      const entries = await reader.catalogueEntries();
      const items = entries
        .map(({ entry, version }) => ({ ...entry, version }))
        .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
      return jsonResponse(200, { items });
    },
    'PUT /v1/capacity/{opsTeam}': async (event, route) => {
      const caller = callerOf(event);
      requireRole(caller, route);
      const opsTeam = opsTeamOfPath(event);
      const capacity = parseJsonBody(event, Capacity);
      const streamId = capacityStreamId(opsTeam);
      const command = { type: 'PublishCapacity' as const, opsTeam, capacity, at: now().toISOString() };
      // One event per version on a team's own stream: the stream's version is the capacity's.
      const result = await publishing(streamId, () => commands.capacity(requestOf(event, caller, streamId, command, capacity)));
      return jsonResponse(201, { opsTeam, version: result.version }, { location: `/v1/capacity/${encodeURIComponent(opsTeam)}`, ...replayedHeader(result) });
    },
    'GET /v1/capacity/{opsTeam}': async (event, route) => {
      requireRole(callerOf(event), route);
      const opsTeam = opsTeamOfPath(event);
      const at = optionalQuery(event, 'at', Instant) ?? now().toISOString();
      const from = optionalQuery(event, 'from', IsoWeek) ?? isoWeekOf(at, deps.timeZone);
      const weeks = optionalQuery(event, 'weeks', WeeksQuery) ?? DEFAULT_VIEW_WEEKS;
      const [catalogue, capacity] = await Promise.all([reader.catalogue(), reader.capacity(opsTeam)]);
      const commitments = (await reader.commitmentsOf([opsTeam], catalogue, { fresh: true })).get(opsTeam) ?? [];
      return jsonResponse(200, loadViewOf({ opsTeam, at, timeZone: deps.timeZone, capacity, commitments, from, weeks }));
    },
    'POST /v1/promise-checks': async (event, route) => {
      requireRole(callerOf(event), route);
      const proposal = parseJsonBody(event, CloseDealBody);
      const [desk, rules] = await Promise.all([reader.deskFor(proposal), reader.rules()]);
      return jsonResponse(200, answerPromiseCheck(proposal, desk, rules));
    },
    'PUT /v1/rules-of-engagement': async (event, route) => {
      const caller = callerOf(event);
      requireRole(caller, route);
      const rules = parseJsonBody(event, RulesOfEngagement);
      const command = { type: 'PublishRulesOfEngagement' as const, rules, at: now().toISOString() };
      const result = await publishing(RULES_STREAM_ID, () => commands.rules(requestOf(event, caller, RULES_STREAM_ID, command, rules)));
      return jsonResponse(result.replayed ? 200 : 201, { version: rules.version }, { location: '/v1/rules-of-engagement', ...replayedHeader(result) });
    },
    'GET /v1/rules-of-engagement': async (event, route) => {
      requireRole(callerOf(event), route);
      const rules = await reader.rules();
      if (!rules) throw new HttpProblem(404, 'no-rules-of-engagement', 'no rules of engagement have been published: every proposal is within rules');
      return jsonResponse(200, rules);
    },
    'POST /v1/escalations': async (event, route) => {
      const caller = callerOf(event);
      requireRole(caller, route);
      const body = parseJsonBody(event, OpenEscalationBody);
      const [desk, rules] = await Promise.all([reader.deskFor(body.proposal), reader.rules()]);
      if (!rules) {
        throw new PromiseDeskRuleViolation('nothing-to-escalate', 'no rules of engagement are published: every proposal is within rules');
      }
      const check = answerPromiseCheck(body.proposal, desk, rules);
      const streamId = escalationStreamId(body.escalationId);
      const command = { type: 'OpenEscalation' as const, body, check, slaHours: rules.slaHours };
      const result = await commands.escalation(requestOf(event, caller, streamId, command, body));
      const escalation = await escalationOrNotFound(body.escalationId);
      return jsonResponse(201, escalationView(escalation, body.at), {
        location: `/v1/escalations/${encodeURIComponent(body.escalationId)}`,
        ...replayedHeader(result),
      });
    },
    'POST /v1/escalations/{escalationId}/decision': async (event, route) => {
      const caller = callerOf(event);
      requireRole(caller, route);
      const escalationId = escalationIdOfPath(event);
      const body = parseJsonBody(event, EscalationDecisionBody);
      const streamId = escalationStreamId(escalationId);
      const result = await commands.escalation(requestOf(event, caller, streamId, { type: 'DecideEscalation' as const, body, by: caller }, body));
      const escalation = await escalationOrNotFound(escalationId);
      return jsonResponse(201, escalationView(escalation, body.at), {
        location: `/v1/escalations/${encodeURIComponent(escalationId)}`,
        ...replayedHeader(result),
      });
    },
    'GET /v1/escalations/{escalationId}': async (event, route) => {
      requireRole(callerOf(event), route);
      const escalationId = escalationIdOfPath(event);
      const at = optionalQuery(event, 'at', Instant) ?? now().toISOString();
      return jsonResponse(200, escalationView(await escalationOrNotFound(escalationId), at));
    },
    'GET /v1/escalations': async (event, route) => {
      requireRole(callerOf(event), route);
      const status = optionalQuery(event, 'status', EscalationStatusQuery) ?? 'open';
      const at = optionalQuery(event, 'at', Instant) ?? now().toISOString();
      const items = (await deps.escalations.byStatus(status)).map((escalation) => escalationView(escalation, at));
      return jsonResponse(200, { items });
    },
  });
};
