import { monthOf } from '../calendar.ts';
import { monthDeliveryOf } from '../incentives/deliveredDeal.ts';
import { isDealEvent, type DomainEvent } from '../events.ts';
import { evolve, initialState, isRecorded, type DealState } from '../deal/state.ts';
import { unattributedNpsDecider, type UnattributedNpsState } from '../nps/unattributedResponse.ts';
import { bucketKey, contributionsOf, counter, npsCategory, type Contributions } from './contributions.ts';

/** A document kept beside the counters, e.g. an NPS answer waiting for attribution. */
export interface ProjectedDocument {
  /** `<kind>|<id>`, e.g. `unattributed-nps|<provider>:<responseId>` or `delivered#<month>|<dealId>` */
  key: string;
  body: unknown;
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
  // A delivered deal is listed under its delivery month, for that month's incentive pool.
  documents: (state, timeZone) => {
    const delivery = isRecorded(state) ? monthDeliveryOf(state, timeZone) : null;
    return delivery ? [{ key: `delivered#${delivery.month}|${delivery.delivered.dealId}`, body: delivery.delivered }] : [];
  },
};

export const unattributedNpsProjection: StreamProjection<UnattributedNpsState> = {
  initialState: unattributedNpsDecider.initialState,
  evolve: (state, event) => unattributedNpsDecider.evolve(state, dealEventOnly(event)),
  // Without a deal, the answer counts for the organisation alone, in the month it was given.
  contributions: ({ response }, timeZone) =>
    response ? { [bucketKey('org', monthOf(response.respondedAt, timeZone))]: { [counter[npsCategory(response.score)]]: 1 } } : {},
  documents: ({ response }) =>
    response ? [{ key: `unattributed-nps|${response.provider}:${response.responseId}`, body: response }] : [],
};

/** Plans and month closes feed no scorecard: their readers read the streams themselves. */
export const noProjection: StreamProjection<null> = {
  initialState: () => null,
  evolve: () => null,
  contributions: () => ({}),
  documents: () => [],
};

export const projectionFor = (streamId: string): StreamProjection<unknown> => {
  if (streamId.startsWith('deal#')) return dealProjection as StreamProjection<unknown>;
  if (streamId.startsWith('nps#')) return unattributedNpsProjection as StreamProjection<unknown>;
  return noProjection as StreamProjection<unknown>;
};
