import * as z from '../../domain/zod.ts';
import { Month } from '../../domain/calendar.ts';
import {
  CancelDealBody,
  ChangeScopeBody,
  CloseDealBody,
  DeliverBody,
  HandOffBody,
  ReturnHandoffBody,
  RevisePromiseBody,
} from '../../domain/deal/commands.ts';
import { SubmitForecastBody } from '../../domain/forecasts/commands.ts';
import { DealId, NpsResponseRecordedData } from '../../domain/deal/events.ts';
import { IncentivePlan } from '../../domain/incentives/plan.ts';
import { Instant } from '../../domain/instant.ts';
import { IsoWeek } from '../../domain/isoWeek.ts';
import { ImportBatch, ImportedNpsResponse, MAX_IMPORT_BATCH } from '../../domain/nps/importedResponse.ts';
import { Capacity } from '../../domain/promises/capacity.ts';
import { CatalogueEntry, OpsTeam, Sku } from '../../domain/promises/catalogue.ts';
import { EscalationDecisionBody, OpenEscalationBody } from '../../domain/promises/escalationCommands.ts';
import { EscalationId } from '../../domain/promises/escalationId.ts';
import { LoadView } from '../../domain/promises/loadView.ts';
import { HORIZON_WEEKS } from '../../domain/promises/planningHorizon.ts';
import { PromiseCheckAnswer } from '../../domain/promises/promiseCheckAnswer.ts';
import { RulesOfEngagement } from '../../domain/promises/rulesOfEngagement.ts';
import { ScorecardSchema } from '../../domain/scorecard/scorecard.ts';
import { DelightedWebhookBody } from '../nps/delightedWebhook.ts';
import { DELIGHTED_SIGNATURE_HEADER, TYPEFORM_SIGNATURE_HEADER } from '../nps/signatures.ts';
import { TypeformWebhookBody } from '../nps/typeformWebhook.ts';
import { EscalationView } from '../promises/escalationView.ts';
import { IncentiveReport } from '../reports/incentiveReport.ts';
import {
  ClosedMonthView,
  CommandAccepted,
  DealView,
  ForecastRecorded,
  NpsImportResult,
  OpenApiDocument,
  PayoutView,
  PublishedBrief,
  RecordedNps,
  ReportIndex,
  ScorecardTrend,
  ScorecardWithForecast,
  WebhookAcknowledged,
} from './apiSchemas.ts';
import * as examples from './contractExamples.ts';
import type { RouteKey } from '../http/routes.ts';

/** The groups the document's operations are listed under. */
export const apiTags = {
  deals: 'Deals and their promises: close, hand off, change, revise, deliver, cancel, and the deal as it stands',
  scorecards: 'The joint sales-ops scorecard of a month, and its trend',
  nps: "Customers' NPS answers: the survey tools' signed webhooks, the bulk import and unattributed answers",
  incentives: 'The joint incentive: plan versions, monthly payouts and the close',
  reports: "A closed month's issued reports: JSON, payroll CSV and HTML",
  'promise desk': 'Catalogue, capacity, the promise check, the rules of engagement and escalations',
  cadence: "The cadence: sellers' forecasts and the weekly brief both sides read",
  contract: 'This document',
} as const;
export type ApiTag = keyof typeof apiTags;

export type SuccessStatus = 200 | 201;
/** The problems an operation may answer beyond those its shape implies (see openApi.ts, `impliedProblems`). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 500;
/** Response headers the document declares once (components.headers) and operations name. */
export type ResponseHeader = 'ETag' | 'Location' | 'Idempotent-Replayed' | 'Content-Disposition';
/** Request headers a handler reads. */
export type RequestHeader = 'Idempotency-Key' | 'If-Match' | 'X-Correlation-Id';

/** A JSON body, named so it is a component and generated clients give its type that name. */
export interface JsonBody {
  schema: z.core.$ZodType;
  name: string;
  example?: unknown;
}

