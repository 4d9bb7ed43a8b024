import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Escalation, EscalationStatus } from '../../domain/promises/escalationDecider.ts';
import { batchGetItems } from '../dynamo/batchGet.ts';
import { queryPartition } from '../dynamo/partitionQuery.ts';
import { escalationItemKey, escalationsPartition } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';
import { documentBodyOf } from './projectionWrites.ts';

const STATUSES: readonly EscalationStatus[] = ['open', 'approved', 'rejected'];

/**
 * Escalations as the projector lists them, each under its status (moved, in the same write, when it is
 * decided), as recorded: the reader works out where an open one stands at the instant it asks about.
 */
export class EscalationsRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly generation: () => Promise<number>,
  ) {}

  /** Every escalation of a status, in escalation id order. */
  async byStatus(status: EscalationStatus): Promise<Escalation[]> {
    const partition = escalationsPartition(await this.generation(), status);
    const items = await queryPartition(this.client, { tableName: this.tableName, partitionKeyName: T.partitionKey, partition });
    return items.map((item) => documentBodyOf(item) as Escalation);
  }

  /** One escalation, wherever its status lists it; null when none was opened with this id. */
  async byId(escalationId: string): Promise<Escalation | null> {
    const generation = await this.generation();
    // Listed under exactly one status at any time: the move is one transaction.
    const items = await batchGetItems(this.client, this.tableName, STATUSES.map((status) => escalationItemKey(generation, status, escalationId)));
    const item = items[0];
    return item ? (documentBodyOf(item) as Escalation) : null;
  }
}
