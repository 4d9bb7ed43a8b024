import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { WeekFact } from '../../domain/cadence/weekFact.ts';
import type { SellerOfDeal } from '../../domain/cadence/weeklyBrief.ts';
import type { IsoWeek } from '../../domain/isoWeek.ts';
import { queryPartition } from '../dynamo/partitionQuery.ts';
import { sellersPartition, weekFactsPartition } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';
import { documentBodyOf } from './projectionWrites.ts';

/**
 * What the weekly brief reads of the projections: the facts the projector filed under a week (one
 * Query), and the seller of every deal (the sellers a forecast is expected from).
 */
export class WeekFactsRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly generation: () => Promise<number>,
  ) {}

  private async documents(partition: string): Promise<unknown[]> {
    const items = await queryPartition(this.client, { tableName: this.tableName, partitionKeyName: T.partitionKey, partition });
    return items.map(documentBodyOf);
  }

  async factsOf(week: IsoWeek): Promise<WeekFact[]> {
    return (await this.documents(weekFactsPartition(await this.generation(), week))) as WeekFact[];
  }

  async sellers(): Promise<SellerOfDeal[]> {
    return (await this.documents(sellersPartition(await this.generation()))) as SellerOfDeal[];
  }
}
