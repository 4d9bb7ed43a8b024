import { afterAll, beforeAll } from 'vitest';
import type { RunningApi } from '../../functions/local/localApi.ts';
import { startTestApi, startTestStack, startTwinApi, type TestApi, type TestStack } from './localApi.ts';

/*
 * One fixture for every test file that speaks HTTP: what it starts on fresh tables before the file's (or
 * describe block's) tests, and closes after them. Tokens need no fixture: mint them at the top of the file
 * with `await tokenFor(...)`.
 */

/**
 * Stands for a value `beforeAll` has yet to start, so a test file can name it at module level (and in its
 * helpers) as it would a plain variable; reading it before it is started is a mistake worth a clear error.
 */
const startedLater = <T extends object>(what: string) => {
  let value: T | undefined;
  const handle = new Proxy({} as T, {
    get: (_target, key) => {
      if (!value) throw new Error(`${what} is read before beforeAll started it`);
      return Reflect.get(value, key);
    },
  });
  return { handle, current: () => value, start: (started: T) => void (value = started) };
};

/** Sets variables of this process's environment and answers how to put back what was there. */
const setProcessEnv = (variables: Record<string, string>) => {
  const saved = Object.keys(variables).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, variables);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
};

export interface ApiFixtureOptions {
  /** Where the API reads its NPS webhook secrets (default: this process's environment). */
  env?: NodeJS.ProcessEnv;
  /** Also start a second instance of the handlers on the same tables, as a second Lambda container. */
  twin?: boolean;
}

/** The real handlers behind the local API Gateway adapter, on a free port and fresh tables. */
export const useTestApi = (options: ApiFixtureOptions = {}) => {
  const api = startedLater<TestApi>('the test API');
  const twin = startedLater<RunningApi>('the twin API');
  beforeAll(async () => {
    api.start(await startTestApi(options.env ? { env: options.env } : {}));
    if (options.twin) twin.start(await startTwinApi(api.handle));
  });
  afterAll(async () => {
    await twin.current()?.close();
    await api.current()?.close();
  });
  return { api: api.handle, twin: twin.handle };
};

export interface StackFixtureOptions extends NonNullable<Parameters<typeof startTestStack>[0]> {
  /** Variables set in this process's environment while the stack runs (where `npm start` reads them), then put back. */
  processEnv?: Record<string, string>;
}

/** The whole local stack (API, projector and publisher on the real stream) on fresh tables. */
export const useTestStack = (options: StackFixtureOptions = {}) => {
  const { processEnv, ...stackOptions } = options;
  const stack = startedLater<TestStack>('the test stack');
  let restoreEnv = () => {};
  beforeAll(async () => {
    if (processEnv) restoreEnv = setProcessEnv(processEnv);
    stack.start(await startTestStack(stackOptions));
  });
  afterAll(async () => {
    try {
      await stack.current()?.close();
    } finally {
      restoreEnv();
    }
  });
  return { stack: stack.handle };
};
