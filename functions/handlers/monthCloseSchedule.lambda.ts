import { readConfig } from '../config.ts';
import { createDynamoClient } from '../dynamo/dynamoClient.ts';
import { wireIncentiveService } from '../incentives/incentiveWiring.ts';
import { reportsBucketStore } from '../reports/reportStore.ts';
import { createMonthCloseScheduleHandler } from './monthCloseSchedule.ts';

const config = readConfig();
const reports = reportsBucketStore(config.region);

export const handler = createMonthCloseScheduleHandler({
  incentives: wireIncentiveService({ client: createDynamoClient(config), ...config, reports }),
  timeZone: config.timeZone,
});
