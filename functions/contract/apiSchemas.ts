import * as z from '../../domain/zod.ts';
import { Month } from '../../domain/calendar.ts';
import { WeeklyBrief } from '../../domain/cadence/weeklyBrief.ts';
import { DealEventType } from '../../domain/deal/events.ts';
import { ForecastSectionSchema } from '../../domain/forecasts/forecastSection.ts';
import { MonthPayout } from '../../domain/incentives/statements.ts';
import { Instant } from '../../domain/instant.ts';
import { Money } from '../../domain/money.ts';
import { Engagement } from '../../domain/promises/engagementRecord.ts';
import { Actor } from '../../domain/roles.ts';
import { ScorecardSchema } from '../../domain/scorecard/scorecard.ts';

/*
 * The answers of the HTTP API that no domain schema already describes. The handlers answer these shapes;
 * the contract (functions/contract/contracts.ts) names them, and the HTTP tests check every answer against them.
 */

/** An RFC 9457 problem, as functions/http/problem.ts writes it. */
export const ProblemDetails = z.object({
  type: z.string().register(z.globalRegistry, { example: 'urn:handshake:problem:validation-failed' }),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))).register(z.globalRegistry, {
    description: 'for bad input, each field at fault: body fields by their path, others as path.x, query.x or header.X',
  }),
});

/** A deal command was recorded (or, for a retry with the same Idempotency-Key, had been). */
export const CommandAccepted = z.object({ dealId: z.string(), version: z.int().check(z.positive()) });

const Outcome = z.object({
  onTime: z.boolean(),
  asSold: z.boolean(),
  promiseKept: z.boolean(),
  lateByHours: z.number().check(z.nonnegative()),
});

export const DealView = z.looseObject({
  dealId: z.string(),
  version: z.int().check(z.positive()),
  status: z.enum(['closed', 'handed-off', 'handoff-returned', 'delivered', 'cancelled']),
  promise: z.object({ deliverBy: Instant, originalDeliverBy: Instant, plannedDeliverBy: Instant }),
  outcome: z.nullable(Outcome),
  nps: z.nullable(z.object({ score: z.int().check(z.minimum(0), z.maximum(10)), respondedAt: Instant })),
  value: Money,
  /** null for deals closed before the promise desk existed. */
  engagement: z.nullable(Engagement),
  events: z.array(
    z.object({
      eventId: z.uuid(),
      type: DealEventType,
      version: z.int().check(z.positive()),
      /** The deal's version after this event; a survey answer keeps the one it found. */
      dealVersion: z.int().check(z.positive()),
      occurredAt: Instant,
      recordedAt: Instant,
      actor: Actor,
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const ScorecardTrend = z.object({ months: z.array(ScorecardSchema) });

/** A month's scorecard with its forecast section (CADENCE.md): the calls of its people held against what they closed. */
export const ScorecardWithForecast = z.extend(ScorecardSchema, { forecast: ForecastSectionSchema });

/** A seller's forecast was recorded (or, sent again, had been). */
export const ForecastRecorded = z.object({ personId: z.string(), month: Month, version: z.int().check(z.positive()) });

/** A published weekly brief, with where its two documents are read. */
export const PublishedBrief = z.extend(WeeklyBrief, { publishedAt: Instant, links: z.object({ json: z.string(), html: z.string() }) });

export const RecordedNps = z.object({
  responseId: z.string(),
  dealId: z.nullable(z.string()),
  attributed: z.boolean(),
  status: z.enum(['recorded', 'duplicate']),
});

/** A webhook answered 200: an answer already recorded (a replay or an older resend), or an event that carries none. */
export const WebhookAcknowledged = z.union([
  z.extend(RecordedNps, { status: z.literal('duplicate') }),
  z.object({ status: z.literal('ignored') }).register(z.globalRegistry, { description: 'a well-signed event that is not an NPS answer: nothing stored' }),
]);

export const NpsImportResult = z.object({
  accepted: z.int(),
  duplicates: z.int(),
  rejected: z.array(z.object({ index: z.int(), errors: z.array(z.object({ path: z.string(), message: z.string() })) })),
  results: z.array(z.extend(RecordedNps, { index: z.int() })),
});

export const PayoutView = z.extend(MonthPayout, { status: z.enum(['open', 'closed']), closedAt: z.optional(Instant) });

const ReportLink = z.object({ href: z.string(), key: z.string() });
const ReportLinks = z.nullable(z.object({ json: ReportLink, payrollCsv: ReportLink, html: ReportLink })).register(z.globalRegistry, {
  description: 'null while the reports of a closed month are still to be issued',
});

export const ClosedMonthView = z.extend(PayoutView, { reports: ReportLinks });

export const ReportIndex = z.object({ month: Month, closedAt: Instant, reports: ReportLinks });

/** The served document itself: an OpenAPI 3.1 document, described by the OpenAPI specification. */
export const OpenApiDocument = z.looseObject({ openapi: z.string() });
