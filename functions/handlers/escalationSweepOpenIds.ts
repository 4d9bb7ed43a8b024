import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { streamKinds } from '../../domain/streams.ts';
import { pagesOf } from '../dynamo/pages.ts';
import { eventsTable as T } from '../eventStore/eventsTable.ts';
import type { OpenEscalations } from './escalationSweep.ts';

/** What the escalation projection offers: the escalations under one status. */
export interface EscalationsByStatus {
  byStatus(status: 'open'): Promise<readonly { escalationId: string }[]>;
}

/** The sweep's list from the escalation projection: one Query of the open ones. */
export const openEscalationsFromProjection = (escalations: EscalationsByStatus): OpenEscalations => ({
  openEscalationIds: async () => (await escalations.byStatus('open')).map((escalation) => escalation.escalationId),
});

/**
 * The sweep's list read from the events table itself: every escalation opened and not decided. It
 * reads the whole table, so it stands in only until the escalation projection is wired in
 * (`openEscalationsFromProjection`); it is exact, which is all the sweep needs of it meanwhile.
 */
export const openEscalationsFromEvents = (client: DynamoDBClient, eventsTable: string): OpenEscalations => ({
  openEscalationIds: async () => {
    const prefix = streamKinds.escalation.streamId('');
    const opened = new Set<string>();
    const decided = new Set<string>();
    const pages = pagesOf((startKey) =>
      client.send(
        new ScanCommand({
          TableName: eventsTable,
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
          ProjectionExpression: '#s, #t',
          FilterExpression: 'begins_with(#s, :prefix) AND #t IN (:opened, :decided)',
          ExpressionAttributeNames: { '#s': T.partitionKey, '#t': T.type },
          ExpressionAttributeValues: { ':prefix': { S: prefix }, ':opened': { S: 'EscalationOpened' }, ':decided': { S: 'EscalationDecided' } },
        }),
      ),
    );
    for await (const items of pages) {
      for (const item of items) {
        const id = (item[T.partitionKey]?.S ?? '').slice(prefix.length);
        (item[T.type]?.S === 'EscalationDecided' ? decided : opened).add(id);
      }
    }
    return [...opened].filter((id) => !decided.has(id)).sort();
  },
});
