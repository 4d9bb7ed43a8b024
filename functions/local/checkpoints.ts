import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A consumer's position in one shard: the last record it acknowledged, and whether the shard is done. */
export interface ShardCheckpoint {
  sequenceNumber?: string;
  finished?: boolean;
}

/** One consumer's positions, by shard id. */
export type ConsumerCheckpoints = Record<string, ShardCheckpoint>;

/** Every consumer's positions, by consumer name. */
export type Checkpoints = Record<string, ConsumerCheckpoints>;

export const checkpointFile = (dataDir: string, tableName: string): string =>
  join(dataDir, 'streams', `${tableName}.checkpoints.json`);

export const finishedShards = (checkpoints: ConsumerCheckpoints): Set<string> =>
  new Set(Object.entries(checkpoints).flatMap(([id, checkpoint]) => (checkpoint.finished ? [id] : [])));

/** Marks a shard as read to its end (or gone), so that its children may be read. */
export const finishShard = (checkpoints: ConsumerCheckpoints, shardId: string): void => {
  checkpoints[shardId] = { ...checkpoints[shardId], finished: true };
};

/**
 * Keeps checkpoints in a file so that a restart resumes where it stopped. Saves run one after another
 * and replace the file whole, so a crash mid-write leaves the previous checkpoints readable.
 */
export class CheckpointFile {
  private saving: Promise<void> = Promise.resolve();

  /** Without a file the checkpoints live in memory only, and every start begins afresh. */
  constructor(private readonly file: string | undefined) {}

  /** The saved checkpoints of this stream; none when they were saved for another stream. */
  async load(streamArn: string): Promise<Checkpoints> {
    if (this.file === undefined) return {};
    try {
      const saved = JSON.parse(await readFile(this.file, 'utf8')) as { streamArn?: string; consumers?: Checkpoints };
      // A recreated table has a new stream: its old checkpoints mean nothing.
      return saved.streamArn === streamArn ? (saved.consumers ?? {}) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  /** Queues a save of the checkpoints as they are when the save runs. */
  save(streamArn: string, checkpoints: Checkpoints): Promise<void> {
    const file = this.file;
    if (file === undefined) return Promise.resolve();
    this.saving = this.saving.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      const json = JSON.stringify({ streamArn, consumers: checkpoints }, null, 1);
      await writeFile(`${file}.tmp`, json);
      await rename(`${file}.tmp`, file);
    });
    return this.saving;
  }

  /** Resolves when the saves queued so far are written. */
  saved(): Promise<void> {
    return this.saving;
  }
}
