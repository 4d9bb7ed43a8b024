import type { Decider } from '../decider.ts';
import { streamKinds } from '../streams.ts';
import type { DealEvent, NpsResponse } from '../deal/events.ts';
import { isNewerNpsAnswer, npsAnswerKey, recordNpsAnswer } from '../deal/npsAnswers.ts';
import type { RecordedNpsAnswer } from '../deal/npsAnswers.ts';

/**
 * An NPS answer that names no deal we know is still the customer's voice: it is kept on its own
 * stream, counts for the organisation, and waits to be attributed to a deal.
 */
export const unattributedNpsStreamId = (response: Pick<NpsResponse, 'provider' | 'responseId'>): string =>
  streamKinds.nps.streamId(response);

export interface UnattributedNpsState {
  response: NpsResponse | null;
  answers: Record<string, RecordedNpsAnswer>;
}

export type UnattributedNpsCommand = { type: 'RecordNpsResponse'; body: NpsResponse };

export const unattributedNpsDecider = {
  initialState: (): UnattributedNpsState => ({ response: null, answers: {} }),
  evolve: (state: UnattributedNpsState, event: DealEvent): UnattributedNpsState => {
    if (event.type !== 'NpsResponseRecorded') throw new Error(`${event.type} does not belong on an NPS answer's stream`);
    const answers = recordNpsAnswer(state.answers, event.data);
    return answers === state.answers ? state : { response: event.data, answers };
  },
  decide: (command: UnattributedNpsCommand, state: UnattributedNpsState): DealEvent[] =>
    isNewerNpsAnswer(state.answers, command.body)
      ? [{ type: 'NpsResponseRecorded', occurredAt: command.body.respondedAt, data: command.body }]
      : [],
  startsStream: () => false,
} satisfies Decider<UnattributedNpsState, UnattributedNpsCommand, DealEvent>;
