import type * as z from './zod.ts';
import { BriefEvent } from './cadence/events.ts';
import { DealEvent } from './deal/events.ts';
import { npsAnswerKey } from './deal/npsAnswers.ts';
import { dealUpcasters } from './deal/upcasters.ts';
import { ForecastEvent } from './forecasts/events.ts';
import { MonthClosingEvent, PlanEvent } from './incentives/events.ts';
import { CapacityEvent, CatalogueEvent, EscalationEvent, RulesOfEngagementEvent } from './promises/events.ts';
import { upcastToCurrent, type SchemaHistory } from './upcast.ts';

/** Event schemas told apart by their `type`, each an object. */
interface EventUnion extends z.ZodMiniType<{ type: string }> {
  def: z.core.$ZodUnionDef<readonly z.ZodMiniObject<{ type: z.ZodMiniLiteral<string> }>[]>;
}

interface StreamKindSpec extends SchemaHistory {
  /** Every event a stream of this kind may hold. */
  events: EventUnion;
  /** What tells one stream of this kind from another; its stream id is `<kind>#<id>`. */
  idOf: (...key: never[]) => string;
  /**
   * Events that arrive beside the stream's commands rather than from them (a customer's survey
   * answer): they do not move the version clients see and hold in If-Match.
   */
  besideCommands?: readonly string[];
}

/**
 * Every kind of stream the event store holds, each declared once: the events it may hold, the
 * schema version written now and how older versions are read. The name is the stream id's prefix.
 * A new kind of stream is one more entry here.
 */
const kinds = {
  /** One deal's life, from its close to its delivery or cancellation, with its customers' NPS answers. */
  deal: {
    events: DealEvent,
    schemaVersion: 2,
    upcasters: dealUpcasters,
    idOf: (dealId: string) => dealId,
    besideCommands: ['NpsResponseRecorded'],
  },
  /** An NPS answer that names no deal we know, kept on its own until it is attributed (it records a deal's NPS event). */
  nps: { events: DealEvent, schemaVersion: 1, upcasters: {}, idOf: npsAnswerKey },
  /** Every plan version on one stream, so a version number names one plan and no race can publish it twice. */
  plans: { events: PlanEvent, schemaVersion: 1, upcasters: {}, idOf: () => 'org' },
  /** Every month's close and its reports, on one stream, so two closes can never both pay one correction. */
  closes: { events: MonthClosingEvent, schemaVersion: 1, upcasters: {}, idOf: () => 'org' },
  /** Every version of what a unit of one SKU costs operations; the latest is in force. */
  catalogue: { events: CatalogueEvent, schemaVersion: 1, upcasters: {}, idOf: (sku: string) => sku },
  /** Every version of one ops team's hours; the latest is in force. */
  capacity: { events: CapacityEvent, schemaVersion: 1, upcasters: {}, idOf: (opsTeam: string) => opsTeam },
  /** Every version of the rules of engagement, on one stream, so a version number names one agreement. */
  rules: { events: RulesOfEngagementEvent, schemaVersion: 1, upcasters: {}, idOf: () => 'org' },
  /** One escalation's life: opened at a level, risen as its SLAs pass, decided once. */
  escalation: { events: EscalationEvent, schemaVersion: 1, upcasters: {}, idOf: (escalationId: string) => escalationId },
  /** Every forecast one seller submitted, for any month; the call for a month is read from them (CADENCE.md). */
  forecast: { events: ForecastEvent, schemaVersion: 1, upcasters: {}, idOf: (personId: string) => personId },
  /** One week's brief: its publication, recorded once the brief is stored, so the bus hears of it. */
  brief: { events: BriefEvent, schemaVersion: 1, upcasters: {}, idOf: (week: string) => week },
} satisfies Record<string, StreamKindSpec>;

type Kinds = typeof kinds;
export type StreamKindName = keyof Kinds;
export type StreamEventOf<K extends StreamKindName> = z.infer<Kinds[K]['events']>;
/** Every event of every kind of stream. */
export type StreamEvent = StreamEventOf<StreamKindName>;

export type StreamKind<K extends StreamKindName> = Kinds[K] & {
  name: K;
  streamId: (...key: Parameters<Kinds[K]['idOf']>) => string;
  /** Whether an event is one this kind of stream holds. */
  holds: <E extends { type: string }>(event: E) => event is Extract<E, StreamEventOf<K>>;
};

/** Any one kind of stream. */
export type AnyStreamKind = { [K in StreamKindName]: StreamKind<K> }[StreamKindName];

export const streamKinds = Object.fromEntries(
  Object.entries(kinds).map(([name, spec]: [string, StreamKindSpec]) => {
    const types = new Set(spec.events.def.options.flatMap((event) => event.shape.type.def.values));
    const kind = {
      ...spec,
      name,
      streamId: (...key: never[]) => `${name}#${spec.idOf(...key)}`,
      holds: (event: { type: string }) => types.has(event.type),
    };
    return [name, kind];
  }),
) as unknown as { readonly [K in StreamKindName]: StreamKind<K> };

export const dealStreamId = streamKinds.deal.streamId;

const kindIn = <Kind>(registry: Readonly<Record<string, Kind>>, streamId: string): Kind => {
  const name = streamId.slice(0, Math.max(0, streamId.indexOf('#')));
  if (!Object.hasOwn(registry, name)) throw new Error(`stream id ${streamId} names no kind of stream`);
  return registry[name]!;
};

/** The kind of stream a stream id names. */
export const streamKindOf = (streamId: string): AnyStreamKind => kindIn<AnyStreamKind>(streamKinds, streamId);

/** The event types a stream id's kind keeps beside its commands (none for most kinds). */
export const besideCommandsOf = (streamId: string): readonly string[] =>
  (kindIn<StreamKindSpec>(streamKinds, streamId).besideCommands ?? []);

/**
 * A stored event as the current schema of its stream's kind reads it: only that kind's upcasters
 * touch it. `registry` is every kind's schema history (the real one unless a test brings its own).
 */
export const upcastStoredEvent = (
  streamId: string,
  event: Record<string, unknown>,
  registry: Readonly<Record<string, SchemaHistory>> = streamKinds,
): Record<string, unknown> => upcastToCurrent(event, kindIn(registry, streamId));
