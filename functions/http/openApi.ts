import * as z from 'zod';
import {
  CancelDealBody,
  ChangeScopeBody,
  CloseDealBody,
  DeliverBody,
  HandOffBody,
  RevisePromiseBody,
} from '../../domain/deal/commands.ts';
import { DealEventType, NpsResponseRecordedData } from '../../domain/deal/events.ts';
import { ImportedNpsResponse, MAX_IMPORT_BATCH } from '../../domain/nps/importedResponse.ts';
import { IncentivePlan } from '../../domain/incentives/plan.ts';
import { MonthPayout } from '../../domain/incentives/statements.ts';
import { Instant } from '../../domain/instant.ts';
import { Money } from '../../domain/money.ts';
import { Capacity } from '../../domain/promises/capacity.ts';
import { CatalogueEntry } from '../../domain/promises/catalogue.ts';
import { Engagement } from '../../domain/promises/engagementRecord.ts';
import { EscalationDecisionBody, OpenEscalationBody } from '../../domain/promises/escalationCommands.ts';
import { LoadView } from '../../domain/promises/loadView.ts';
import { PromiseCheckAnswer } from '../../domain/promises/promiseCheckAnswer.ts';
import { RulesOfEngagement } from '../../domain/promises/rulesOfEngagement.ts';
import { Actor } from '../../domain/roles.ts';
import { EscalationView } from '../promises/escalationView.ts';
import { ScorecardSchema } from '../../domain/scorecard/scorecard.ts';
import { routeKey, routes, type RouteKey } from './routes.ts';

const CommandAccepted = z.object({ dealId: z.string(), version: z.int().positive() });

const ProblemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const Outcome = z.object({
  onTime: z.boolean(),
  asSold: z.boolean(),
  promiseKept: z.boolean(),
  lateByHours: z.number().nonnegative(),
});

