import { S3Client } from '@aws-sdk/client-s3';
import { readConfig } from '../config.ts';
import { createDynamoClient } from '../dynamoClient.ts';
import { wireIncentiveService } from '../incentives/incentiveWiring.ts';
import { REPORTS_BUCKET_ENV, S3ReportStore } from '../reports/reportStore.ts';
import { createIncentivesHandler } from './incentivesHandler.ts';

// Built once per Lambda container, outside the handler, so warm invocations reuse the clients.
const config = readConfig();
const reports = new S3ReportStore(new S3Client({ region: config.region }), process.env[REPORTS_BUCKET_ENV] ?? 'handshake-reports');

export const handler = createIncentivesHandler({
  incentives: wireIncentiveService({ client: createDynamoClient(config), ...config, reports }),
  reports,
});
