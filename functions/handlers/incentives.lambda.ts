import { readConfig } from '../config.ts';
import { createDynamoClient } from '../dynamo/dynamoClient.ts';
import { wireIncentiveService } from '../incentives/incentiveWiring.ts';
import { reportsBucketStore } from '../reports/reportStore.ts';
import { createIncentivesHandler } from './incentives.ts';

// Built once per Lambda container, outside the handler, so warm invocations reuse the clients.
const config = readConfig();
const reports = reportsBucketStore(config.region);

export const handler = createIncentivesHandler({
  incentives: wireIncentiveService({ client: createDynamoClient(config), ...config, reports }),
  reports,
});
