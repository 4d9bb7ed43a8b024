import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from '../../domain/zod.ts';

/**
 * Where a running `npm start` listens, left in its data folder so operator commands find it without
 * flags whatever ports it was started on. It names the process that wrote it: when that process is
 * gone (killed rather than stopped) the record is stale, not a stack to talk to.
 */
export const StackRecord = z.object({
  pid: z.number().check(z.int(), z.positive()),
  apiUrl: z.url(),
  dynamoDbEndpoint: z.url(),
  eventBusEndpoint: z.optional(z.url()),
  startedAt: z.iso.datetime(),
});
export type StackRecord = z.infer<typeof StackRecord>;

export type FoundStack =
  | { state: 'running'; file: string; record: StackRecord }
  | { state: 'stale'; file: string; record: StackRecord }
  | { state: 'none'; file: string };

export const stackRecordFile = (dataDir: string): string => join(dataDir, 'stack.json');

/** Signal 0 checks a process exists without touching it; EPERM means it exists but is someone else's. */
export const processIsAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export const writeStackRecord = async (dataDir: string, record: StackRecord): Promise<void> => {
  const file = stackRecordFile(dataDir);
  await mkdir(dataDir, { recursive: true });
  // Written aside and renamed, so a command never reads half a record.
  await writeFile(`${file}.${record.pid}.tmp`, `${JSON.stringify(StackRecord.parse(record), null, 2)}\n`);
  await rename(`${file}.${record.pid}.tmp`, file);
};

/** Removes the record on a clean stop, unless another stack has since written its own there. */
export const removeStackRecord = async (dataDir: string, pid: number): Promise<void> => {
  const file = stackRecordFile(dataDir);
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return;
  const parsed = StackRecord.safeParse(JSON.parse(text));
  if (!parsed.success || parsed.data.pid === pid) await rm(file, { force: true });
};

/** What the data folder says about a running stack; an unreadable record counts as none. */
export const readStackRecord = (dataDir: string, isAlive: (pid: number) => boolean = processIsAlive): FoundStack => {
  const file = stackRecordFile(dataDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { state: 'none', file };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: 'none', file };
  }
  const parsed = StackRecord.safeParse(json);
  if (!parsed.success) return { state: 'none', file };
  return { state: isAlive(parsed.data.pid) ? 'running' : 'stale', file, record: parsed.data };
};
