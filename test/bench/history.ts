import { createHash } from 'node:crypto';
import { deepStrictEqual } from 'node:assert/strict';
import { BatchWriteItemCommand, GetItemCommand, type AttributeValue, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { monthOf, type Month } from '../../domain/calendar.ts';
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
import { decide } from '../../domain/deal/decide.ts';
import { RecordedEvent, type RecordedDealEvent } from '../../domain/envelope.ts';
import { NpsResponseRecordedData, type DealEvent, type DealEventType, type Initiator } from '../../domain/deal/events.ts';
import type { ScopeLine } from '../../domain/deal/scope.ts';
import { evolve, initialState, type DealState } from '../../domain/deal/state.ts';
import { unattributedNpsDecider, unattributedNpsStreamId, type UnattributedNpsState } from '../../domain/nps/unattributedResponse.ts';
import type { Actor } from '../../domain/roles.ts';
import { dealStreamId, streamKindOf } from '../../domain/streams.ts';
import { DynamoEventStore, readStoredItem, storedItemOf } from '../../functions/eventStore/dynamoEventStore.ts';
import { eventsTable as T } from '../../functions/eventStore/eventsTable.ts';

/** A small, fast, seeded PRNG (mulberry32): the same seed always gives the same history. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)]!;
  }

  /** Picks by weight: weights[i] is how likely values[i] is, relative to the others. */
  weighted<T>(values: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((sum, w) => sum + w, 0);
    let r = this.next() * total;
    for (let i = 0; i < values.length; i++) {
      r -= weights[i]!;
      if (r < 0) return values[i]!;
    }
    return values[values.length - 1]!;
  }

  /** Log-normal with the given median; sigma is the spread of its logarithm. */
  logNormal(median: number, sigma: number): number {
    const u = 1 - this.next();
    const v = this.next();
    const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * normal);
  }

  /** A version 4 UUID made of PRNG bits, so event ids are deterministic too. */
  uuid(): string {
    const word = () => Math.floor(this.next() * 4_294_967_296).toString(16).padStart(8, '0');
    const [a, b, c, d] = [word(), word(), word(), word()];
    const variant = '89ab'[Number.parseInt(c[0]!, 16) & 3];
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Person {
  id: string;
  team: string;
}

/** ~20 sellers and ~10 ops people in 4 teams: two sales teams, two ops teams. */
export const SELLERS: readonly Person[] = Array.from({ length: 20 }, (_, i) => ({
  id: `P-SALES-${String(i + 1).padStart(2, '0')}`,
  team: i < 10 ? 'T-SALES-EAST' : 'T-SALES-WEST',
}));
export const OPS_PEOPLE: readonly Person[] = Array.from({ length: 10 }, (_, i) => ({
  id: `P-OPS-${String(i + 1).padStart(2, '0')}`,
  team: i < 5 ? 'T-OPS-NORTH' : 'T-OPS-SOUTH',
}));
export const TEAMS = ['T-SALES-EAST', 'T-SALES-WEST', 'T-OPS-NORTH', 'T-OPS-SOUTH'] as const;
// Some sellers close far more than others.
const SELLER_WEIGHTS = SELLERS.map((_, i) => 1 + ((i * 7) % 5));

const CATALOG: readonly { sku: string; description: string; unitCents: number; quantity: [number, number] }[] = [
  { sku: 'SEALCOAT-SQFT', description: 'Sealcoat, per square foot', unitCents: 25, quantity: [2_000, 60_000] },
  { sku: 'CRACKFILL-LFT', description: 'Crack filling, per linear foot', unitCents: 150, quantity: [200, 8_000] },
  { sku: 'STRIPE-STALL', description: 'Parking stall striping', unitCents: 1_800, quantity: [20, 600] },
  { sku: 'PATCH-SQFT', description: 'Asphalt patching, per square foot', unitCents: 900, quantity: [50, 3_000] },
  { sku: 'OVERLAY-SQFT', description: 'Asphalt overlay, per square foot', unitCents: 350, quantity: [1_000, 40_000] },
  { sku: 'ADA-RAMP', description: 'ADA ramp with detectable warning', unitCents: 240_000, quantity: [1, 6] },
  { sku: 'WHEELSTOP', description: 'Concrete wheel stop', unitCents: 9_500, quantity: [4, 120] },
  { sku: 'SIGN-POST', description: 'Sign with post', unitCents: 22_000, quantity: [1, 30] },
  { sku: 'CURB-LFT', description: 'Curb repair, per linear foot', unitCents: 4_500, quantity: [10, 600] },
  { sku: 'DRAIN-INLET', description: 'Storm drain inlet repair', unitCents: 180_000, quantity: [1, 4] },
  { sku: 'SWEEP-VISIT', description: 'Lot sweeping visit', unitCents: 19_000, quantity: [1, 52] },
  { sku: 'POWERWASH-SQFT', description: 'Power washing, per square foot', unitCents: 18, quantity: [1_000, 30_000] },
];
const CUSTOMER_FIRST = ['Acme', 'Birch', 'Cedar', 'Delta', 'Evergreen', 'Falcon', 'Granite', 'Harbor', 'Iron', 'Juniper', 'Keystone', 'Lakeside', 'Maple', 'Northgate', 'Oakridge', 'Pioneer', 'Quarry', 'Riverside', 'Summit', 'Timber'];
const CUSTOMER_LAST = ['Paving', 'Property Group', 'Retail Center', 'Apartments', 'Medical Plaza', 'Logistics', 'School District', 'Church', 'Hotel', 'Office Park', 'Storage', 'Auto Mall', 'Plaza', 'Holdings', 'HOA'];
const CUSTOMER_COUNT = 3_000;
/** NPS answers that name no known deal, per deal: they count for the organisation alone. */
const UNATTRIBUTED_NPS_SHARE = 0.02;
const CUSTOMERS = Array.from({ length: CUSTOMER_COUNT }, (_, i) => ({
  id: `C-${String(i + 1).padStart(5, '0')}`,
  name: `${CUSTOMER_FIRST[i % CUSTOMER_FIRST.length]} ${CUSTOMER_LAST[Math.floor(i / CUSTOMER_FIRST.length) % CUSTOMER_LAST.length]}${i >= 300 ? ` ${Math.floor(i / 300) + 1}` : ''}`,
}));
const SCOPE_REASONS: Record<Initiator, readonly string[]> = {
  customer: ['Customer added a second lot', 'Customer dropped the striping', 'Customer asked for more stalls', 'Budget cut by the customer'],
  sales: ['Quote corrected after site visit', 'Sales re-scoped after measuring the lot'],
  ops: ['Crew found more cracks than quoted', 'Material substituted, quantity adjusted'],
};
const PROMISE_REASONS: Record<Initiator, readonly string[]> = {
  customer: ['Customer asked for a later date', 'Tenant event moved the work window', 'Customer postponed for budget approval'],
  sales: ['Sales agreed a new date with the customer'],
  ops: ['Rain delay', 'Crew shortage', 'Material backorder', 'Equipment breakdown'],
};
const CANCEL_REASONS = ['Customer withdrew', 'Lost to a cheaper bid', 'Budget frozen', 'Property sold', 'Duplicate deal'];
const REFUND_REASONS = ['Refund: work redone by another vendor', 'Refund: customer dispute settled'];
const NPS_COMMENTS = ['Great crew, on time', 'Lot looks new', 'Communication could be better', 'Late start, good finish', 'Would hire again'];
const NPS_SCORE_WEIGHTS = [1, 1, 1, 2, 2, 3, 5, 9, 14, 20, 22]; // scores 0..10, skewed high

const routeOf: Record<DealEventType, string> = {
  DealClosed: 'POST /v1/deals',
  HandoffCompleted: 'POST /v1/deals/{dealId}/handoff',
  HandoffReturned: 'POST /v1/deals/{dealId}/handoff-return',
  ScopeChanged: 'POST /v1/deals/{dealId}/scope-changes',
  PromiseRevised: 'POST /v1/deals/{dealId}/promise-revisions',
  DeliveryCompleted: 'POST /v1/deals/{dealId}/delivery',
  DealCancelled: 'POST /v1/deals/{dealId}/cancellation',
  NpsResponseRecorded: 'POST /v1/nps-responses',
};

/** What a stored event item carries besides the event: the client's key and the request's hash. */
export interface StoredKeys {
  idempotencyKey?: string;
  fingerprint?: string;
}

export interface HistoryOptions {
  deals: number;
  seed?: number;
  /** The first month deals close in; the history covers `months` months from it. */
  firstMonth?: Month;
  months?: number;
  tenantId?: string;
}

export interface History {
  /** Every event, in the order they were recorded (deals interleaved, each deal in version order). */
  events: RecordedDealEvent[];
  /** The stored item of each event, index for index. */
  items: Record<string, AttributeValue>[];
  deals: number;
  /** Streams (nps#...) of NPS answers that named no known deal. */
  unattributedStreams: number;
  months: Month[];
  /** Nothing happens at or after this instant: later steps of the youngest deals are still to come. */
  horizon: string;
  countsByType: Record<DealEventType, number>;
  itemBytes: number;
}

interface Planned {
  at: number;
  type: DealEventType;
  /** Builds the event's data once earlier events are known. */
  data: () => DealEvent['data'];
  actor: Actor;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Clients send occurredAt to the minute, without milliseconds, as in the API examples. */
const isoMinute = (ms: number) => iso(Math.floor(ms / MINUTE) * MINUTE).replace('.000Z', 'Z');

const businessInstant = (rng: Rng, dayStart: number): number => {
  // Working hours in the US: 13:00 to 23:00 UTC.
  return dayStart + 13 * HOUR + rng.int(0, 10 * 60 - 1) * MINUTE;
};

const scopeLines = (rng: Rng): ScopeLine[] => {
  const count = rng.weighted([1, 2, 3, 4], [45, 30, 17, 8]);
  const skus = new Set<number>();
  while (skus.size < count) skus.add(rng.int(0, CATALOG.length - 1));
  return [...skus].map((index) => {
    const entry = CATALOG[index]!;
    const quantity = Math.max(1, Math.round(rng.between(entry.quantity[0], entry.quantity[1])));
    return rng.chance(0.6) ? { sku: entry.sku, description: entry.description, quantity } : { sku: entry.sku, quantity };
  });
};

/** The scope with one line's quantity changed (and sometimes a line added or dropped). */
const changedScope = (rng: Rng, scope: readonly ScopeLine[]): ScopeLine[] => {
  const lines = scope.map((line) => ({ ...line }));
  const roll = rng.next();
  if (roll < 0.15 && lines.length > 1) lines.splice(rng.int(0, lines.length - 1), 1);
  else if (roll < 0.3) {
    const entry = rng.pick(CATALOG);
    if (!lines.some((line) => line.sku === entry.sku)) lines.push({ sku: entry.sku, quantity: entry.quantity[0] });
    else lines[0]!.quantity += 1;
  } else {
    const line = rng.pick(lines);
    line.quantity = Math.max(1, Math.round(line.quantity * rng.between(0.7, 1.4)) + (rng.chance(0.5) ? 1 : -1));
    if (line.quantity < 1) line.quantity = 1;
  }
  return lines;
};

const valueOf = (scope: readonly ScopeLine[]) =>
  scope.reduce((sum, line) => sum + line.quantity * CATALOG.find((entry) => entry.sku === line.sku)!.unitCents, 0);

/**
 * The life of one deal as a list of planned steps: closed, usually handed off, sometimes changed or
 * re-promised, usually delivered (mostly on time), sometimes cancelled, often rated by the customer.
 */
const planDeal = (rng: Rng, index: number, firstDayMs: number, days: number): Planned[] => {
  const dealId = `D-${String(index + 1).padStart(6, '0')}`;
  const seller = rng.weighted(SELLERS, SELLER_WEIGHTS);
  const opsOwner = rng.pick(OPS_PEOPLE);
  const sales: Actor = { id: seller.id, roles: ['sales'] };
  // Slightly more business later in the year; weekends are quiet.
  let day = Math.floor(days * rng.next() ** 0.85);
  while ([0, 6].includes(new Date(firstDayMs + day * DAY).getUTCDay())) day = (day + 1) % days;
  const closedAt = businessInstant(rng, firstDayMs + day * DAY);
  const scope = scopeLines(rng);
  const currency = rng.weighted(['USD', 'CAD', 'EUR'], [95, 4, 1]);
  const value = Math.max(50_000, valueOf(scope));
  let plannedDeliverBy = Math.floor((closedAt + rng.int(10, 45) * DAY) / DAY) * DAY + 22 * HOUR;
  let plannedScope = scope;

  const steps: Planned[] = [
    {
      at: closedAt,
      type: 'DealClosed',
      actor: sales,
      data: () => ({
        dealId,
        customer: CUSTOMERS[rng.int(0, CUSTOMER_COUNT - 1)]!,
        seller: { id: seller.id },
        salesTeam: seller.team,
        value: { amount: value, currency },
        scope,
        promise: { deliverBy: isoMinute(plannedDeliverBy) },
        engagement: null,
      }),
    },
  ];

  const handedOff = rng.chance(0.93);
  if (!handedOff) {
    if (rng.chance(0.5)) {
      steps.push({ at: closedAt + rng.int(1, 20) * DAY + rng.int(0, 600) * MINUTE, type: 'DealCancelled', actor: sales, data: () => ({ reason: rng.pick(CANCEL_REASONS) }) });
    }
    return steps;
  }
  const handoffAt = closedAt + Math.round(Math.min(200, Math.max(0.2, rng.logNormal(16, 1.1))) * HOUR);
  steps.push({
    at: handoffAt,
    type: 'HandoffCompleted',
    actor: sales,
    data: () => ({
      opsOwner: { id: opsOwner.id },
      opsTeam: opsOwner.team,
      checklist: {
        scopeDocumented: rng.chance(0.92),
        deliveryDateConfirmed: rng.chance(0.88),
        customerContact: rng.chance(0.95),
        specialTerms: rng.chance(0.45),
      },
      ...(rng.chance(0.4) ? { notes: `Gate code ${rng.int(1000, 9999)}` } : {}),
    }),
  });

  // Changes happen while the work is planned: after the close, before the date in force.
  const changes: { at: number; kind: 'scope' | 'promise' }[] = [];
  if (rng.chance(0.5)) for (let n = rng.weighted([1, 2, 3], [65, 25, 10]); n > 0; n--) changes.push({ at: 0, kind: 'scope' });
  if (rng.chance(0.4)) for (let n = rng.weighted([1, 2], [78, 22]); n > 0; n--) changes.push({ at: 0, kind: 'promise' });
  const window = Math.max(DAY, plannedDeliverBy - closedAt - DAY);
  for (const change of changes) change.at = closedAt + HOUR + Math.floor(rng.next() * window);
  changes.sort((a, b) => a.at - b.at);
  let lastChangeAt = closedAt;
  for (const change of changes) {
    const initiatedBy = rng.weighted<Initiator>(['customer', 'sales', 'ops'], change.kind === 'scope' ? [55, 25, 20] : [50, 15, 35]);
    lastChangeAt = change.at;
    if (change.kind === 'scope') {
      const next = changedScope(rng, plannedScope);
      plannedScope = next;
      steps.push({ at: change.at, type: 'ScopeChanged', actor: sales, data: () => ({ scope: next, initiatedBy, reason: rng.pick(SCOPE_REASONS[initiatedBy]) }) });
    } else {
      plannedDeliverBy = Math.max(plannedDeliverBy, change.at) + rng.int(2, 21) * DAY;
      const deliverBy = isoMinute(plannedDeliverBy);
      steps.push({ at: change.at, type: 'PromiseRevised', actor: sales, data: () => ({ deliverBy, initiatedBy, reason: rng.pick(PROMISE_REASONS[initiatedBy]) }) });
    }
  }

  if (rng.chance(0.06)) {
    // Cancelled while the work was still open.
    const at = Math.max(handoffAt, lastChangeAt) + rng.int(1, 10) * DAY;
    steps.push({ at, type: 'DealCancelled', actor: sales, data: () => ({ reason: rng.pick(CANCEL_REASONS) }) });
    if (rng.chance(0.1)) pushNps(rng, steps, dealId, at + rng.int(1, 10) * DAY);
    return steps;
  }
  if (!rng.chance(0.96)) return steps; // stalled: never delivered

  const onTime = rng.chance(0.8);
  let deliveredAt = onTime
    ? plannedDeliverBy - rng.int(0, 5 * 24 * 60) * MINUTE
    : plannedDeliverBy + rng.int(60, 6 * 24 * 60) * MINUTE;
  deliveredAt = Math.max(deliveredAt, handoffAt + 4 * HOUR, lastChangeAt + HOUR);
  const deliveredScope = rng.chance(0.9) ? plannedScope.map(({ sku, quantity }) => ({ sku, quantity })) : changedScope(rng, plannedScope);
  const deliveredBy = rng.chance(0.85) ? opsOwner : rng.pick(OPS_PEOPLE.filter((person) => person.team === opsOwner.team));
  steps.push({
    at: deliveredAt,
    type: 'DeliveryCompleted',
    actor: { id: deliveredBy.id, roles: ['ops'] },
    data: () => ({ deliveredBy: { id: deliveredBy.id }, scope: deliveredScope }),
  });
  if (rng.chance(0.012)) {
    steps.push({ at: deliveredAt + rng.int(5, 40) * DAY, type: 'DealCancelled', actor: sales, data: () => ({ reason: rng.pick(REFUND_REASONS) }) });
  }
  if (rng.chance(0.75)) {
    const respondedAt = deliveredAt + rng.int(1, 14) * DAY + rng.int(0, 600) * MINUTE;
    const answer = pushNps(rng, steps, dealId, respondedAt);
    // Some answers are edited later (the same response id, a later updatedAt); some customers answer a second survey.
    if (rng.chance(0.2)) pushNps(rng, steps, dealId, respondedAt + rng.int(1, 20) * DAY, rng.chance(0.5) ? answer : undefined);
  }
  return steps;
};

interface NpsAnswer {
  provider: 'delighted' | 'typeform' | 'import';
  responseId: string;
  respondedAt: string;
}

const IMPORTER: Actor = { id: 'P-ADMIN-01', roles: ['admin'] };

/**
 * One NPS answer, or (given the earlier one) a later version of it: the survey tool sends the same
 * response id again with a later updatedAt when the customer edits the score or adds a comment.
 */
const pushNps = (rng: Rng, steps: Planned[], dealId: string | null, at: number, earlier?: NpsAnswer): NpsAnswer => {
  const provider = earlier?.provider ?? rng.weighted(['delighted', 'typeform', 'import'] as const, [60, 30, 10]);
  const responseId = earlier?.responseId ?? `${provider === 'import' ? 'row' : provider.slice(0, 2)}-${rng.uuid().slice(0, 13)}`;
  const respondedAt = earlier?.respondedAt ?? isoMinute(at);
  const score = rng.weighted([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], NPS_SCORE_WEIGHTS);
  const comment = earlier || rng.chance(0.3) ? rng.pick(NPS_COMMENTS) : undefined;
  steps.push({
    at,
    type: 'NpsResponseRecorded',
    // Webhooks record as the survey tool; a CSV import as the operator who ran it.
    actor: provider === 'import' ? IMPORTER : { id: `survey-tool:${provider}`, roles: [] },
    data: () => ({
      provider,
      responseId,
      score,
      ...(comment ? { comment } : {}),
      dealId,
      respondedAt,
      ...(earlier ? { updatedAt: isoMinute(at) } : {}),
    }),
  });
  return { provider, responseId, respondedAt };
};

const monthsFrom = (first: Month, count: number): Month[] => {
  const [year, month] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + month - 1 + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
};

/**
 * A deterministic history of `deals` deals (about 4.5 events each) closed over ~12 months by ~20
 * sellers and handed to ~10 ops people in 4 teams. Steps that would fall after the horizon (the end
 * of the last month) have not happened yet, so the youngest deals are still open, as in real life.
 */
export const generateHistory = (options: HistoryOptions): History => {
  const rng = new Rng(options.seed ?? 20_261_001);
  const firstMonth = options.firstMonth ?? '2025-11';
  const months = monthsFrom(firstMonth, options.months ?? 12);
  const firstDayMs = Date.parse(`${firstMonth}-01T00:00:00Z`);
  const horizonMs = Date.parse(`${monthsFrom(months.at(-1)!, 2)[1]}-01T00:00:00Z`);
  const days = Math.round((horizonMs - firstDayMs) / DAY);
  const tenantId = options.tenantId ?? 'default';

  const recorded: { at: number; event: RecordedDealEvent; keys: StoredKeys }[] = [];
  /** Records a stream's steps in time order with versions 1..n, as far as the horizon and the rules allow. */
  const record = (streamId: string, steps: Planned[]) => {
    let state: DealState = initialState();
    let previousAt = 0;
    let version = 0;
    const isDeal = streamId.startsWith('deal#');
    for (const step of steps.sort((a, b) => a.at - b.at)) {
      // Distinct moments, a few minutes apart at least, so recording order is version order.
      const at = Math.max(step.at, previousAt + 5 * MINUTE);
      if (at >= horizonMs) break;
      // After a cancellation only the customer's voice is still recorded; after delivery, a refund too.
      if (state.status === 'cancelled' && step.type !== 'NpsResponseRecorded') continue;
      if (state.status === 'delivered' && step.type !== 'NpsResponseRecorded' && step.type !== 'DealCancelled') continue;
      previousAt = at;
      version += 1;
      const occurredAt = step.type === 'DealClosed' ? isoMinute(step.at) : isoMinute(at);
      const recordedAtMs = Math.floor(at / MINUTE) * MINUTE + rng.int(200, 90_000);
      const domainEvent = { type: step.type, occurredAt, data: step.data() } as DealEvent;
      let fingerprint: string;
      if (domainEvent.type === 'NpsResponseRecorded') {
        // As the NPS recorder stamps it: the same provider answer at the same update is the same request.
        const { provider, responseId, respondedAt, updatedAt } = domainEvent.data;
        domainEvent.occurredAt = respondedAt;
        fingerprint = `nps:${provider}:${responseId}:${updatedAt ?? respondedAt}`;
      } else {
        const body = { ...domainEvent.data, at: occurredAt };
        fingerprint = createHash('sha256').update(`${routeOf[step.type]}\n${streamId.slice('deal#'.length)}\n${JSON.stringify(body)}`).digest('base64url');
      }
      const event = {
        ...domainEvent,
        eventId: rng.uuid(),
        schemaVersion: streamKindOf(streamId).schemaVersion,
        streamId,
        version,
        recordedAt: iso(recordedAtMs),
        actor: step.actor,
        tenantId,
        correlationId: rng.uuid(),
      } as RecordedDealEvent;
      if (isDeal) state = evolve(state, event);
      // Command clients send an Idempotency-Key most of the time; survey tools and imports do not.
      const keys: StoredKeys = domainEvent.type !== 'NpsResponseRecorded' && rng.chance(0.6) ? { idempotencyKey: rng.uuid(), fingerprint } : { fingerprint };
      recorded.push({ at: recordedAtMs, event, keys });
    }
  };
  for (let index = 0; index < options.deals; index++) {
    record(dealStreamId(`D-${String(index + 1).padStart(6, '0')}`), planDeal(rng, index, firstDayMs, days));
  }
  // A few answers name no deal we know (none, or an id from an old system): each waits on a stream of its own.
  const unattributed = Math.round(options.deals * UNATTRIBUTED_NPS_SHARE);
  for (let n = 0; n < unattributed; n++) {
    const steps: Planned[] = [];
    const dealId = rng.chance(0.7) ? null : `OLD-${rng.int(10_000, 99_999)}`;
    const at = firstDayMs + rng.int(0, days - 1) * DAY + rng.int(13 * 60, 23 * 60) * MINUTE;
    const answer = pushNps(rng, steps, dealId, at);
    if (rng.chance(0.1)) pushNps(rng, steps, dealId, at + rng.int(1, 10) * DAY, answer);
    record(unattributedNpsStreamId(answer), steps);
  }
  recorded.sort((a, b) => a.at - b.at || (a.event.streamId < b.event.streamId ? -1 : a.event.streamId > b.event.streamId ? 1 : a.event.version - b.event.version));

  const countsByType = Object.fromEntries(
    ['DealClosed', 'HandoffCompleted', 'ScopeChanged', 'PromiseRevised', 'DeliveryCompleted', 'DealCancelled', 'NpsResponseRecorded'].map((type) => [type, 0]),
  ) as Record<DealEventType, number>;
  const items = recorded.map(({ event, keys }) => {
    countsByType[event.type] += 1;
    return storedItemOf(event, keys);
  });
  const itemBytes = items.reduce(
    (sum, item) => sum + Object.entries(item).reduce((bytes, [name, value]) => bytes + name.length + (value.S ?? value.N ?? '').length, 0),
    0,
  );
  return {
    events: recorded.map(({ event }) => event),
    items,
    deals: options.deals,
    unattributedStreams: unattributed,
    months,
    horizon: iso(horizonMs),
    countsByType,
    itemBytes,
  };
};

/** The command that, decided on the deal before it, gives exactly this event. */
const commandOf = (event: RecordedDealEvent): DealCommand => {
  switch (event.type) {
    case 'DealClosed': {
      // The engagement is the desk's verdict handed to the decider with the command, not part of the body.
      const { engagement, ...sold } = event.data;
      return { type: 'CloseDeal', body: CloseDealBody.parse({ ...sold, closedAt: event.occurredAt }), engagement };
    }
    case 'HandoffCompleted':
      return { type: 'HandOff', body: HandOffBody.parse({ ...event.data, at: event.occurredAt }) };
    case 'HandoffReturned':
      return { type: 'ReturnHandoff', body: ReturnHandoffBody.parse({ ...event.data, at: event.occurredAt }) };
    case 'ScopeChanged':
      return { type: 'ChangeScope', body: ChangeScopeBody.parse({ ...event.data, at: event.occurredAt }) };
    case 'PromiseRevised':
      return { type: 'RevisePromise', body: RevisePromiseBody.parse({ ...event.data, at: event.occurredAt }) };
    case 'DeliveryCompleted':
      return { type: 'Deliver', body: DeliverBody.parse({ ...event.data, at: event.occurredAt }) };
    case 'DealCancelled':
      return { type: 'CancelDeal', body: CancelDealBody.parse({ ...event.data, at: event.occurredAt }) };
    case 'NpsResponseRecorded':
      return { type: 'RecordNpsResponse', body: NpsResponseRecordedData.parse(event.data) };
  }
};

export interface HistoryCheck {
  eventsParsed: number;
  itemsRead: number;
  dealsDecided: number;
  npsStreamsDecided: number;
}

/**
 * Proves the history is valid without paying for all of it: a sample of events parses with
 * RecordedDealEvent to exactly itself, their stored items read back (readStoredItem) to exactly
 * the event and its keys, and a sample of deals (and every unattributed NPS answer's stream) replays
 * through its decider (every API body schema and business rule) to exactly the recorded events.
 */
export const checkHistory = (history: History, sample = 2_000): HistoryCheck => {
  const step = Math.max(1, Math.floor(history.events.length / sample));
  let eventsParsed = 0;
  for (let i = 0; i < history.events.length; i += step) {
    const event = history.events[i]!;
    deepStrictEqual(RecordedEvent.parse(JSON.parse(JSON.stringify(event))), event);
    const item = history.items[i]!;
    const read = readStoredItem(item);
    deepStrictEqual(read.event, event);
    deepStrictEqual(read, { event, idempotencyKey: item[T.idempotencyKey]?.S, fingerprint: item[T.fingerprint]?.S });
    eventsParsed += 1;
  }

  const dealStep = Math.max(1, Math.floor(history.deals / Math.max(1, Math.floor(sample / 4))));
  const sampled = new Set<string>();
  for (let d = 0; d < history.deals; d += dealStep) sampled.add(dealStreamId(`D-${String(d + 1).padStart(6, '0')}`));
  const streams = new Map<string, RecordedDealEvent[]>();
  for (const event of history.events) {
    // Every unattributed answer's stream is checked too: there are few.
    if (!sampled.has(event.streamId) && !event.streamId.startsWith('nps#')) continue;
    const events = streams.get(event.streamId) ?? [];
    if (!events.length) streams.set(event.streamId, events);
    events.push(event);
  }
  let npsStreams = 0;
  for (const events of streams.values()) {
    const isDeal = events[0]!.streamId.startsWith('deal#');
    let state: DealState = initialState();
    let npsState: UnattributedNpsState = unattributedNpsDecider.initialState();
    events.forEach((event, index) => {
      if (event.version !== index + 1) throw new Error(`${event.streamId}: version ${event.version} at position ${index + 1}`);
      const command = commandOf(event);
      let decidedEvents: DealEvent[];
      if (isDeal) decidedEvents = decide(command, state);
      else if (command.type === 'RecordNpsResponse') decidedEvents = unattributedNpsDecider.decide(command, npsState);
      else throw new Error(`${event.type} on ${event.streamId}`);
      const [decided, ...more] = decidedEvents;
      deepStrictEqual({ decided, more }, { decided: { type: event.type, occurredAt: event.occurredAt, data: event.data }, more: [] });
      if (isDeal) state = evolve(state, event);
      else npsState = unattributedNpsDecider.evolve(npsState, event);
    });
    if (!isDeal) npsStreams += 1;
  }
  return { eventsParsed, itemsRead: eventsParsed, dealsDecided: streams.size - npsStreams, npsStreamsDecided: npsStreams };
};

/**
 * Appends the first deals' events through the real DynamoEventStore into a scratch table and reads
 * the items back: each must equal the item storedItemOf built, attribute for attribute.
 */
export const checkStoreFormat = async (client: DynamoDBClient, scratchTable: string, history: History, deals = 3): Promise<number> => {
  const wanted = new Set(Array.from({ length: deals }, (_, d) => dealStreamId(`D-${String(d + 1).padStart(6, '0')}`)));
  const store = new DynamoEventStore(client, scratchTable);
  let compared = 0;
  for (let i = 0; i < history.events.length; i++) {
    const event = history.events[i]!;
    if (!wanted.has(event.streamId)) continue;
    const built = history.items[i]!;
    await store.append({
      streamId: event.streamId,
      expectedVersion: event.version - 1,
      events: [event],
      idempotencyKey: built[T.idempotencyKey]?.S,
      fingerprint: built[T.fingerprint]?.S,
    });
    const { Item } = await client.send(
      new GetItemCommand({ TableName: scratchTable, Key: { [T.partitionKey]: built[T.partitionKey]!, [T.sortKey]: built[T.sortKey]! }, ConsistentRead: true }),
    );
    deepStrictEqual(Item, built);
    compared += 1;
  }
  return compared;
};

export interface LoadResult {
  items: number;
  seconds: number;
  requests: number;
  /** BatchWriteItem calls repeated for items DynamoDB left unprocessed. */
  retries: number;
}

/** Writes every item with BatchWriteItem, 25 a request, `concurrency` requests in flight. */
export const loadItems = async (
  client: DynamoDBClient,
  tableName: string,
  items: readonly Record<string, AttributeValue>[],
  options: { concurrency?: number; onProgress?: (done: number) => void } = {},
): Promise<LoadResult> => {
  const started = process.hrtime.bigint();
  let next = 0;
  let done = 0;
  let requests = 0;
  let retries = 0;
  await Promise.all(
    Array.from({ length: options.concurrency ?? 8 }, async () => {
      while (next < items.length) {
        let batch: WriteRequest[] = items.slice(next, next + 25).map((Item) => ({ PutRequest: { Item } }));
        next += 25;
        const size = batch.length;
        for (let attempt = 0; batch.length; attempt++) {
          if (attempt > 0) {
            retries += 1;
            await new Promise((wait) => setTimeout(wait, Math.min(1_000, 2 ** attempt * 10)));
          }
          requests += 1;
          const answer = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: batch } }));
          batch = answer.UnprocessedItems?.[tableName] ?? [];
        }
        done += size;
        options.onProgress?.(done);
      }
    }),
  );
  return { items: items.length, seconds: Number(process.hrtime.bigint() - started) / 1e9, requests, retries };
};

/** The month each event's deal closed in, for summaries. */
export const closedMonthsOf = (history: History): Map<Month, number> => {
  const counts = new Map<Month, number>();
  for (const event of history.events) {
    if (event.type === 'DealClosed') {
      const month = monthOf(event.occurredAt, 'UTC');
      counts.set(month, (counts.get(month) ?? 0) + 1);
    }
  }
  return counts;
};
