import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Month } from '../../domain/calendar.ts';
import type { DealTeams } from '../../domain/scorecard/dealTeams.ts';
import { queryPartition } from '../dynamo/partitionQuery.ts';
import { dealTeamsPartition } from './projectionKeys.ts';
import { projectionsTable as T } from './projectionsTable.ts';
import { documentBodyOf } from './projectionWrites.ts';

/** The teams of a month, by side, each named once and in code-unit order. */
export interface MonthTeams {
  sales: string[];
  ops: string[];
}

const sortedUnique = (teams: Iterable<string>): string[] => [...new Set(teams)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Which sales and ops teams sold or delivered in a month: one Query of the month's deal-teams documents. */
export class MonthTeamsRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    private readonly generation: () => Promise<number>,
  ) {}

  async teamsOf(month: Month): Promise<MonthTeams> {
    const partition = dealTeamsPartition(await this.generation(), month);
    const items = await queryPartition(this.client, { tableName: this.tableName, partitionKeyName: T.partitionKey, partition });
    const deals = items.map((item) => documentBodyOf(item) as DealTeams);
    return {
      sales: sortedUnique(deals.map((deal) => deal.salesTeam)),
      ops: sortedUnique(deals.flatMap((deal) => (deal.opsTeam === null ? [] : [deal.opsTeam]))),
    };
  }
}
