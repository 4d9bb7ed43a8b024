import type { Month } from '../calendar.ts';
import type { IsoWeek } from '../isoWeek.ts';
import { weekFactOfUnattributedNps, weekFactsOfDeal, type WeekFact } from '../cadence/weekFact.ts';
import type { SellerOfDeal } from '../cadence/weeklyBrief.ts';
import type { NpsResponse } from '../deal/events.ts';
import { evolve, initialState, isRecorded, type DealState } from '../deal/state.ts';
import { isDealEvent, type DomainEvent } from '../events.ts';
import { streamKindOf, type StreamKindName } from '../streams.ts';
import { monthDeliveryOf } from '../incentives/deliveredDeal.ts';
import type { DeliveredDeal } from '../incentives/statements.ts';
import { unattributedNpsDecider, type UnattributedNpsState } from '../nps/unattributedResponse.ts';
import { escalationDecider, type Escalation, type EscalationState, type EscalationStatus } from '../promises/escalationDecider.ts';
import { isPromiseDeskEvent } from '../promises/events.ts';
import { isForecastEvent } from '../forecasts/events.ts';
import { forecastDecider, type SellerForecasts } from '../forecasts/forecastDecider.ts';
import type { OpenDeal } from '../promises/openDeal.ts';
import { dealTeamsOf, type DealTeams } from './dealTeams.ts';
import { contributionsOf, noContributions, unattributedNpsContributions, type Contributions } from './contributions.ts';
import { escalationContributions } from './engagement.ts';
import { openDealOf } from './openDeal.ts';

/**
 * A document kept beside the counters for a reader that lists them: a delivered deal under the month
 * it was delivered in (for that month's incentive pool), an NPS answer waiting for attribution, a deal
 * operations still owes (the promise desk's load, all open deals listed together), an escalation
 * listed under its status, a fact filed under the week it happened in (for that week's brief), the
 * seller of a deal (the sellers the brief expects a forecast from), a seller's forecasts (all listed
 * together), a seller's close (their team), or a deal's teams under the months it closed and was
 * delivered in (the monthly report's teams). A document a stream no longer lists is taken away.
 */
export type ProjectedDocument =
  | { kind: 'delivered-deal'; month: Month; dealId: string; body: DeliveredDeal }
  | { kind: 'unattributed-nps'; provider: string; responseId: string; body: NpsResponse }
  | { kind: 'open-deal'; dealId: string; body: OpenDeal }
  | { kind: 'escalation'; status: EscalationStatus; escalationId: string; body: Escalation }
  | { kind: 'week-fact'; week: IsoWeek; factId: string; body: WeekFact }
  | { kind: 'seller'; dealId: string; body: SellerOfDeal }
  | { kind: 'seller-forecasts'; personId: string; body: SellerForecasts }
  | { kind: 'seller-close'; personId: string; dealId: string; body: SellerClose }
  | { kind: 'deal-teams'; month: Month; dealId: string; body: DealTeams };

/** A deal as its seller's close: which sales team it was sold for, and when (a seller's team is read from these). */
export interface SellerClose {
  salesTeam: string;
  closedAt: string;
}

/** How one kind of stream folds and what it contributes to the read models. */
export interface StreamProjection<State> {
  initialState: () => State;
  evolve: (state: State, event: DomainEvent) => State;
  contributions: (state: State, timeZone: string) => Contributions;
  documents: (state: State, timeZone: string) => ProjectedDocument[];
}

/** Only a deal's (or an NPS answer's) own events can reach its projection: its stream id names its kind. */
const dealEventOnly = (event: DomainEvent) => {
  if (!isDealEvent(event)) throw new Error(`${event.type} does not belong on a deal's stream`);
  return event;
};

