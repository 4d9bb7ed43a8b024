import * as z from '../zod.ts';
import { addMonths, Month, monthOf, monthStartMs } from '../calendar.ts';
import { Instant } from '../instant.ts';
import { addWeeks, IsoWeek, localInstant, weekEndMs, weekStartMs } from '../isoWeek.ts';
import { Money } from '../money.ts';
import type { Capacity } from '../promises/capacity.ts';
import { byCodeUnits } from '../promises/codeUnitOrder.ts';
import type { Commitment } from '../promises/commitment.ts';
import type { Escalation } from '../promises/escalationDecider.ts';
import { escalationAsItStands } from '../promises/escalationDecider.ts';
import { loadViewOf, WeekLoad } from '../promises/loadView.ts';
import { npsCategory } from '../scorecard/contributions.ts';
import { CloseClass, CloseFact, DeliveryFact, HandoffReturnFact, NpsFact, type WeekFact } from './weekFact.ts';

/** How many weeks ahead each ops team's load is shown. */
export const BRIEF_LOAD_WEEKS = 4;

const MS_PER_HOUR = 3_600_000;

const ClassCloses = z.strictObject({
  class: CloseClass,
  count: z.int().check(z.nonnegative()),
  /** The value closed, one sum per currency, in currency order. */
  value: z.array(Money),
  deals: z.array(z.omit(CloseFact, { type: true, class: true })),
});

const BriefDelivery = z.extend(z.omit(DeliveryFact, { type: true }), {
  /** Why a missed promise was missed, in words: "late by 26.5 h", "short 2000 SEALCOAT-SQFT (12000 promised, 10000 delivered)". */
  why: z.array(z.string()),
});

const OverdueEscalation = z.strictObject({
  escalationId: z.string(),
  dealId: z.string(),
  customer: z.string(),
  sellerId: z.string(),
  salesTeam: z.string(),
  openedAt: Instant,
  /** When its first decision was due: it has been waiting past it. */
  firstDueBy: Instant,
  /** Where it stands at the week's end, after the rises its missed SLAs brought. */
  level: z.literal([1, 2, 3]),
  dueBy: Instant,
  /** Whole hours past its first due time, at the week's end. */
  overdueHours: z.int().check(z.nonnegative()),
});

const AtRiskCommitment = z.strictObject({
  dealId: z.string(),
  deliverBy: Instant,
  minutes: z.int().check(z.positive()),
  finishWeek: z.nullable(IsoWeek),
});

const OpsTeamOutlook = z.strictObject({
  opsTeam: z.string(),
  capacityPublished: z.boolean(),
  weeks: z.array(WeekLoad),
  /** Open commitments the schedule does not finish by their deliver-by, in the order operations serves them. */
  atRisk: z.array(AtRiskCommitment),
});

const KnownSeller = z.strictObject({ personId: z.string(), salesTeams: z.array(z.string()) });

const ForecastsDue = z.strictObject({
  month: Month,
  /** The call for the month is the latest forecast made before this instant (CADENCE.md, "Forecasts"). */
  dueBy: Instant,
  called: z.array(z.extend(KnownSeller, { commit: Money, at: Instant })),
  notCalled: z.array(KnownSeller),
});

const BriefNpsAnswer = z.extend(z.omit(NpsFact, { type: true }), { category: z.enum(['detractor', 'passive', 'promoter']) });

