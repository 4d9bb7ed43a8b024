import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { eventsTable } from '../../functions/eventStore/eventsTable.ts';

interface TableRef {
  client: DynamoDBClient;
  tableName: string;
}

/** Every item in the table, read with a consistent Scan through the real SDK (all pages). */
export const scanItems = async ({ client, tableName }: TableRef): Promise<Record<string, AttributeValue>[]> => {
  const items: Record<string, AttributeValue>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/** How many items the table holds: the baseline for "nothing new was stored". */
export const countItems = async (table: TableRef): Promise<number> => (await scanItems(table)).length;

/** The stored items of one deal's stream, in version order, as (version, type, idempotency key). */
export const storedEventsOf = async (table: TableRef, dealId: string) =>
  (await scanItems(table))
    .filter((item) => item[eventsTable.partitionKey]?.S === `deal#${dealId}`)
    .map((item) => ({
      version: Number(item[eventsTable.sortKey]?.N),
      type: item[eventsTable.type]?.S,
      idempotencyKey: item[eventsTable.idempotencyKey]?.S,
    }))
    .sort((a, b) => a.version - b.version);

/** The events stored on one stream, in version order, as the envelopes the events table holds. */
export const storedEnvelopesOf = async (table: TableRef, streamId: string): Promise<Record<string, any>[]> =>
  (await scanItems(table))
    .filter((item) => item[eventsTable.partitionKey]?.S === streamId)
    .map((item) => JSON.parse(item[eventsTable.body]!.S!) as Record<string, any>)
    .sort((a, b) => a.version - b.version);
