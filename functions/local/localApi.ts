import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  briefsHandler,
  commandsHandler,
  createComposition,
  incentivesHandler,
  npsHandler,
  promisesHandler,
  queriesHandler,
  type Composition,
} from '../handlers/composition.ts';
import { configDefaults, type Config } from '../config.ts';
import { FolderReportStore } from '../reports/reportStore.ts';
import { createLocalApi } from './apiGatewayAdapter.ts';

/** What the local runtime is told: the tables, and optionally what `Config` would otherwise default. */
export interface LocalRuntimeOptions {
  client: DynamoDBClient;
  eventsTable: string;
  projectionsTable: string;
  reportingCurrency?: string;
  tenantId?: string;
  /** The business time zone months are closed in (default UTC). */
  timeZone?: string;
  /** The clock closes are judged by; tests may set it. */
  now?: () => Date;
}

export interface LocalApiOptions extends LocalRuntimeOptions {
  /** The folder issued reports are written to, as S3 holds them on AWS (default: a fresh temporary folder). */
  reportsDir?: string;
  /** The folder weekly briefs are written to (default: `briefs` beside the reports folder). */
  briefsDir?: string;
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

/** The composition the local runtime serves: the same wiring as on AWS, with reports kept in a folder. */
export const composeLocally = (
  options: LocalRuntimeOptions & { reportsDir: string; briefsDir?: string; env?: NodeJS.ProcessEnv },
): Composition => {
  const config: Config = {
    ...configDefaults,
    eventsTable: options.eventsTable,
    projectionsTable: options.projectionsTable,
    ...(options.reportingCurrency === undefined ? {} : { reportingCurrency: options.reportingCurrency }),
    ...(options.tenantId === undefined ? {} : { tenantId: options.tenantId }),
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
  };
  return createComposition({
    config,
    client: options.client,
    reports: new FolderReportStore(options.reportsDir),
    briefs: new FolderReportStore(options.briefsDir ?? join(options.reportsDir, '..', 'briefs')),
    ...(options.env ? { secretsEnv: options.env } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
};

/** Serves the composition's HTTP handlers on localhost, behind the API Gateway adapter. */
export const serveComposition = async (composition: Composition, listen: { port: number; host?: string }): Promise<RunningApi> => {
  const server = createLocalApi({
    commands: commandsHandler(composition),
    nps: npsHandler(composition),
    queries: queriesHandler(composition),
    incentives: incentivesHandler(composition),
    promises: promisesHandler(composition),
    briefs: briefsHandler(composition),
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(listen.port, listen.host ?? '127.0.0.1', () => done());
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

/** Wires the real handlers to a table and serves them on localhost. */
export const serveLocalApi = (options: LocalApiOptions): Promise<RunningApi> =>
  serveComposition(
    composeLocally({ ...options, reportsDir: options.reportsDir ?? join(tmpdir(), `handshake-reports-${randomUUID()}`) }),
    options,
  );