/** The weekly brief (CADENCE.md, "The weekly brief"): the week behind and the weeks ahead, for sales and operations alike. */
export const WeeklyBrief = z.strictObject({
  week: IsoWeek,
  timeZone: z.string(),
  /** The week's first instant and the next week's, on the business's wall clock. */
  from: Instant,
  to: Instant,
  /** The instant the facts were read at (the scheduled run's time, or the request's). */
  preparedAt: Instant,
  /** The headline of each side, side by side. */
  summary: z.strictObject({
    sales: z.strictObject({ closes: z.int(), forecastsMissing: z.int() }),
    operations: z.strictObject({ kept: z.int(), missed: z.int(), handoffsReturned: z.int(), teamsOverCapacity: z.int() }),
    both: z.strictObject({ escalationsOverdue: z.int(), npsAnswers: z.int(), detractors: z.int() }),
  }),
  closes: z.array(ClassCloses),
  deliveries: z.strictObject({ kept: z.array(BriefDelivery), missed: z.array(BriefDelivery) }),
  handoffsReturned: z.array(z.omit(HandoffReturnFact, { type: true })),
  escalationsOverdue: z.array(OverdueEscalation),
  opsTeams: z.array(OpsTeamOutlook),
  forecasts: ForecastsDue,
  nps: z.array(BriefNpsAnswer),
});
export type WeeklyBrief = z.infer<typeof WeeklyBrief>;

/** A seller the product knows (one who closed a deal), with the sales team of that deal. */
export interface SellerOfDeal {
  sellerId: string;
  salesTeam: string;
  /** When the deal closed; absent from documents projected before it was kept (read as known all along). */
  closedAt?: string;
}

/** A forecast as recorded for a month. */
export interface ForecastMade {
  personId: string;
  month: Month;
  commit: Money;
  at: Instant;
}

/** An ops team as the desk knows it: its capacity (null when none is published) and its open commitments. */
export interface OpsTeamLoad {
  opsTeam: string;
  capacity: Capacity | null;
  commitments: readonly Commitment[];
}

/** Everything the functions layer gathers for one week's brief; the brief is computed from these alone. */
export interface WeeklyBriefFacts {
  week: IsoWeek;
  timeZone: string;
  preparedAt: Instant;
  /** The week's facts (each filed under it by the projector), in any order. */
  facts: readonly WeekFact[];
  /** Every escalation, open or decided: which were open at the week's end is the brief's to tell. */
  escalations: readonly Escalation[];
  opsTeams: readonly OpsTeamLoad[];
  sellers: readonly SellerOfDeal[];
  /** Forecasts made for the month after the week's end (the brief picks each seller's call). */
  forecasts: readonly ForecastMade[];
}

const CLASS_ORDER = CloseClass.options;

const byCurrency = (values: readonly Money[]): Money[] => {
  const sums = new Map<string, number>();
  for (const value of values) sums.set(value.currency, (sums.get(value.currency) ?? 0) + value.amount);
  return [...sums].sort(([a], [b]) => byCodeUnits(a, b)).map(([currency, amount]) => ({ amount, currency }));
};

const byInstantThenId = <T>(instantOf: (item: T) => string, idOf: (item: T) => string) => (a: T, b: T): number =>
  Date.parse(instantOf(a)) - Date.parse(instantOf(b)) || byCodeUnits(idOf(a), idOf(b));

const closesOf = (closes: CloseFact[]) =>
  CLASS_ORDER.map((closeClass) => {
    const ofClass = closes.filter((close) => close.class === closeClass).sort(byInstantThenId((c) => c.closedAt, (c) => c.dealId));
    return {
      class: closeClass,
      count: ofClass.length,
      value: byCurrency(ofClass.map((close) => close.value)),
      deals: ofClass.map(({ type: _type, class: _class, ...deal }) => deal),
    };
  });

/** 26.5 -> "26.5 h"; at least a day reads as days and hours as well: 50.25 -> "2 d 2.25 h (50.25 h)". */
export const lateness = (hours: number): string => {
  const days = Math.floor(hours / 24);
  const rest = Math.round((hours - days * 24) * 100) / 100;
  return days === 0 ? `${hours} h` : `${days} d ${rest} h (${hours} h)`;
};

/** Why a delivery missed its promise, in words both sides read the same way. */
export const whyMissed = (delivery: DeliveryFact): string[] => [
  ...(delivery.onTime ? [] : [`late by ${lateness(delivery.lateByHours)}`]),
  ...delivery.scopeDifferences.map(({ sku, promised, delivered }) =>
    delivered < promised
      ? `short ${promised - delivered} ${sku} (${promised} promised, ${delivered} delivered)`
      : `over by ${delivered - promised} ${sku} (${promised} promised, ${delivered} delivered)`,
  ),
];

