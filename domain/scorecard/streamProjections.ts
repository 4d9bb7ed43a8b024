import { monthOf } from '../calendar.ts';
import type { DealEvent } from '../deal/events.ts';
import { evolve, initialState, isRecorded, type DealState } from '../deal/state.ts';
import { unattributedNpsDecider, type UnattributedNpsState } from '../nps/unattributedResponse.ts';
import { bucketKey, contributionsOf, counter, npsCategory, type Contributions } from './contributions.ts';

/** A document kept beside the counters, e.g. an NPS answer waiting for attribution. */
export interface ProjectedDocument {
  /** `unattributed-nps|<provider>:<responseId>` */
  key: string;
  body: unknown;
}

/** How one kind of stream folds and what it contributes to the read models. */
export interface StreamProjection<State> {
  initialState: () => State;
  evolve: (state: State, event: DealEvent) => State;
  contributions: (state: State, timeZone: string) => Contributions;
  documents: (state: State) => ProjectedDocument[];
}

export const dealProjection: StreamProjection<DealState> = {
  initialState,
  evolve,
  contributions: (state, timeZone) => {
    if (!isRecorded(state)) throw new Error('a deal stream must begin with DealClosed');
    return contributionsOf(state, timeZone);
  },
  documents: () => [],
};

export const unattributedNpsProjection: StreamProjection<UnattributedNpsState> = {
  initialState: unattributedNpsDecider.initialState,
  evolve: unattributedNpsDecider.evolve,
  // Without a deal, the answer counts for the organisation alone, in the month it was given.
  contributions: ({ response }, timeZone) =>
    response ? { [bucketKey('org', monthOf(response.respondedAt, timeZone))]: { [counter[npsCategory(response.score)]]: 1 } } : {},
  documents: ({ response }) =>
    response ? [{ key: `unattributed-nps|${response.provider}:${response.responseId}`, body: response }] : [],
};

export const projectionFor = (streamId: string): StreamProjection<unknown> =>
  (streamId.startsWith('nps#') ? unattributedNpsProjection : dealProjection) as StreamProjection<unknown>;