const DealViewResponse = z
  .object({
    dealId: z.string(),
    version: z.int().positive(),
    status: z.enum(['closed', 'handed-off', 'delivered', 'cancelled']),
    promise: z.object({ deliverBy: Instant, originalDeliverBy: Instant, plannedDeliverBy: Instant }),
    outcome: Outcome.nullable(),
    nps: z.object({ score: z.int().min(0).max(10), respondedAt: Instant }).nullable(),
    value: Money,
    /** null for deals closed before the promise desk existed. */
    engagement: Engagement.nullable(),
    events: z.array(
      z.object({
        eventId: z.uuid(),
        type: DealEventType,
        version: z.int().positive(),
        occurredAt: Instant,
        recordedAt: Instant,
        actor: Actor,
        data: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .loose();

const RecordedNps = z.object({
  responseId: z.string(),
  dealId: z.string().nullable(),
  attributed: z.boolean(),
  status: z.enum(['recorded', 'duplicate']),
});
const ProviderWebhook = z.object({}).loose().meta({ description: "the provider's own webhook body, signed" });

const PayoutResponse = MonthPayout.extend({ status: z.enum(['open', 'closed']), closedAt: Instant.optional() });
const ReportLink = z.object({ href: z.string(), key: z.string() });
const ReportLinks = z.object({ json: ReportLink, payrollCsv: ReportLink, html: ReportLink }).nullable();

/**
 * Request and success-response schemas of each route: the same zod schemas the handlers validate with.
 * Keyed by the route table's keys, so a route without a contract does not compile.
 */
const contracts: Record<
  RouteKey,
  { request?: z.ZodType; response: z.ZodType; status: number; query?: string[]; contentTypes?: string[] }
> = {
  'POST /v1/deals': { request: CloseDealBody, response: CommandAccepted, status: 201 },
  'POST /v1/deals/{dealId}/handoff': { request: HandOffBody, response: CommandAccepted, status: 201 },
  'POST /v1/deals/{dealId}/scope-changes': { request: ChangeScopeBody, response: CommandAccepted, status: 201 },
  'POST /v1/deals/{dealId}/promise-revisions': { request: RevisePromiseBody, response: CommandAccepted, status: 201 },
  'POST /v1/deals/{dealId}/delivery': { request: DeliverBody, response: CommandAccepted, status: 201 },
  'POST /v1/deals/{dealId}/cancellation': { request: CancelDealBody, response: CommandAccepted, status: 201 },
  'GET /v1/deals/{dealId}': { response: DealViewResponse, status: 200 },
  'GET /v1/scorecards/{month}': { response: ScorecardSchema, status: 200, query: ['dimension'] },
  'GET /v1/scorecards': { response: z.object({ months: z.array(ScorecardSchema) }), status: 200, query: ['from', 'to', 'dimension'] },
  'POST /v1/nps/delighted': { request: ProviderWebhook, response: RecordedNps, status: 201 },
  'POST /v1/nps/typeform': { request: ProviderWebhook, response: RecordedNps, status: 201 },
  'POST /v1/nps/responses': {
    request: z.object({ responses: z.array(ImportedNpsResponse).min(1).max(MAX_IMPORT_BATCH) }),
    response: z.object({
      accepted: z.int(),
      duplicates: z.int(),
      rejected: z.array(z.object({ index: z.int(), errors: z.array(z.object({ path: z.string(), message: z.string() })) })),
      results: z.array(RecordedNps.extend({ index: z.int() })),
    }),
    status: 200,
  },
  'GET /v1/nps/unattributed': {
    response: z.object({ responses: z.array(NpsResponseRecordedData), truncated: z.boolean() }),
    status: 200,
  },
  'PUT /v1/incentive-plans/{planId}': { request: IncentivePlan, response: IncentivePlan, status: 201 },
  'GET /v1/incentive-plans': { response: z.object({ plans: z.array(IncentivePlan) }), status: 200 },
  'GET /v1/payouts/{month}': { response: PayoutResponse, status: 200 },
  'POST /v1/months/{month}/close': { response: PayoutResponse.extend({ reports: ReportLinks }), status: 201 },
  'GET /v1/reports/{month}': { response: z.object({ month: z.string(), closedAt: Instant, reports: ReportLinks }), status: 200 },
  'GET /v1/reports/{month}/{format}': {
    response: z.string().meta({ description: 'the report: JSON, payroll CSV (person_id,side,month,amount,currency) or HTML' }),
    status: 200,
    contentTypes: ['application/json', 'text/csv', 'text/html'],
  },
  'PUT /v1/catalog/{sku}': { request: CatalogueEntry, response: z.object({ sku: z.string(), version: z.int().positive() }), status: 201 },
  'GET /v1/catalog': { response: z.object({ items: z.array(CatalogueEntry.extend({ version: z.int().positive() })) }), status: 200 },
  'PUT /v1/capacity/{opsTeam}': { request: Capacity, response: z.object({ opsTeam: z.string(), version: z.int().positive() }), status: 201 },
  'GET /v1/capacity/{opsTeam}': { response: LoadView, status: 200, query: ['from', 'weeks', 'at'] },
  'POST /v1/promise-checks': { request: CloseDealBody, response: PromiseCheckAnswer, status: 200 },
  'PUT /v1/rules-of-engagement': { request: RulesOfEngagement, response: z.object({ version: z.int().positive() }), status: 201 },
  'GET /v1/rules-of-engagement': { response: RulesOfEngagement, status: 200 },
  'POST /v1/escalations': { request: OpenEscalationBody, response: EscalationView, status: 201 },
  'POST /v1/escalations/{escalationId}/decision': { request: EscalationDecisionBody, response: EscalationView, status: 201 },
  'GET /v1/escalations/{escalationId}': { response: EscalationView, status: 200, query: ['at'] },
  'GET /v1/escalations': { response: z.object({ items: z.array(EscalationView) }), status: 200, query: ['status', 'at'] },
  'GET /v1/openapi.json': { response: z.object({ openapi: z.string() }).loose(), status: 200 },
};

/** Query parameters a route cannot do without; every other one has a default. */
const requiredQuery = new Set(['GET /v1/scorecards from', 'GET /v1/scorecards to']);

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** The written contract and the rules behind the numbers ship in the repository beside this document. */
const CONTRACT_DOCS = [
  'The contract clients are written against, and the rules the numbers follow, ship with Handshake in its repository:',
  '',
  '- `docs/API.md`: this HTTP API, its conventions and every route (the public contract)',
  '- `docs/INCENTIVES.md`: the joint incentive: plans, the pool, gates, the NPS multiplier, statements and corrections',
  '- `docs/PROMISES.md`: the promise desk: catalogue, capacity, the promise check and the rules of engagement',
  '- `docs/CADENCE.md`: the cadence: returned handoffs, forecasts and the weekly brief',
].join('\n');

let cached: Record<string, unknown> | undefined;

/** The OpenAPI 3.1 document of the routes table, generated from the zod schemas (built once). */
export const openApiDocument = (): Record<string, unknown> => {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const contract = contracts[routeKey(route)];
    const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    for (const name of contract.query ?? []) {
      parameters.push({ name, in: 'query', required: requiredQuery.has(routeKey(route) + ' ' + name), schema: { type: 'string' } });
    }
    // The deal commands honour both headers; the promise desk's writes take an Idempotency-Key; plans
    // and closes are idempotent by their content.
    if (route.function === 'commands' || (route.function === 'promises' && route.method !== 'GET')) {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } });
    }
    if (route.function === 'commands') {
      parameters.push({ name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } });
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      summary: route.summary,
      ...(route.auth === 'jwt' ? { security: [{ bearer: [] }], 'x-roles': route.roles } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(contract.request
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(contract.request, 'input') } } } }
        : {}),
      responses: {
        [contract.status]: {
          description: 'success',
          content: Object.fromEntries(
            (contract.contentTypes ?? ['application/json']).map((type) => [type, { schema: jsonSchema(contract.response, 'output') }]),
          ),
        },
        '4XX': { description: 'a problem with the request', content: problemContent },
      },
    };
  }
  cached = {
    openapi: '3.1.0',
    info: { title: 'Handshake API', version: '1', description: CONTRACT_DOCS },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: jsonSchema(ProblemDetails, 'output') },
    },
    paths,
  };
  return cached;
};
