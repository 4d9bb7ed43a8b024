import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SellerForecasts } from '../../domain/forecasts/forecastDecider.ts';
import { queryPartition } from '../dynamo/partitionQuery.ts';
import type { SellerClose } from '../../domain/scorecard/streamProjections.ts';
import { sellerClosesPartition, sellerForecastsPartition } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';
import { documentBodyOf } from './projectionWrites.ts';

/** Every seller's forecasts, as the projector lists them (one item per seller who has forecast). */
export class ForecastsRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly generation: () => Promise<number>,
  ) {}

  /** Every seller who has forecast, in person id order, with all their forecasts. */
  async all(): Promise<SellerForecasts[]> {
    const partition = sellerForecastsPartition(await this.generation());
    const items = await queryPartition(this.client, { tableName: this.tableName, partitionKeyName: T.partitionKey, partition });
    return items.map((item) => documentBodyOf(item) as SellerForecasts);
  }

  /** Every deal a seller closed: which sales team, and when. */
  async closesOf(personId: string): Promise<SellerClose[]> {
    const partition = sellerClosesPartition(await this.generation(), personId);
    const items = await queryPartition(this.client, { tableName: this.tableName, partitionKeyName: T.partitionKey, partition });
    return items.map((item) => documentBodyOf(item) as SellerClose);
  }
}
