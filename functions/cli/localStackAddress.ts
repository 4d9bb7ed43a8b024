import { API_URL_ENV, DATA_DIR_ENV, DYNAMODB_ENDPOINT_ENV, DYNAMODB_PORT_ENV, PORT_ENV } from '../config.ts';
import { readStackRecord, type FoundStack } from '../local/stackRecord.ts';

/** Where an operator command sends its calls, and in words why there, for when nothing answers. */
export interface Address {
  url: string;
  /** Where the address came from and what to do if nothing answers there. */
  advice: string;
}

export const dataDirOf = (env: NodeJS.ProcessEnv = process.env): string => env[DATA_DIR_ENV] || '.handshake';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const whatTheRecordSays = (found: FoundStack): string => {
  if (found.state === 'running') return `${found.file} says the stack (pid ${found.record.pid}) listens on ${found.record.apiUrl}`;
  if (found.state === 'stale') return `${found.file} names a stack (pid ${found.record.pid}) that is no longer running`;
  return `no running stack is recorded in ${found.file}`;
};

/**
 * The HTTP API: --url, then HANDSHAKE_API_URL, then PORT (what `npm start` was told), then the
 * running stack's own record in its data folder, then the default port.
 */
export const apiAddress = (flag: string | undefined, env: NodeJS.ProcessEnv = process.env, found = readStackRecord(dataDirOf(env))): Address => {
  const other = `set ${API_URL_ENV} or pass --url`;
  const start = (url: string, origin: string) => ({
    url: url.replace(/\/$/, ''),
    advice: `(from ${origin}). Is \`npm start\` running? ${capitalise(whatTheRecordSays(found))}. To call another, ${other}`,
  });
  if (flag) return start(flag, '--url');
  if (env[API_URL_ENV]) return start(env[API_URL_ENV], API_URL_ENV);
  if (env[PORT_ENV]) return start(`http://localhost:${env[PORT_ENV]}`, PORT_ENV);
  if (found.state === 'running') return start(found.record.apiUrl, found.file);
  return start('http://localhost:3000', 'the default port');
};

/** DynamoDB as the local stack runs it: the same order, with HANDSHAKE_DYNAMODB_ENDPOINT and _PORT. */
export const dynamoDbAddress = (env: NodeJS.ProcessEnv = process.env, found = readStackRecord(dataDirOf(env))): Address => {
  const other = `set ${DYNAMODB_ENDPOINT_ENV}, or pass --aws for the AWS account's tables`;
  const start = (url: string, origin: string) => ({
    url,
    advice: `(from ${origin}). Is \`npm start\` running? ${capitalise(whatTheRecordSays(found))}. To use another, ${other}`,
  });
  if (env[DYNAMODB_ENDPOINT_ENV]) return start(env[DYNAMODB_ENDPOINT_ENV], DYNAMODB_ENDPOINT_ENV);
  if (env[DYNAMODB_PORT_ENV]) return start(`http://127.0.0.1:${env[DYNAMODB_PORT_ENV]}`, DYNAMODB_PORT_ENV);
  if (found.state === 'running') return start(found.record.dynamoDbEndpoint, found.file);
  return start('http://127.0.0.1:8000', 'the default port');
};

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

/** A failure to connect at all (as opposed to an answer), whether from fetch or the AWS SDK. */
export const isUnreachable = (error: unknown): boolean => {
  for (let current = error as { code?: unknown; cause?: unknown; errors?: unknown[] } | undefined, depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string' && NETWORK_CODES.has(current.code)) return true;
    if (Array.isArray(current.errors) && current.errors.some(isUnreachable)) return true;
    current = current.cause as typeof current;
  }
  return false;
};

const reasonOf = (error: unknown): string => {
  let current = error as { code?: unknown; cause?: unknown; message?: string } | undefined;
  while (current?.cause && typeof current.code !== 'string') current = current.cause as typeof current;
  return typeof current?.code === 'string' ? current.code : ((error as Error).message ?? String(error));
};

export class Unreachable extends Error {
  constructor(what: string, address: Address, cause: unknown) {
    super(`cannot reach ${what} at ${address.url}: ${reasonOf(cause)} ${address.advice}.`);
    this.name = 'Unreachable';
  }
}