const deliveriesOf = (deliveries: DeliveryFact[]) => {
  const lines = deliveries
    .sort(byInstantThenId((d) => d.deliveredAt, (d) => d.dealId))
    .map(({ type: _type, ...delivery }) => ({ ...delivery, why: delivery.kept ? [] : whyMissed({ type: 'delivery', ...delivery }) }));
  return { kept: lines.filter((line) => line.kept), missed: lines.filter((line) => !line.kept) };
};

/** Whether an escalation was open when the week ended: opened by then, and not decided by then. */
const openAtWeekEnd = (escalation: Escalation, weekEnd: number): boolean =>
  Date.parse(escalation.openedAt) < weekEnd && (escalation.decision === null || Date.parse(escalation.decision.at) >= weekEnd);

/**
 * Escalations open at the week's end whose first decision was due before it, longest waiting first,
 * at the level they stood at then: one decided since (a brief published late) is shown as it was.
 */
const escalationsOverdueOf = (escalations: readonly Escalation[], weekEnd: number) =>
  escalations
    .filter((escalation) => openAtWeekEnd(escalation, weekEnd) && Date.parse(escalation.opening.dueBy) < weekEnd)
    .map((escalation) => {
      const standing = escalationAsItStands({ ...escalation, decision: null }, new Date(weekEnd).toISOString());
      return {
        escalationId: escalation.escalationId,
        dealId: escalation.dealId,
        customer: escalation.proposal.customer.name,
        sellerId: escalation.proposal.seller.id,
        salesTeam: escalation.proposal.salesTeam,
        openedAt: escalation.openedAt,
        firstDueBy: escalation.opening.dueBy,
        level: standing.level,
        dueBy: standing.dueBy,
        overdueHours: Math.floor((weekEnd - Date.parse(escalation.opening.dueBy)) / MS_PER_HOUR),
      };
    })
    .sort((a, b) => Date.parse(a.firstDueBy) - Date.parse(b.firstDueBy) || byCodeUnits(a.escalationId, b.escalationId));

/**
 * Each team's next weeks as the promise desk's load view shows them, scheduled from the week's end:
 * a deal closed after it was not yet a commitment then, even when the brief is published later.
 */
const opsTeamsOf = (teams: readonly OpsTeamLoad[], week: IsoWeek, timeZone: string, weekEnd: number) =>
  [...teams]
    .sort((a, b) => byCodeUnits(a.opsTeam, b.opsTeam))
    .map((team) => {
      const view = loadViewOf({
        opsTeam: team.opsTeam,
        at: new Date(weekEnd).toISOString(),
        timeZone,
        capacity: team.capacity,
        commitments: team.commitments.filter((commitment) => Date.parse(commitment.closedAt) < weekEnd),
        from: addWeeks(week, 1),
        weeks: BRIEF_LOAD_WEEKS,
      });
      return {
        opsTeam: team.opsTeam,
        capacityPublished: team.capacity !== null,
        weeks: view.weeks,
        atRisk: view.commitments.filter((c) => c.atRisk).map(({ dealId, deliverBy, minutes, finishWeek }) => ({ dealId, deliverBy, minutes, finishWeek })),
      };
    });

const knownSellersOf = (sellers: readonly SellerOfDeal[], weekEnd: number) => {
  const teams = new Map<string, Set<string>>();
  for (const { sellerId, salesTeam, closedAt } of sellers) {
    // A seller is known, for a team, from their first close for it: a brief made late does not ask a call of someone who began selling after its week.
    if (closedAt !== undefined && Date.parse(closedAt) >= weekEnd) continue;
    (teams.get(sellerId) ?? teams.set(sellerId, new Set()).get(sellerId)!).add(salesTeam);
  }
  return [...teams]
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([personId, salesTeams]) => ({ personId, salesTeams: [...salesTeams].sort(byCodeUnits) }));
};