export interface SuccessResponse {
  description: string;
  /** A JSON body, or another media type (CSV, HTML) given as the text it is. */
  body: JsonBody | { mediaType: 'text/csv' | 'text/html'; example?: string };
  /** Headers always sent with this answer (Idempotent-Replayed is sent only on a replay). */
  headers?: readonly ResponseHeader[];
}

export interface QueryParameter {
  schema: z.core.$ZodType;
  required?: boolean;
  description: string;
}

type PathParameterOf<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParameterOf<Rest> : never;

/** Each `{name}` of the route's path needs its schema (the one its handler validates with); a path without any takes none. */
type PathSchemas<K extends string> = [PathParameterOf<K>] extends [never]
  ? { path?: never }
  : { path: Record<PathParameterOf<K>, z.core.$ZodType> };

export type OperationContract<K extends string = string> = {
  /** Stable and camelCase: generated clients name their methods by it. */
  operationId: string;
  tag: ApiTag;
  description?: string;
  query?: Record<string, QueryParameter>;
  requestHeaders?: readonly RequestHeader[];
  /**
   * The JSON body the handler parses. `signedBy` names the header a webhook's signature comes in: such a
   * body is checked over its bytes, so its media type is not (no 415), and a bad signature is a 401.
   */
  request?: JsonBody & { signedBy?: string };
  responses: { 200: SuccessResponse; 201?: SuccessResponse } | { 200?: SuccessResponse; 201: SuccessResponse };
  /**
   * Each problem the handler answers that the route's shape does not already imply, and why. Required, even
   * empty, so a new route says what can go wrong with it.
   */
  problems: Partial<Record<ProblemStatus, string>>;
} & PathSchemas<K>;

const Dimension = z
  .string()
  .check(z.regex(/^(org|team:.{1,128}|person:.{1,128})$/))
  .register(z.globalRegistry, { description: 'org, team:<id> or person:<id> (default org)', example: 'team:T-SALES' });

const monthPath = { month: Month };
const dealPath = { dealId: DealId };

const commandAccepted = (description: string): { 201: SuccessResponse } => ({
  201: {
    description,
    body: { schema: CommandAccepted, name: 'CommandAccepted', example: examples.commandAcceptedExample },
    headers: ['ETag', 'Location', 'Idempotent-Replayed'],
  },
});

const dealCommand = (
  operationId: string,
  description: string,
  request: JsonBody,
  problems: Partial<Record<ProblemStatus, string>>,
): OperationContract<'/{dealId}'> => ({
  operationId,
  tag: 'deals',
  description,
  path: dealPath,
  requestHeaders: ['Idempotency-Key', 'If-Match', 'X-Correlation-Id'],
  request,
  responses: commandAccepted('recorded: the deal\'s new version, also as ETag (a retry with the same Idempotency-Key gets the first answer)'),
  problems: { 404: 'no deal with this id has been closed', ...problems },
});

const RULES_CONFLICT = 'the deal\'s rules refuse the command as the deal stands (`type` names the rule), or it raced other commands too often';

const report = (operationId: string, description: string, body: SuccessResponse['body']): OperationContract<'/{month}'> => ({
  operationId,
  tag: 'reports',
  description,
  path: monthPath,
  responses: { 200: { description, body, headers: ['Content-Disposition'] } },
  problems: { 404: 'the month is not closed, or its reports have not been issued yet (closing it again issues them)' },
});

const webhook = (
  provider: string,
  operationId: string,
  signedBy: string,
  schema: z.core.$ZodType,
  example: unknown,
): OperationContract => ({
  operationId,
  tag: 'nps',
  description: `${provider} posts each NPS answer here, signed with the shared secret in ${signedBy}: HMAC-SHA256 over the exact body bytes. One answer is one provider response id: a resend with a later update replaces it, a replay changes nothing.`,
  request: { schema, name: `${operationId.replace(/^receive/, '')}Body`, example, signedBy },
  responses: {
    201: { description: 'the answer was recorded', body: { schema: RecordedNps, name: 'RecordedNps', example: examples.recordedNpsExample } },
    200: {
      description: 'nothing new to record: the answer was already recorded (a replay, or an older resend), or the event carries no NPS answer',
      body: { schema: WebhookAcknowledged, name: 'WebhookAcknowledged' },
    },
  },
  problems: {
    409: 'other answers of the same deal kept landing at the same moment; the provider retries',
    500: 'no signing secret is configured for this provider (fail closed; the provider retries)',
  },
});

