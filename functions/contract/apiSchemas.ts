import * as z from 'zod';
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
  type: z.string().meta({ example: 'urn:handshake:problem:validation-failed' }),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .meta({ description: 'for bad input, each field at fault: body fields by their path, others as path.x, query.x or header.X' }),
});

/** A deal command was recorded (or, for a retry with the same Idempotency-Key, had been). */
export const CommandAccepted = z.object({ dealId: z.string(), version: z.int().positive() });

const Outcome = z.object({
  onTime: z.boolean(),
  asSold: z.boolean(),
  promiseKept: z.boolean(),
  lateByHours: z.number().nonnegative(),
});

export const DealView = z
  .object({
    dealId: z.string(),
    version: z.int().positive(),
    status: z.enum(['closed', 'handed-off', 'handoff-returned', 'delivered', 'cancelled']),
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
        /** The deal's version after this event; a survey answer keeps the one it found. */
        dealVersion: z.int().positive(),
        occurredAt: Instant,
        recordedAt: Instant,
        actor: Actor,
        data: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .loose();

export const ScorecardTrend = z.object({ months: z.array(ScorecardSchema) });

/** A month's scorecard with its forecast section (CADENCE.md): the calls of its people held against what they closed. */
export const ScorecardWithForecast = ScorecardSchema.extend({ forecast: ForecastSectionSchema });

/** A seller's forecast was recorded (or, sent again, had been). */
export const ForecastRecorded = z.object({ personId: z.string(), month: Month, version: z.int().positive() });

/** A published weekly brief, with where its two documents are read. */
export const PublishedBrief = WeeklyBrief.extend({ publishedAt: Instant, links: z.object({ json: z.string(), html: z.string() }) });

export const RecordedNps = z.object({
  responseId: z.string(),
  dealId: z.string().nullable(),
  attributed: z.boolean(),
  status: z.enum(['recorded', 'duplicate']),
});

/** A webhook answered 200: an answer already recorded (a replay or an older resend), or an event that carries none. */
export const WebhookAcknowledged = z.union([
  RecordedNps.extend({ status: z.literal('duplicate') }),
  z.object({ status: z.literal('ignored') }).meta({ description: 'a well-signed event that is not an NPS answer: nothing stored' }),
]);

export const NpsImportResult = z.object({
  accepted: z.int(),
  duplicates: z.int(),
  rejected: z.array(z.object({ index: z.int(), errors: z.array(z.object({ path: z.string(), message: z.string() })) })),
  results: z.array(RecordedNps.extend({ index: z.int() })),
});

export const PayoutView = MonthPayout.extend({ status: z.enum(['open', 'closed']), closedAt: Instant.optional() });

const ReportLink = z.object({ href: z.string(), key: z.string() });
const ReportLinks = z
  .object({ json: ReportLink, payrollCsv: ReportLink, html: ReportLink })
  .nullable()
  .meta({ description: 'null while the reports of a closed month are still to be issued' });

export const ClosedMonthView = PayoutView.extend({ reports: ReportLinks });

export const ReportIndex = z.object({ month: Month, closedAt: Instant, reports: ReportLinks });

/** The served document itself: an OpenAPI 3.1 document, described by the OpenAPI specification. */
export const OpenApiDocument = z.object({ openapi: z.string() }).loose();
