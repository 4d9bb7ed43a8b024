import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { OpenDeal } from '../../domain/promises/openDeal.ts';
import { queryPartition } from '../dynamo/partitionQuery.ts';
import { openDealsPartition } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';
import { documentBodyOf } from './projectionWrites.ts';

/**
 * The deals operations still owes, as the projector lists them (PROMISES.md, "Load"): every open deal
 * in one partition, read with one paginated Query. Their minutes are left to the reader, which prices
 * them with the catalogue in force.
 */
export class OpenCommitmentsRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly generation: () => Promise<number>,
  ) {}

  async openDeals(): Promise<OpenDeal[]> {
    const partition = openDealsPartition(await this.generation());
    const items = await queryPartition(this.client, { tableName: this.tableName, partitionKeyName: T.partitionKey, partition });
    return items.map((item) => documentBodyOf(item) as OpenDeal);
  }
}
