import { escalationDecider, type EscalationState } from '../../domain/promises/escalationDecider.ts';
import type { PromiseDeskEvent } from '../../domain/promises/events.ts';
import { streamKinds } from '../../domain/streams.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';

export const escalationStreamId = (escalationId: string): string => streamKinds.escalation.streamId(escalationId);

/** One escalation as recorded, folded from its own stream: always exact, unlike a listing. */
export const readEscalation = async (store: Pick<DynamoEventStore, 'readStream'>, escalationId: string): Promise<EscalationState> => {
  const stream = await store.readStream(escalationStreamId(escalationId));
  return stream.events.map((stored) => stored.event as PromiseDeskEvent).reduce(escalationDecider.evolve, escalationDecider.initialState());
};
