import type { AttributeValue, DynamoDBClient, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { dynamoItemBytes } from './dynamoItemSize.ts';

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/** Calls that are billed in write units; every other call that reports capacity is billed in read units. */
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export interface CapacityTally {
  readUnits: number;
  writeUnits: number;
  calls: Record<string, number>;
  /** What DynamoDB Local itself reported for transactions (it undercounts large ones), beside our count. */
  transactionUnitsReported: number;
  /** Transaction items by kind (view puts, document puts, counter updates, deletes): how many and their write units. */
  transactionItems: Record<string, { items: number; writeUnits: number }>;
}

/** View puts are conditional on the version they read; document puts are not; updates move counters. */
const kindOf = (item: TransactWriteItem): string =>
  item.Put ? (item.Put.ConditionExpression ? 'view put' : 'document put') : item.Update ? 'counter update' : item.Delete ? 'document delete' : 'condition check';

/**
 * A transaction's write units as DynamoDB bills them: two per started KB of each item. A Put's size is
 * its item's; an Update, Delete or ConditionCheck here touches a counter item, taken as under 1 KB.
 */
const transactionWriteUnits = (item: TransactWriteItem): number =>
  2 * (item.Put ? Math.max(1, Math.ceil(dynamoItemBytes(item.Put.Item as Record<string, AttributeValue>) / 1024)) : 1);

/**
 * Asks every call the client makes for its consumed capacity (ReturnConsumedCapacity TOTAL) and sums
 * the units it reports: what on-demand billing charges for, counted by the database rather than guessed.
 */
export const countConsumedCapacity = (client: DynamoDBClient): CapacityTally => {
  const tally: CapacityTally = { readUnits: 0, writeUnits: 0, calls: {}, transactionUnitsReported: 0, transactionItems: {} };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = (context.commandName ?? 'unknown').replace(/Command$/, '');
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const answer = await next(args);
      const consumed = (answer.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
      const units = [consumed ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0)), 0);
      if (name === 'TransactWriteItems') {
        tally.transactionUnitsReported += units;
        for (const item of (args.input as { TransactItems: TransactWriteItem[] }).TransactItems) {
          const units = transactionWriteUnits(item);
          const kind = (tally.transactionItems[kindOf(item)] ??= { items: 0, writeUnits: 0 });
          kind.items += 1;
          kind.writeUnits += units;
          tally.writeUnits += units;
        }
      } else if (WRITES.has(name)) tally.writeUnits += units;
      else tally.readUnits += units;
      tally.calls[name] = (tally.calls[name] ?? 0) + 1;
      return answer;
    },
    { step: 'initialize', name: 'benchConsumedCapacity' },
  );
  return tally;
};