/**
 * The calls due for the month after the week's end: each known seller's latest forecast for it made
 * by the week's end (a later one may still replace it before the month starts), and who has none yet.
 */
const forecastsOf = (facts: WeeklyBriefFacts, weekEnd: number) => {
  const month = addMonths(monthOf(weekEnd, facts.timeZone), 1);
  const calls = new Map<string, ForecastMade>();
  for (const forecast of facts.forecasts) {
    if (forecast.month !== month || Date.parse(forecast.at) >= weekEnd) continue;
    const known = calls.get(forecast.personId);
    if (!known || Date.parse(forecast.at) >= Date.parse(known.at)) calls.set(forecast.personId, forecast);
  }
  const sellers = knownSellersOf(facts.sellers, weekEnd);
  // A forecaster the deals do not name yet (a new seller) still made a call.
  for (const personId of calls.keys()) if (!sellers.some((s) => s.personId === personId)) sellers.push({ personId, salesTeams: [] });
  sellers.sort((a, b) => byCodeUnits(a.personId, b.personId));
  return {
    month,
    dueBy: localInstant(monthStartMs(month, facts.timeZone), facts.timeZone),
    called: sellers.flatMap((seller) => {
      const call = calls.get(seller.personId);
      return call ? [{ ...seller, commit: call.commit, at: call.at }] : [];
    }),
    notCalled: sellers.filter((seller) => !calls.has(seller.personId)),
  };
};

const CATEGORY = { detractors: 'detractor', passives: 'passive', promoters: 'promoter' } as const;

/** Detractors first (lowest score first), then by when they answered. */
const npsOf = (answers: NpsFact[]) =>
  answers
    .map(({ type: _type, ...answer }) => ({ ...answer, category: CATEGORY[npsCategory(answer.score)] }))
    .sort((a, b) => a.score - b.score || Date.parse(a.respondedAt) - Date.parse(b.respondedAt) || byCodeUnits(a.dealId ?? '', b.dealId ?? ''));

/** The brief of a week, from its facts. Pure: the same facts always give the same brief. */
export const weeklyBriefOf = (facts: WeeklyBriefFacts): WeeklyBrief => {
  const { week, timeZone } = facts;
  const weekEnd = weekEndMs(week, timeZone);
  const ofType = <T extends WeekFact['type']>(type: T) => facts.facts.filter((fact): fact is Extract<WeekFact, { type: T }> => fact.type === type);
  const closes = closesOf(ofType('close'));
  const deliveries = deliveriesOf(ofType('delivery'));
  const handoffsReturned = ofType('handoff-return')
    .sort(byInstantThenId((r) => r.returnedAt, (r) => r.dealId))
    .map(({ type: _type, ...returned }) => returned);
  const escalationsOverdue = escalationsOverdueOf(facts.escalations, weekEnd);
  const opsTeams = opsTeamsOf(facts.opsTeams, week, timeZone, weekEnd);
  const forecasts = forecastsOf(facts, weekEnd);
  const nps = npsOf(ofType('nps'));
  return {
    week,
    timeZone,
    from: localInstant(weekStartMs(week, timeZone), timeZone),
    to: localInstant(weekEnd, timeZone),
    preparedAt: facts.preparedAt,
    summary: {
      sales: { closes: closes.reduce((sum, c) => sum + c.count, 0), forecastsMissing: forecasts.notCalled.length },
      operations: {
        kept: deliveries.kept.length,
        missed: deliveries.missed.length,
        handoffsReturned: handoffsReturned.length,
        teamsOverCapacity: opsTeams.filter((team) => team.atRisk.length > 0 || team.weeks.some((w) => w.scheduledMinutes > w.capacityMinutes)).length,
      },
      both: {
        escalationsOverdue: escalationsOverdue.length,
        npsAnswers: nps.length,
        detractors: nps.filter((answer) => answer.category === 'detractor').length,
      },
    },
    closes,
    deliveries,
    handoffsReturned,
    escalationsOverdue,
    opsTeams,
    forecasts,
    nps,
  };
};
