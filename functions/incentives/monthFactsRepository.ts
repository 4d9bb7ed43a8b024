import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Month } from '../../domain/calendar.ts';
import type { DeliveredDeal, MonthFacts } from '../../domain/incentives/statements.ts';
import { counter } from '../../domain/scorecard/contributions.ts';
import { netPromoterScore } from '../../domain/scorecard/nps.ts';
import { queryPartition } from '../dynamo/partitionQuery.ts';
import { documentPartition } from '../projections/projectionKeys.ts';
import { projectionsTable as T } from '../projections/projectionsTable.ts';
import type { ScorecardRepository } from '../projections/scorecardRepository.ts';

/** Deliveries are kept by the month they happened in (`delivered#<month>|<dealId>`), so a month's payout reads one partition. */
const deliveriesOfMonth = (month: Month): string => `delivered#${month}`;

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
    const bucket = stored.buckets.get(month) ?? {};
    const counts = {
      promoters: bucket[counter.promoters] ?? 0,
      passives: bucket[counter.passives] ?? 0,
      detractors: bucket[counter.detractors] ?? 0,
    };
    return { month, deliveries, nps: { responses: counts.promoters + counts.passives + counts.detractors, score: netPromoterScore(counts) } };
  }

  private async deliveries(month: Month): Promise<DeliveredDeal[]> {
    const partition = documentPartition(await this.generation(), deliveriesOfMonth(month));
    const items = await queryPartition(this.client, { tableName: this.tableName, partitionKeyName: T.partitionKey, partition });
    return items.map((item) => JSON.parse(item.d!.S!) as DeliveredDeal);
  }
}
