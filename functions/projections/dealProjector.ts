import {
  GetItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import type { RecordedEvent } from '../../domain/deal/envelope.ts';
import { contributionDelta, type Contributions } from '../../domain/scorecard/contributions.ts';
import { projectionFor } from '../../domain/scorecard/streamProjections.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { contributionItemKey, documentItemKey, streamViewKey } from './projectionKeys.ts';

/** The most items one DynamoDB transaction may hold. */
const MAX_TRANSACTION_ITEMS = 100;

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

interface StoredView {
  lastVersion: number;
  state: unknown;
  contributions: Contributions;
}

/** The updates that move every touched scorecard item by the deal's change in contribution. */
export const counterUpdates = (tableName: string, generation: number, delta: Contributions): TransactWriteItem[] =>
  Object.entries(delta).map(([key, counters]) => {
    const names: Record<string, string> = {};
    const values: Record<string, { N: string }> = {};
    const adds = Object.entries(counters).map(([name, amount], index) => {
      names[`#c${index}`] = name;
      values[`:c${index}`] = { N: String(amount) };
      return `#c${index} :c${index}`;
    });
    return {
      Update: {
        TableName: tableName,
        Key: contributionItemKey(generation, key),
        UpdateExpression: `ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });

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
    if (!Item) return null;
    return {
      lastVersion: Number(Item.lv!.N),
      state: JSON.parse(Item.st!.S!) as unknown,
      contributions: JSON.parse(Item.c!.S!) as Contributions,
    };
  };

  return async (event: RecordedEvent): Promise<ProjectionOutcome> => {
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
        ...projection.documents(state, deps.timeZone).map(
          (document): TransactWriteItem => ({
            Put: { TableName: deps.tableName, Item: { ...documentItemKey(generation, document.key), d: { S: JSON.stringify(document.body) } } },
          }),
        ),
      ];
      if (updates.length + 1 > MAX_TRANSACTION_ITEMS) {
        throw new Error(`${streamId} v${version} touches ${updates.length} projection items, more than one transaction holds`);
      }
      const viewWrite: TransactWriteItem = {
        Put: {
          TableName: deps.tableName,
          Item: {
            ...streamViewKey(generation, streamId),
            lv: { N: String(version) },
            st: { S: JSON.stringify(state) },
            c: { S: JSON.stringify(contributions) },
          },
          ConditionExpression: view ? 'lv = :lastVersion' : 'attribute_not_exists(lv)',
          ...(view ? { ExpressionAttributeValues: { ':lastVersion': { N: String(lastVersion) } } } : {}),
        },
      };
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
};

export type DealProjector = ReturnType<typeof createDealProjector>;
