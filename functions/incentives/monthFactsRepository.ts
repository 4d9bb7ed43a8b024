import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Month } from '../../domain/calendar.ts';
import type { DeliveredDeal, MonthFacts } from '../../domain/incentives/statements.ts';
import { netPromoterScore, npsCountsOf } from '../../domain/scorecard/nps.ts';
import { queryPartition } from '../dynamo/partitionQuery.ts';
import { deliveredDealsPartition } from '../projections/projectionKeys.ts';
import { projectionsTable as T } from '../projections/projectionsTable.ts';
import { documentBodyOf } from '../projections/projectionWrites.ts';
import type { ScorecardRepository } from '../projections/scorecardRepository.ts';

/**
 * What a month's payout is computed from, read from the projections: the deals delivered in the
 * month (one partition, one Query) and the organisation's NPS counts for the month (one read).
 */
export class MonthFactsRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly generation: () => Promise<number>,
    private readonly scorecards: ScorecardRepository,
  ) {}

  async monthFacts(month: Month): Promise<MonthFacts> {
    const [deliveries, stored] = await Promise.all([this.deliveries(month), this.scorecards.month('org', month)]);
    const counts = npsCountsOf(stored.months.get(month) ?? {});
    return { month, deliveries, nps: { responses: counts.promoters + counts.passives + counts.detractors, score: netPromoterScore(counts) } };
  }

  /** The deals delivered in a month, refunded (cancelled after delivery) ones included. */
  async deliveries(month: Month): Promise<DeliveredDeal[]> {
    const partition = deliveredDealsPartition(await this.generation(), month);
    const items = await queryPartition(this.client, { tableName: this.tableName, partitionKeyName: T.partitionKey, partition });
    return items.map((item) => documentBodyOf(item) as DeliveredDeal);
  }
}
