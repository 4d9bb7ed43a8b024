import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Role } from '../../domain/roles.ts';
import { startLocalStack, type LocalStack } from '../../functions/local/localStack.ts';
import { mintDevToken } from '../../functions/local/devSigningKey.ts';
import { serveLocalApi, type RunningApi } from '../../functions/local/localApi.ts';
import { expectDocumentedAnswer } from './contractCheck.ts';
import { freshEventsTable, freshProjectionsTable } from './dynamo.ts';

export interface TestApi extends RunningApi {
  tableName: string;
  projectionsTableName: string;
  client: Awaited<ReturnType<typeof freshEventsTable>>['client'];
}

/**
 * The real handlers behind the local API Gateway adapter, on a free port and a fresh table.
 * `env` is where the API reads its NPS webhook secrets (default: this process's environment).
 */
export const startTestApi = async (options: { env?: NodeJS.ProcessEnv } = {}): Promise<TestApi> => {
  const { client, tableName } = await freshEventsTable();
  const projections = await freshProjectionsTable(client);
  const api = await serveLocalApi({
    client,
    eventsTable: tableName,
    projectionsTable: projections.tableName,
    port: 0,
    ...(options.env ? { env: options.env } : {}),
  });
  return { ...api, tableName, projectionsTableName: projections.tableName, client };
};

/** A second instance of the handlers on the same tables, with its own memory, as a second Lambda container would be. */
export const startTwinApi = (api: Pick<TestApi, 'client' | 'tableName' | 'projectionsTableName'>): Promise<RunningApi> =>
  serveLocalApi({ client: api.client, eventsTable: api.tableName, projectionsTable: api.projectionsTableName, port: 0 });

export const tokenFor = (sub: string, ...roles: Role[]) => mintDevToken({ sub, roles });

export interface CallResponse {
  status: number;
  headers: Headers;
  json: any;
  text: string;
}

export interface CallOptions {
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
}

/** One HTTP call, its answer checked against the OpenAPI contract; answers status, headers and the parsed JSON body. */
export const call = async (
  api: Pick<RunningApi, 'url'>,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResponse> => {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${api.url}${path}`, { method, headers, body });
  const text = await response.text();
  expectDocumentedAnswer(method, path, { status: response.status, headers: response.headers, text });
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
};

export interface TestStack extends TestApi {
  drain: () => Promise<void>;
  stack: LocalStack;
  dataDir: string;
}

/** The whole local stack (API, projector and publisher on the real stream) on fresh tables. */
export const startTestStack = async (
  options: { publishing?: boolean; timeZone?: string; now?: () => Date } = {},
): Promise<TestStack> => {
  const { client, tableName } = await freshEventsTable();
  const projections = await freshProjectionsTable(client);
  const dataDir = await mkdtemp(join(tmpdir(), 'handshake-stack-'));
  const stack = await startLocalStack({
    client,
    endpoint: inject('dynamoDbEndpoint'),
    eventsTable: tableName,
    projectionsTable: projections.tableName,
    timeZone: options.timeZone ?? 'UTC',
    port: 0,
    dataDir,
    pollIntervalMs: 50,
    ...(options.publishing ? { publishing: {} } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    ...stack.api,
    tableName,
    projectionsTableName: projections.tableName,
    client,
    stack,
    dataDir,
    drain: () => stack.drain(),
    close: async () => {
      await stack.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
