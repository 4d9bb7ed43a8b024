import { readConfig } from '../config.ts';
import { createDynamoClient } from '../dynamo/dynamoClient.ts';
import { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { ActiveGeneration } from '../projections/generations.ts';
import { ScorecardRepository } from '../projections/scorecardRepository.ts';
import { UnattributedNpsRepository } from '../projections/unattributedNpsRepository.ts';
import { createQueriesHandler } from './queries.ts';

// Built once per Lambda container, outside the handler, so warm invocations reuse the client.
const config = readConfig();
const client = createDynamoClient(config);
const generations = new ActiveGeneration(client, config.projectionsTable);

export const handler = createQueriesHandler({
  store: new DynamoEventStore(client, config.eventsTable),
  scorecards: new ScorecardRepository(client, config.projectionsTable, () => generations.current()),
  unattributedNps: new UnattributedNpsRepository(client, config.projectionsTable, () => generations.current()),
  reportingCurrency: config.reportingCurrency,
});
