import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiAddress, dynamoDbAddress, isUnreachable, Unreachable } from '../../functions/cli/localStackAddress.ts';
import { readStackRecord, removeStackRecord, stackRecordFile, writeStackRecord, type StackRecord } from '../../functions/local/stackRecord.ts';

/** How operator commands find the stack `npm start` runs, whatever ports it was given. */
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'handshake-stack-record-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const record = (pid: number): StackRecord => ({
  pid,
  apiUrl: 'http://localhost:3300',
  dynamoDbEndpoint: 'http://127.0.0.1:8300',
  eventBusEndpoint: 'http://127.0.0.1:41234',
  startedAt: '2026-12-02T06:00:00.000Z',
});
const alive = () => true;
const gone = () => false;

describe('the stack record', () => {
  it('given a stack started on ports 3300 and 8300, when its record is read while its process lives, then it is running at those addresses', async () => {
    await writeStackRecord(dataDir, record(process.pid));

    const found = readStackRecord(dataDir);

    expect(found).toEqual({ state: 'running', file: stackRecordFile(dataDir), record: record(process.pid) });
  });

  it('given a record whose process is gone (killed, not stopped), when read, then it is stale and no command uses its addresses', async () => {
    await writeStackRecord(dataDir, record(4242));
    const found = readStackRecord(dataDir, gone);

    expect(found.state).toBe('stale');
    expect(apiAddress(undefined, { HANDSHAKE_DATA_DIR: dataDir }, found).url).toBe('http://localhost:3000');
    expect(apiAddress(undefined, { HANDSHAKE_DATA_DIR: dataDir }, found).advice).toContain('names a stack (pid 4242) that is no longer running');
  });

  it('given a clean stop, when the record is removed, then it is gone; another stack\'s record is left alone', async () => {
    await writeStackRecord(dataDir, record(4242));
    await removeStackRecord(dataDir, 999_999);
    expect(JSON.parse(await readFile(stackRecordFile(dataDir), 'utf8')).pid).toBe(4242);

    await removeStackRecord(dataDir, 4242);

    expect(readStackRecord(dataDir).state).toBe('none');
  });

  it('given a record that is not JSON, when read, then it counts as no stack rather than failing the command', async () => {
    await writeFile(stackRecordFile(dataDir), '{ half a rec');

    expect(readStackRecord(dataDir).state).toBe('none');
  });
});

describe('where operator commands send their calls', () => {
  const running = { state: 'running', file: '.handshake/stack.json', record: record(1) } as const;
  const none = { state: 'none', file: '.handshake/stack.json' } as const;

  it('given a running stack on non-default ports and no flags or variables, when addresses are chosen, then they are the stack\'s own', () => {
    expect(apiAddress(undefined, {}, running).url).toBe('http://localhost:3300');
    expect(dynamoDbAddress({}, running).url).toBe('http://127.0.0.1:8300');
  });

  it('given --url, HANDSHAKE_API_URL or PORT, when the API address is chosen, then they win over the record, in that order', () => {
    const env = { HANDSHAKE_API_URL: 'http://api.example/', PORT: '3400' };
    expect(apiAddress('http://flag.example', env, running).url).toBe('http://flag.example');
    expect(apiAddress(undefined, env, running).url).toBe('http://api.example');
    expect(apiAddress(undefined, { PORT: '3400' }, running).url).toBe('http://localhost:3400');
  });

  it('given HANDSHAKE_DYNAMODB_ENDPOINT or _PORT, when the database address is chosen, then they win over the record', () => {
    expect(dynamoDbAddress({ HANDSHAKE_DYNAMODB_ENDPOINT: 'http://db.example:9000' }, running).url).toBe('http://db.example:9000');
    expect(dynamoDbAddress({ HANDSHAKE_DYNAMODB_PORT: '8400' }, running).url).toBe('http://127.0.0.1:8400');
  });

  it('given no stack recorded, when nothing answers, then the error names the URL tried, asks whether `npm start` runs and says how to point elsewhere', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    const address = apiAddress(undefined, {}, none);

    expect(isUnreachable(refused)).toBe(true);
    const message = new Unreachable('the Handshake API', address, refused).message;
    expect(message).toContain('cannot reach the Handshake API at http://localhost:3000: ECONNREFUSED');
    expect(message).toContain('Is `npm start` running?');
    expect(message).toContain('set HANDSHAKE_API_URL or pass --url');
  });

  it('given an answer that is an HTTP error rather than a failed connection, when judged, then it is not "unreachable"', () => {
    expect(isUnreachable(new Error('POST /v1/months/2026-12/close answered 409: not ended'))).toBe(false);
  });
});
