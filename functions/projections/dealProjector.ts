import {
  GetItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { RecordedEvent } from '../../domain/envelope.ts';
import { contributionDelta } from '../../domain/scorecard/contributions.ts';
import { projectionFor } from '../../domain/scorecard/streamProjections.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { createBatchProjector } from './batchProjector.ts';
import { streamViewKey } from './projectionKeys.ts';
import { counterUpdates, documentPuts, MAX_TRANSACTION_ITEMS, parseView, viewPut, type StoredView } from './projectionWrites.ts';

export type ProjectionOutcome = 'applied' | 'already-applied' | 'caught-up';

export interface DealProjectorDeps {
  client: DynamoDBClient;
  tableName: string;
  eventStore: DynamoEventStore;
  timeZone: string;
  generation: () => Promise<number>;
  maxAttempts?: number;
  /** Waits between attempts after a transaction lost to another one. */
  pause?: (ms: number) => Promise<void>;
}

export { counterUpdates };

/**
 * Projects one event into its stream's view and the scorecards, exactly once whatever the delivery:
 * the view remembers the last version applied and what the deal contributed, and the view and the
 * counters change in one transaction conditional on that version. An event already applied changes
 * nothing; an event that arrives ahead of one still missing makes the projector read the deal's whole
 * stream from the event store and catch up.
 */
export const createDealProjector = (deps: DealProjectorDeps) => {
  const maxAttempts = deps.maxAttempts ?? 8;
  const pause = deps.pause ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));

  const readView = async (generation: number, streamId: string): Promise<StoredView | null> => {
    const { Item } = await deps.client.send(
      new GetItemCommand({ TableName: deps.tableName, Key: streamViewKey(generation, streamId), ConsistentRead: true }),
    );
    return Item ? parseView(Item) : null;
  };

  const project = async (event: RecordedEvent): Promise<ProjectionOutcome> => {
    const { streamId } = event;
    const projection = projectionFor(streamId);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const generation = await deps.generation();
      const view = await readView(generation, streamId);
      const lastVersion = view?.lastVersion ?? 0;
      if (event.version <= lastVersion) return 'already-applied';

      let state: unknown;
      let version: number;
      let outcome: ProjectionOutcome;
      if (event.version === lastVersion + 1) {
        state = projection.evolve(view?.state ?? projection.initialState(), event);
        version = event.version;
        outcome = 'applied';
      } else {
        const stream = await deps.eventStore.readStream(streamId);
        state = stream.events.map((stored) => stored.event).reduce(projection.evolve, projection.initialState());
        version = stream.version;
        outcome = 'caught-up';
      }

      const contributions = projection.contributions(state, deps.timeZone);
      const updates = [
        ...counterUpdates(deps.tableName, generation, contributionDelta(view?.contributions ?? {}, contributions)),
        ...documentPuts(deps.tableName, generation, projection.documents(state, deps.timeZone)),
      ];
      if (updates.length + 1 > MAX_TRANSACTION_ITEMS) {
        throw new Error(`${streamId} v${version} touches ${updates.length} projection items, more than one transaction holds`);
      }
      const viewWrite = viewPut(deps.tableName, generation, streamId, view, { version, state, contributions });
      try {
        await deps.client.send(new TransactWriteItemsCommand({ TransactItems: [viewWrite, ...updates] }));
        return outcome;
      } catch (error) {
        // Another projector moved the view first, or its transaction held the same month's counters
        // (every deal of a month adds to the org bucket): look again after a random, growing pause so
        // shards stop colliding in lockstep.
        if (error instanceof TransactionCanceledException) {
          await pause(Math.random() * 2 ** attempt * 5);
          continue;
        }
        throw error;
      }
    }
    throw new Error(`${streamId}: the projection kept changing under ${maxAttempts} attempts`);
  };
  // Carried on the function so every caller that hands this projector to the stream handler gets
  // whole-batch projection without rewiring; a wrapping function simply falls back to event by event.
  return Object.assign(project, { projectBatch: createBatchProjector(deps, project) });
};

export type DealProjector = ReturnType<typeof createDealProjector>;
