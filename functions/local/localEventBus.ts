import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';

/** An event as EventBridge delivers it to a rule's target. */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

/** A PutEvents request entry as it travels over the wire (AWS JSON 1.1: times in epoch seconds). */
export interface WireEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  Time?: number | string;
  Resources?: string[];
  EventBusName?: string;
  TraceHeader?: string;
}

export type WireResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

/** One PutEvents call the bus answered, kept in memory for tests. */
export interface ReceivedPutEvents {
  entries: WireEntry[];
  results: WireResult[];
}

export interface LocalEventBusOptions {
  /** Accepted events are appended to `<dataDir>/bus/events.jsonl`. */
  dataDir: string;
  port?: number;
  host?: string;
  region?: string;
  account?: string;
}

export interface LocalEventBus {
  /** Give this to an EventBridgeClient as `endpoint`. */
  endpoint: string;
  file: string;
  /** Every PutEvents call answered so far, in order. */
  received: ReceivedPutEvents[];
  /** The next `count` valid entries fail with this per-entry error (as a throttled or failing bus answers). */
  failNext: (count: number, errorCode?: string, errorMessage?: string) => void;
  /** The next `count` PutEvents calls fail as a whole with this HTTP status and error type. */
  failNextCalls: (count: number, status?: number, errorType?: string) => void;
  close: () => Promise<void>;
}

/** PutEvents' limits: 10 entries and 256 KB per call. */
const MAX_ENTRIES = 10;
const MAX_BYTES = 256 * 1024;

export const busEventsFile = (dataDir: string): string => join(dataDir, 'bus', 'events.jsonl');

/** Everything the local bus has recorded, oldest first. */
export const readBusEvents = async (dataDir: string): Promise<BusEvent[]> => {
  try {
    const text = await readFile(busEventsFile(dataDir), 'utf8');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as BusEvent);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
};

class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });

const reply = (response: ServerResponse, status: number, body: unknown): void => {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  response.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': bytes.length,
    'x-amzn-requestid': randomUUID(),
  });
  response.end(bytes);
};

const entrySize = (entry: WireEntry): number => {
  const bytes = (text: unknown) => (typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : 0);
  return (
    (entry.Time !== undefined ? 14 : 0) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0)
  );
};

/** EventBridge delivers times to the second, without fractions. */
const deliveryTime = (time: WireEntry['Time']): string | null => {
  const date = time === undefined ? new Date() : new Date(typeof time === 'number' ? time * 1000 : time);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/** Checks an entry as EventBridge does; answers the error it would give, or null. */
const entryError = (entry: WireEntry): { ErrorCode: string; ErrorMessage: string } | null => {
  const missing = (['Source', 'DetailType', 'Detail'] as const).filter(
    (name) => typeof entry[name] !== 'string' || entry[name] === '',
  );
  if (missing.length) return { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter(s) ${missing.join(', ')} could not be found.` };
  let detail: unknown;
  try {
    detail = JSON.parse(entry.Detail!);
  } catch {
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  }
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed: it must be a JSON object.' };
  }
  if (deliveryTime(entry.Time) === null) return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Time is not valid.' };
  if (entry.Resources !== undefined && (!Array.isArray(entry.Resources) || entry.Resources.some((r) => typeof r !== 'string'))) {
    return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Resources is not valid.' };
  }
  return null;
};

/**
 * A small EventBridge for the local stack. It speaks PutEvents as the service does (AWS JSON 1.1 over
 * HTTP), so the real EventBridgeClient talks to it unchanged, and it records every accepted event, as
 * a rule's target would receive it, one JSON line each. It can be told to reject entries, so the
 * publisher's FailedEntryCount handling is tested against the real wire format.
 */
export const startLocalEventBus = async (options: LocalEventBusOptions): Promise<LocalEventBus> => {
  const file = busEventsFile(options.dataDir);
  const region = options.region ?? 'us-east-1';
  const account = options.account ?? '000000000000';
  const received: ReceivedPutEvents[] = [];
  let entryFailures: { count: number; code: string; message: string } = { count: 0, code: '', message: '' };
  let callFailures: { count: number; status: number; type: string } = { count: 0, status: 500, type: '' };
  let writing: Promise<void> = Promise.resolve();
  await mkdir(dirname(file), { recursive: true });

  const putEvents = async (body: string): Promise<{ FailedEntryCount: number; Entries: WireResult[] }> => {
    let request: { Entries?: WireEntry[] };
    try {
      request = JSON.parse(body) as { Entries?: WireEntry[] };
    } catch {
      throw new ServiceError(400, 'SerializationException', 'the request body is not JSON');
    }
    const entries = request.Entries;
    if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_ENTRIES) {
      throw new ServiceError(
        400,
        'ValidationException',
        `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and ${MAX_ENTRIES}`,
      );
    }
    if (entries.reduce((sum, entry) => sum + entrySize(entry), 0) > MAX_BYTES) {
      throw new ServiceError(400, 'ValidationException', 'Total size of the entries in the request is over the limit.');
    }
    const accepted: BusEvent[] = [];
    const results = entries.map((entry): WireResult => {
      const error = entryError(entry);
      if (error) return error;
      if (entryFailures.count > 0) {
        entryFailures.count -= 1;
        return { ErrorCode: entryFailures.code, ErrorMessage: entryFailures.message };
      }
      const event: BusEvent = {
        version: '0',
        id: randomUUID(),
        'detail-type': entry.DetailType!,
        source: entry.Source!,
        account,
        time: deliveryTime(entry.Time)!,
        region,
        resources: entry.Resources ?? [],
        detail: JSON.parse(entry.Detail!),
      };
      accepted.push(event);
      return { EventId: event.id };
    });
    if (accepted.length) {
      // Appends are chained so lines never interleave, and done before the answer: a caller that got
      // an EventId can read its event back.
      writing = writing.then(() => appendFile(file, accepted.map((event) => `${JSON.stringify(event)}\n`).join('')));
      await writing;
    }
    received.push({ entries, results });
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  };

  const server: Server = createServer(async (request, response) => {
    try {
      const body = await readBody(request);
      const target = request.headers['x-amz-target'];
      if (request.method !== 'POST' || (request.url ?? '/') !== '/') {
        throw new ServiceError(404, 'UnknownOperationException', 'send POST / with X-Amz-Target');
      }
      if (target !== 'AWSEvents.PutEvents') {
        throw new ServiceError(400, 'UnknownOperationException', `the local bus only answers PutEvents, not ${target ?? '(no target)'}`);
      }
      if (callFailures.count > 0) {
        callFailures.count -= 1;
        throw new ServiceError(callFailures.status, callFailures.type, 'injected failure');
      }
      reply(response, 200, await putEvents(body));
    } catch (error) {
      const failure = error instanceof ServiceError ? error : new ServiceError(500, 'InternalException', (error as Error).message);
      reply(response, failure.status, { __type: failure.type, message: failure.message });
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    file,
    received,
    failNext: (count, errorCode = 'InternalFailure', errorMessage = 'injected failure') => {
      entryFailures = { count, code: errorCode, message: errorMessage };
    },
    failNextCalls: (count, status = 500, errorType = 'InternalException') => {
      callFailures = { count, status, type: errorType };
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
};
