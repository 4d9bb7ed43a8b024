import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { createCommandsHandler } from '../handlers/commandsHandler.ts';
import { createQueriesHandler } from '../handlers/queriesHandler.ts';
import { ActiveGeneration } from '../projections/generations.ts';
import { ScorecardRepository } from '../projections/scorecardRepository.ts';
import { createLocalApi } from './apiGatewayAdapter.ts';

export interface LocalApiOptions {
  client: DynamoDBClient;
  eventsTable: string;
  projectionsTable: string;
  reportingCurrency?: string;
  tenantId?: string;
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
  const server = createLocalApi({
    commands: createCommandsHandler({ store, tenantId: options.tenantId ?? 'default' }),
    queries: createQueriesHandler({
      store,
      scorecards: new ScorecardRepository(options.client, options.projectionsTable, () => generations.current()),
      reportingCurrency: options.reportingCurrency ?? 'USD',
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
