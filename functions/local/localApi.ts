import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { createCommandsHandler } from '../handlers/commands.ts';
import { createIncentivesHandler } from '../handlers/incentives.ts';
import { wireIncentiveService } from '../incentives/incentiveWiring.ts';
import { FolderReportStore } from '../reports/reportStore.ts';
import { createNpsHandler } from '../handlers/nps.ts';
import { createQueriesHandler } from '../handlers/queries.ts';
import { createNpsRecorder } from '../nps/recordNpsResponse.ts';
import { webhookSecret } from '../nps/webhookSecrets.ts';
import { ActiveGeneration } from '../projections/generations.ts';
import { ScorecardRepository } from '../projections/scorecardRepository.ts';
import { UnattributedNpsRepository } from '../projections/unattributedNpsRepository.ts';
import { createLocalApi } from './apiGatewayAdapter.ts';

export interface LocalApiOptions {
  client: DynamoDBClient;
  eventsTable: string;
  projectionsTable: string;
  reportingCurrency?: string;
  tenantId?: string;
  /** The business time zone months are closed in (default UTC). */
  timeZone?: string;
  /** The folder issued reports are written to, as S3 holds them on AWS (default: a fresh temporary folder). */
  reportsDir?: string;
  /** The clock closes are judged by; tests may set it. */
  now?: () => Date;
  /** Where the webhook secrets come from (HANDSHAKE_DELIGHTED_SECRET, HANDSHAKE_TYPEFORM_SECRET). */
  env?: NodeJS.ProcessEnv;
  port: number;
  host?: string;
}

export interface RunningApi {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

/** Wires the real handlers to a table and serves them on localhost. */
export const serveLocalApi = async (options: LocalApiOptions): Promise<RunningApi> => {
  const store = new DynamoEventStore(options.client, options.eventsTable);
  const generations = new ActiveGeneration(options.client, options.projectionsTable);
  const tenantId = options.tenantId ?? 'default';
  const reports = new FolderReportStore(options.reportsDir ?? join(tmpdir(), `handshake-reports-${randomUUID()}`));
  const server = createLocalApi({
    commands: createCommandsHandler({ store, tenantId }),
    nps: createNpsHandler({
      record: createNpsRecorder({ store, tenantId, now: () => new Date(), newEventId: randomUUID }),
      secret: (provider) => webhookSecret(provider, options.env ?? process.env),
    }),
    queries: createQueriesHandler({
      store,
      scorecards: new ScorecardRepository(options.client, options.projectionsTable, () => generations.current()),
      unattributedNps: new UnattributedNpsRepository(options.client, options.projectionsTable, () => generations.current()),
      reportingCurrency: options.reportingCurrency ?? 'USD',
    }),
    incentives: createIncentivesHandler({
      incentives: wireIncentiveService({
        client: options.client,
        eventsTable: options.eventsTable,
        projectionsTable: options.projectionsTable,
        tenantId,
        timeZone: options.timeZone ?? 'UTC',
        reports,
        ...(options.now ? { now: options.now } : {}),
      }),
      reports,
    }),
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
};