export const dealProjection: StreamProjection<DealState> = {
  initialState,
  evolve: (state, event) => evolve(state, dealEventOnly(event)),
  contributions: (state, timeZone) => {
    if (!isRecorded(state)) throw new Error('a deal stream must begin with DealClosed');
    return contributionsOf(state, timeZone);
  },
  documents: (state, timeZone) => {
    if (!isRecorded(state)) return [];
    const documents: ProjectedDocument[] = [
      { kind: 'seller-close', personId: state.seller.id, dealId: state.dealId, body: { salesTeam: state.salesTeam, closedAt: state.closedAt } },
    ];
    const delivery = monthDeliveryOf(state, timeZone);
    if (delivery) documents.push({ kind: 'delivered-deal', month: delivery.month, dealId: delivery.delivered.dealId, body: delivery.delivered });
    const open = openDealOf(state);
    if (open) documents.push({ kind: 'open-deal', dealId: open.dealId, body: open });
    for (const { week, factId, fact } of weekFactsOfDeal(state, timeZone)) documents.push({ kind: 'week-fact', week, factId, body: fact });
    documents.push({ kind: 'seller', dealId: state.dealId, body: { sellerId: state.seller.id, salesTeam: state.salesTeam, closedAt: state.closedAt } });
    for (const { month, teams } of dealTeamsOf(state, timeZone)) documents.push({ kind: 'deal-teams', month, dealId: teams.dealId, body: teams });
    return documents;
  },
};

export const unattributedNpsProjection: StreamProjection<UnattributedNpsState> = {
  initialState: unattributedNpsDecider.initialState,
  evolve: (state, event) => unattributedNpsDecider.evolve(state, dealEventOnly(event)),
  contributions: ({ response }, timeZone) => (response ? unattributedNpsContributions(response, timeZone) : noContributions()),
  documents: ({ response }, timeZone) => {
    if (!response) return [];
    const { week, factId, fact } = weekFactOfUnattributedNps(response, timeZone);
    return [
      { kind: 'unattributed-nps', provider: response.provider, responseId: response.responseId, body: response },
      { kind: 'week-fact', week, factId, body: fact },
    ];
  },
};

/** Only an escalation's own events can reach its projection. */
const escalationEventOnly = (event: DomainEvent) => {
  if (!isPromiseDeskEvent(event)) throw new Error(`${event.type} does not belong on an escalation's stream`);
  return event;
};

/** An escalation counts on its proposal's scorecards and is listed under its status, moving as it is decided. */
export const escalationProjection: StreamProjection<EscalationState> = {
  initialState: escalationDecider.initialState,
  evolve: (state, event) => escalationDecider.evolve(state, escalationEventOnly(event)),
  contributions: (state, timeZone) => (state ? escalationContributions(state, timeZone) : noContributions()),
  documents: (state) => (state ? [{ kind: 'escalation', status: state.status, escalationId: state.escalationId, body: state }] : []),
};

/** Only a seller's forecasts can reach their forecast stream's projection. */
const forecastEventOnly = (event: DomainEvent) => {
  if (!isForecastEvent(event)) throw new Error(`${event.type} does not belong on a forecast stream`);
  return event;
};

/** A seller's forecasts, listed together with every other seller's: a scorecard reads the calls of everyone in one Query. */
export const forecastProjection: StreamProjection<SellerForecasts> = {
  initialState: forecastDecider.initialState,
  evolve: (state, event) => forecastDecider.evolve(state, forecastEventOnly(event)),
  contributions: noContributions,
  documents: (state) => (state.personId === null ? [] : [{ kind: 'seller-forecasts', personId: state.personId, body: state }]),
};

/** Plans, month closes, the catalogue, capacity and rules feed no scorecard: their readers read the streams themselves. */
export const noProjection: StreamProjection<null> = {
  initialState: () => null,
  evolve: () => null,
  contributions: noContributions,
  documents: () => [],
};

/** Every kind of stream names its projection here: a new kind without one is a type error. */
// `any`: each kind folds a state of its own, which only its own projection reads.
const projections: { readonly [K in StreamKindName]: StreamProjection<any> } = {
  deal: dealProjection,
  nps: unattributedNpsProjection,
  plans: noProjection,
  closes: noProjection,
  catalogue: noProjection,
  capacity: noProjection,
  rules: noProjection,
  escalation: escalationProjection,
  forecast: forecastProjection,
  brief: noProjection,
};

export const projectionFor = (streamId: string): StreamProjection<unknown> =>
  projections[streamKindOf(streamId).name];
