import { open, stat } from 'node:fs/promises';
import { setTimeout as wait } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { busEventsFile, type BusEvent } from '../local/localEventBus.ts';
import { dataDirOf } from './localStackAddress.ts';

export interface TailOptions {
  file: string;
  /** How many of the last recorded events to print first. */
  lines: number;
  follow: boolean;
  /** Print each event as recorded (one JSON object per line) rather than one summary line. */
  json: boolean;
  write: (line: string) => void;
  /** Ends a follow. */
  signal?: AbortSignal;
  pollMs?: number;
}

/**
 * One readable line: when, what, which deal and version, who, and the event's own id (the one the
 * deal's timeline shows and subscribers deduplicate on), not the id the bus gave its envelope.
 */
export const summarise = (event: BusEvent): string => {
  const detail = (event.detail ?? {}) as { eventId?: string; streamId?: string; version?: number; actor?: { id?: string } };
  return [
    event.time,
    event['detail-type'].padEnd(20),
    `${detail.streamId ?? '?'} v${detail.version ?? '?'}`.padEnd(24),
    (detail.actor?.id ?? '').padEnd(12),
    detail.eventId ?? event.id,
  ].join('  ');
};

const sizeOf = async (file: string): Promise<number | null> => {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};

const readFrom = async (file: string, offset: number, end: number): Promise<string> => {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(end - offset);
    await handle.read(buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
};

/** Prints the last recorded bus events and, with `follow`, each new one as the bus records it. */
export const tailBusEvents = async (options: TailOptions): Promise<void> => {
  const print = (line: string) => options.write(options.json ? line : summarise(JSON.parse(line) as BusEvent));
  let offset = 0;
  let partial = '';
  const size = await sizeOf(options.file);
  if (size !== null) {
    const complete = (await readFrom(options.file, 0, size)).split('\n');
    partial = complete.pop() ?? '';
    offset = size;
    const lines = complete.filter(Boolean);
    (options.lines > 0 ? lines.slice(-options.lines) : []).forEach(print);
  }
  if (!options.follow) return;
  const pollMs = options.pollMs ?? 200;
  while (!options.signal?.aborted) {
    await wait(pollMs, undefined, { signal: options.signal }).catch(() => undefined); // an abort ends the wait
    const now = await sizeOf(options.file);
    if (now === null) continue;
    if (now < offset) {
      // The file was deleted and started again (a fresh .handshake/): read it from the top.
      offset = 0;
      partial = '';
    }
    if (now === offset) continue;
    const lines = (partial + (await readFrom(options.file, offset, now))).split('\n');
    offset = now;
    partial = lines.pop() ?? '';
    lines.filter(Boolean).forEach(print);
  }
};

export const eventsTailUsage = `  events tail [-n N] [--follow] [--json] [--data-dir .handshake]
      Print the last N (default 10) events the local stack published on its event bus; with
      --follow, keep printing new ones as they are published (Ctrl+C stops).`;

/** `npx handshake events tail ...` */
export const eventsTail = async (args: string[]): Promise<void> => {
  const { values } = parseArgs({
    args,
    options: {
      n: { type: 'string', short: 'n' },
      follow: { type: 'boolean', short: 'f' },
      json: { type: 'boolean' },
      'data-dir': { type: 'string' },
    },
  });
  const lines = values.n === undefined ? 10 : Number(values.n);
  if (!Number.isInteger(lines) || lines < 0) throw new Error(`-n takes a whole number, not "${values.n}"`);
  const file = busEventsFile(values['data-dir'] ?? dataDirOf());
  if (!values.follow && (await sizeOf(file)) === null) {
    console.error(`No events published yet (${file} does not exist). Is \`npm start\` running in this folder?`);
    return;
  }
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort());
  await tailBusEvents({
    file,
    lines,
    follow: values.follow ?? false,
    json: values.json ?? false,
    write: (line) => process.stdout.write(`${line}\n`),
    signal: abort.signal,
  });
};
