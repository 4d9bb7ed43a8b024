import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { ActiveGeneration } from '../projections/generations.ts';
import { MonthTeamsRepository } from '../projections/monthTeamsRepository.ts';
import { ScorecardRepository } from '../projections/scorecardRepository.ts';
import { createReportIssuer } from '../reports/reportIssuer.ts';
import type { ReportStore } from '../reports/reportStore.ts';
import { createIncentiveService } from './incentiveService.ts';
import { MonthFactsRepository } from './monthFactsRepository.ts';

export interface IncentiveWiring {
  client: DynamoDBClient;
  eventsTable: string;
  projectionsTable: string;
  tenantId: string;
  timeZone: string;
  reports: ReportStore;
  now?: () => Date;
}

/** The incentive service on its tables and report store: the same wiring on AWS and on the local stack. */
export const wireIncentiveService = (wiring: IncentiveWiring) => {
  const generations = new ActiveGeneration(wiring.client, wiring.projectionsTable);
  const generation = () => generations.current();
  const scorecards = new ScorecardRepository(wiring.client, wiring.projectionsTable, generation);
  const facts = new MonthFactsRepository(wiring.client, wiring.projectionsTable, generation, scorecards);
  const teams = new MonthTeamsRepository(wiring.client, wiring.projectionsTable, generation);
  return createIncentiveService({
    store: new DynamoEventStore(wiring.client, wiring.eventsTable),
    tenantId: wiring.tenantId,
    timeZone: wiring.timeZone,
    now: wiring.now ?? (() => new Date()),
    newEventId: randomUUID,
    facts,
    issueReports: createReportIssuer({
      store: wiring.reports,
      scorecards,
      timeZone: wiring.timeZone,
      teamsOf: (month) => teams.teamsOf(month),
      deliveriesOf: (month) => facts.deliveries(month),
    }),
  });
};