const promiseDeskWrite = ['Idempotency-Key', 'X-Correlation-Id'] as const;
const RulesPublished = z.object({ version: z.int().check(z.positive()) });
const atQuery: QueryParameter = { schema: Instant, description: 'the instant to see it as at (default now)' };

/**
 * The contract of every route: the same zod schemas the handlers validate with and answer in, the problems
 * each answers, its headers and examples. Keyed by the route table's keys and typed per key, so a route
 * without its complete contract (or with a path parameter left undescribed) does not compile.
 */
export const contracts: { [K in RouteKey]: OperationContract<K> } = {
  'POST /v1/deals': {
    operationId: 'closeDeal',
    tag: 'deals',
    description:
      'Sales closes a deal with its promise (what, by when, for how much). Under published rules of engagement the close is checked first: a proposal beyond what sales may commit alone needs an approved escalation.',
    requestHeaders: ['Idempotency-Key', 'If-Match', 'X-Correlation-Id'],
    request: { schema: CloseDealBody, name: 'CloseDeal', example: examples.closeDealExample },
    responses: commandAccepted('the deal is closed at version 1 (a retry with the same Idempotency-Key gets the first answer)'),
    problems: {
      409: 'a deal with this id exists already, the rules of engagement need an approved escalation for it, or an escalation it names does not fit',
    },
  },
  'POST /v1/deals/{dealId}/handoff': dealCommand(
    'handOffDeal',
    'Sales hands the deal off to operations, with the handoff checklist.',
    { schema: HandOffBody, name: 'HandOff', example: examples.handOffExample },
    { 409: RULES_CONFLICT },
  ),
  'POST /v1/deals/{dealId}/handoff-return': dealCommand(
    'returnHandoff',
    'Operations sends the handoff back, naming what it lacks; sales hands it off again before anything is delivered.',
    {
      schema: ReturnHandoffBody,
      name: 'HandoffReturn',
      example: { at: '2026-10-03T15:00:00Z', gaps: ['deliveryDateConfirmed', 'customerContact'], note: 'Who lets the crew in?' },
    },
    { 409: RULES_CONFLICT },
  ),
  'POST /v1/deals/{dealId}/scope-changes': dealCommand(
    'changeDealScope',
    'A change order: the new scope becomes "as sold" from now on.',
    { schema: ChangeScopeBody, name: 'ScopeChange', example: examples.scopeChangeExample },
    { 409: RULES_CONFLICT },
  ),
  'POST /v1/deals/{dealId}/promise-revisions': dealCommand(
    'reviseDealPromise',
    'A new deliver-by date: a customer-initiated revision moves "on time"; one by sales or ops does not.',
    { schema: RevisePromiseBody, name: 'PromiseRevision', example: examples.promiseRevisionExample },
    { 409: RULES_CONFLICT },
  ),
  'POST /v1/deals/{dealId}/delivery': dealCommand(
    'deliverDeal',
    'Operations records the delivery; the deal\'s outcome (on time, as sold, promise kept) follows.',
    { schema: DeliverBody, name: 'Delivery', example: examples.deliveryExample },
    { 409: RULES_CONFLICT },
  ),
  'POST /v1/deals/{dealId}/cancellation': dealCommand(
    'cancelDeal',
    'Cancels the deal; after delivery a cancellation is a refund, out of the delivery rates.',
    { schema: CancelDealBody, name: 'Cancellation', example: examples.cancellationExample },
    { 409: RULES_CONFLICT },
  ),
  'GET /v1/deals/{dealId}': {
    operationId: 'getDeal',
    tag: 'deals',
    description: 'The deal as it stands: status, promise, outcome, NPS and its whole timeline. Its version is the ETag deal commands take in If-Match.',
    path: dealPath,
    responses: { 200: { description: 'the deal', body: { schema: DealView, name: 'DealView' }, headers: ['ETag'] } },
    problems: { 403: 'the deal is not one of the caller\'s (sales and ops people see the deals they are part of)', 404: 'no deal with this id has been closed' },
  },
  'GET /v1/scorecards/{month}': {
    operationId: 'getScorecard',
    tag: 'scorecards',
    path: monthPath,
    query: { dimension: { schema: Dimension, description: 'whose scorecard: org, team:<id> or person:<id> (default org)' } },
    responses: { 200: { description: 'the month\'s scorecard, with its forecast section', body: { schema: ScorecardWithForecast, name: 'MonthScorecard' } } },
    problems: { 403: 'a person\'s scorecard is that person\'s own (admins and leadership see all)' },
  },
  'GET /v1/scorecards': {
    operationId: 'getScorecardTrend',
    tag: 'scorecards',
    query: {
      from: { schema: Month, required: true, description: 'the first month' },
      to: { schema: Month, required: true, description: 'the last month (at most 36 months after from)' },
      dimension: { schema: Dimension, description: 'whose scorecards: org, team:<id> or person:<id> (default org)' },
    },
    responses: { 200: { description: 'one scorecard per month, oldest first', body: { schema: ScorecardTrend, name: 'ScorecardTrend' } } },
    problems: { 403: 'a person\'s scorecard is that person\'s own (admins and leadership see all)' },
  },
  'POST /v1/nps/delighted': webhook('Delighted', 'receiveDelightedWebhook', DELIGHTED_SIGNATURE_HEADER, DelightedWebhookBody, examples.delightedWebhookExample),
  'POST /v1/nps/typeform': webhook('Typeform', 'receiveTypeformWebhook', TYPEFORM_SIGNATURE_HEADER, TypeformWebhookBody, examples.typeformWebhookExample),
  'POST /v1/nps/responses': {
    operationId: 'importNpsResponses',
    tag: 'nps',
    description: `Imports up to ${MAX_IMPORT_BATCH} answers; each is checked on its own, so one bad answer never drops the others.`,
    request: {
      // The handler checks the batch, then each item on its own: the document shows what an item must be.
      schema: z.extend(ImportBatch, { responses: z.array(ImportedNpsResponse).check(z.minLength(1), z.maxLength(MAX_IMPORT_BATCH)) }),
      name: 'NpsImport',
      example: examples.npsImportExample,
    },
    responses: { 200: { description: 'what was recorded, what was a duplicate and what was rejected, by index', body: { schema: NpsImportResult, name: 'NpsImportResult' } } },
    problems: { 400: 'no answer of the batch is valid: `errors` names each field at fault', 409: 'other answers of the same deal kept landing at the same moment' },
  },
  'GET /v1/nps/unattributed': {
    operationId: 'listUnattributedNps',
    tag: 'nps',
    responses: {
      200: {
        description: 'answers that name no known deal',
        body: { schema: z.object({ responses: z.array(NpsResponseRecordedData), truncated: z.boolean() }), name: 'UnattributedNps' },
      },
    },
    problems: {},
  },
  'PUT /v1/incentive-plans/{planId}': {
    operationId: 'publishIncentivePlan',
    tag: 'incentives',
    description: 'Publishes a plan version. Versions are immutable: the same version again with the same content answers 200, with other content 409.',
    path: { planId: IncentivePlan.shape.planId },
    request: { schema: IncentivePlan, name: 'IncentivePlan', example: examples.incentivePlanExample },
    responses: {
      201: { description: 'published', body: { schema: IncentivePlan, name: 'IncentivePlan', example: examples.incentivePlanExample }, headers: ['Location'] },
      200: { description: 'this version was published already, with this content', body: { schema: IncentivePlan, name: 'IncentivePlan' }, headers: ['Location'] },
    },
    problems: {
      400: 'planId in the body is not the one in the path',
      409: 'this version was published with other content, the plan changes currency, or it would take effect in a month already closed',
    },
  },
  'GET /v1/incentive-plans': {
    operationId: 'listIncentivePlans',
    tag: 'incentives',
    responses: { 200: { description: 'every published version, oldest first', body: { schema: z.object({ plans: z.array(IncentivePlan) }), name: 'IncentivePlans' } } },
    problems: {},
  },
  'GET /v1/payouts/{month}': {
    operationId: 'getPayout',
    tag: 'incentives',
    description: 'A live preview while the month is open, frozen once it is closed. Sales and ops people see only their own statement.',
    path: monthPath,
    responses: { 200: { description: 'the pool, how it was computed and the statements', body: { schema: PayoutView, name: 'Payout' } } },
    problems: {},
  },
  'POST /v1/months/{month}/close': {
    operationId: 'closeMonth',
    tag: 'incentives',
    description: 'Freezes the month\'s statements (with corrections of earlier closed months) and issues its reports. Closing again answers with the first close.',
    path: monthPath,
    responses: {
      201: { description: 'closed now: the frozen payout is read at /v1/payouts/{month}', body: { schema: ClosedMonthView, name: 'ClosedMonth' }, headers: ['Location'] },
      200: {
        description: 'closed already: the first close, with its reports (issued now if a failure had left them out)',
        body: { schema: ClosedMonthView, name: 'ClosedMonth' },
        headers: ['Location'],
      },
    },
    problems: {
      409: 'the month has not ended yet in the business time zone',
      412: 'other closes kept landing while this one was computed; try again',
    },
  },
  'GET /v1/reports/{month}': {
    operationId: 'getReportLinks',
    tag: 'reports',
    path: monthPath,
    responses: { 200: { description: 'links to the issued reports', body: { schema: ReportIndex, name: 'ReportIndex', example: examples.reportIndexExample } } },
    problems: { 404: 'the month is not closed' },
  },
  'GET /v1/reports/{month}/json': report('getJsonReport', 'the JSON report: the payout, how it was computed, and the organisation\'s scorecards of the year', {
    schema: IncentiveReport,
    name: 'IncentiveReport',
  }),
  'GET /v1/reports/{month}/csv': report(
    'getPayrollCsv',
    'the payroll CSV: person_id,side,month,amount,currency, amounts in the currency\'s major units; an attachment named payroll-<month>.csv',
    { mediaType: 'text/csv', example: examples.payrollCsvExample },
  ),
  'GET /v1/reports/{month}/html': report('getHtmlReport', 'the HTML report, with inline SVG trend charts', { mediaType: 'text/html' }),
  'PUT /v1/catalog/{sku}': {
    operationId: 'publishCatalogueEntry',
    tag: 'promise desk',
    path: { sku: Sku },
    requestHeaders: promiseDeskWrite,
    request: { schema: CatalogueEntry, name: 'CatalogueEntry', example: examples.catalogueEntryExample },
    responses: {
      201: {
        description: 'a new version of the SKU (a retry with the same Idempotency-Key gets the first answer)',
        body: { schema: z.object({ sku: z.string(), version: z.int().check(z.positive()) }), name: 'CatalogueEntryPublished', example: { sku: 'SEALCOAT-SQFT', version: 1 } },
        headers: ['Location', 'Idempotent-Replayed'],
      },
    },
    problems: { 400: 'sku in the body is not the one in the path', 409: 'the catalogue\'s rules refuse it, or it raced other publications too often' },
  },
  'GET /v1/catalog': {
    operationId: 'getCatalogue',
    tag: 'promise desk',
    responses: {
      200: {
        description: 'the latest version of every SKU',
        body: { schema: z.object({ items: z.array(z.extend(CatalogueEntry, { version: z.int().check(z.positive()) })) }), name: 'Catalogue' },
      },
    },
    problems: {},
  },
  'PUT /v1/capacity/{opsTeam}': {
    operationId: 'publishCapacity',
    tag: 'promise desk',
    path: { opsTeam: OpsTeam },
    requestHeaders: promiseDeskWrite,
    request: { schema: Capacity, name: 'Capacity', example: examples.capacityExample },
    responses: {
      201: {
        description: 'a new version of the team\'s hours (a retry with the same Idempotency-Key gets the first answer)',
        body: { schema: z.object({ opsTeam: z.string(), version: z.int().check(z.positive()) }), name: 'CapacityPublished', example: { opsTeam: 'T-OPS', version: 1 } },
        headers: ['Location', 'Idempotent-Replayed'],
      },
    },
    problems: { 409: 'it raced other publications too often' },
  },
  'GET /v1/capacity/{opsTeam}': {
    operationId: 'getLoad',
    tag: 'promise desk',
    path: { opsTeam: OpsTeam },
    query: {
      from: { schema: IsoWeek, description: 'the first ISO week shown (default the week of `at`)' },
      weeks: { schema: z.int().check(z.minimum(1), z.maximum(HORIZON_WEEKS)), description: 'how many weeks (default 8)' },
      at: atQuery,
    },
    responses: { 200: { description: 'capacity, scheduled minutes and commitments per week', body: { schema: LoadView, name: 'LoadView' } } },
    problems: {},
  },
  'POST /v1/promise-checks': {
    operationId: 'checkPromise',
    tag: 'promise desk',
    description: 'Can we promise this by then? The proposal is a close as POST /v1/deals takes it; nothing is stored.',
    request: { schema: CloseDealBody, name: 'CloseDeal', example: examples.closeDealExample },
    responses: { 200: { description: 'the check and its verdict under the rules in force', body: { schema: PromiseCheckAnswer, name: 'PromiseCheckAnswer' } } },
    problems: {},
  },
  'PUT /v1/rules-of-engagement': {
    operationId: 'publishRulesOfEngagement',
    tag: 'promise desk',
    requestHeaders: promiseDeskWrite,
    request: { schema: RulesOfEngagement, name: 'RulesOfEngagement', example: examples.rulesOfEngagementExample },
    responses: {
      201: { description: 'published', body: { schema: RulesPublished, name: 'RulesPublished', example: { version: 1 } }, headers: ['Location'] },
      200: {
        description: 'a retry with the same Idempotency-Key: the first answer',
        body: { schema: RulesPublished, name: 'RulesPublished' },
        headers: ['Location', 'Idempotent-Replayed'],
      },
    },
    problems: { 409: 'this version was published already, or it raced other publications too often' },
  },
  'GET /v1/rules-of-engagement': {
    operationId: 'getRulesOfEngagement',
    tag: 'promise desk',
    responses: { 200: { description: 'the rules in force', body: { schema: RulesOfEngagement, name: 'RulesOfEngagement' } } },
    problems: { 404: 'no rules have been published: every proposal is within rules' },
  },
  'POST /v1/escalations': {
    operationId: 'openEscalation',
    tag: 'promise desk',
    requestHeaders: promiseDeskWrite,
    request: { schema: OpenEscalationBody, name: 'OpenEscalation', example: examples.openEscalationExample },
    responses: {
      201: {
        description: 'opened (a retry with the same Idempotency-Key gets the first answer)',
        body: { schema: EscalationView, name: 'Escalation' },
        headers: ['Location', 'Idempotent-Replayed'],
      },
    },
    problems: { 409: 'the proposal is within rules or off the table, the escalation exists already, or no rules are published' },
  },
  'POST /v1/escalations/{escalationId}/decision': {
    operationId: 'decideEscalation',
    tag: 'promise desk',
    path: { escalationId: EscalationId },
    requestHeaders: promiseDeskWrite,
    request: { schema: EscalationDecisionBody, name: 'EscalationDecision', example: examples.escalationDecisionExample },
    responses: {
      201: {
        description: 'decided (a retry with the same Idempotency-Key gets the first answer)',
        body: { schema: EscalationView, name: 'Escalation' },
        headers: ['Location', 'Idempotent-Replayed'],
      },
    },
    problems: {
      403: 'the escalation has risen to a level beyond the caller\'s role',
      404: 'no escalation with this id has been opened',
      409: 'the escalation is decided already, or the decision does not fit it',
    },
  },
  'GET /v1/escalations/{escalationId}': {
    operationId: 'getEscalation',
    tag: 'promise desk',
    path: { escalationId: EscalationId },
    query: { at: atQuery },
    responses: { 200: { description: 'the escalation, its level and due time as at `at`', body: { schema: EscalationView, name: 'Escalation' } } },
    problems: { 404: 'no escalation with this id has been opened' },
  },
  'GET /v1/escalations': {
    operationId: 'listEscalations',
    tag: 'promise desk',
    query: {
      status: { schema: z.enum(['open', 'approved', 'rejected']), description: 'which escalations (default open)' },
      at: atQuery,
    },
    responses: {
      200: { description: 'the escalations, with level and due time as at `at`', body: { schema: z.object({ items: z.array(EscalationView) }), name: 'Escalations' } },
    },
    problems: {},
  },
  'PUT /v1/forecasts/{month}/{personId}': {
    operationId: 'submitForecast',
    tag: 'cadence',
    description:
      "A seller's forecast of the revenue they will close in a month. Every forecast is kept; the month's call is the latest made before the month starts (business time zone).",
    path: { month: Month, personId: z.string().check(z.minLength(1), z.maxLength(128)) },
    requestHeaders: ['Idempotency-Key', 'If-Match', 'X-Correlation-Id'],
    request: { schema: SubmitForecastBody, name: 'Forecast', example: { at: '2026-12-20T09:00:00Z', commit: { amount: 120000, currency: 'USD' } } },
    responses: {
      201: {
        description: "recorded (the same forecast sent again records nothing and answers the seller's stream version)",
        body: { schema: ForecastRecorded, name: 'ForecastRecorded', example: { personId: 'P-SALES-1', month: '2027-01', version: 1 } },
        headers: ['ETag', 'Location', 'Idempotent-Replayed'],
      },
    },
    problems: {
      400: 'the commit is not in the scorecard currency (`commit.currency`)',
      403: "a seller forecasts only their own months (admins any seller's)",
      409: 'it raced other forecasts of the same seller too often',
    },
  },
  'POST /v1/briefs/{week}': {
    operationId: 'publishWeeklyBrief',
    tag: 'cadence',
    description: "Publishes an ended week's brief (the schedule does it every Monday at 06:00): stored as JSON and HTML, then announced on the bus.",
    path: { week: IsoWeek },
    responses: {
      201: { description: 'published now', body: { schema: PublishedBrief, name: 'WeeklyBrief' }, headers: ['Location'] },
      200: { description: 'published already: the first brief, nothing recorded', body: { schema: PublishedBrief, name: 'WeeklyBrief' }, headers: ['Location'] },
    },
    problems: { 409: 'the week has not ended yet in the business time zone (`week-not-ended`)' },
  },
  'GET /v1/briefs/{week}': {
    operationId: 'getWeeklyBrief',
    tag: 'cadence',
    path: { week: IsoWeek },
    responses: { 200: { description: "the week's brief", body: { schema: PublishedBrief, name: 'WeeklyBrief' } } },
    problems: { 404: 'no brief of this week has been published (`brief-not-published`)' },
  },
  'GET /v1/briefs/{week}/html': {
    operationId: 'getWeeklyBriefHtml',
    tag: 'cadence',
    path: { week: IsoWeek },
    responses: { 200: { description: 'the brief as the self-contained HTML page it was published as', body: { mediaType: 'text/html' } } },
    problems: { 404: 'no brief of this week has been published (`brief-not-published`)' },
  },
  'GET /v1/openapi.json': {
    operationId: 'getOpenApiDocument',
    tag: 'contract',
    responses: { 200: { description: 'this document', body: { schema: OpenApiDocument, name: 'OpenApiDocument' } } },
    problems: {},
  },
};
