import type { StreamRead } from '../eventStore/dynamoEventStore.ts';

/**
 * What this process last knew of each stream, the least recently used forgotten first. It is only ever
 * a guess: the conditional append is what keeps the store right, and a stale guess costs one reread.
 *
 * Two generations instead of one ordered map: a stream used lately is in the young one; when that
 * holds half the capacity it becomes the old one and the previous old one is dropped whole. Evicting
 * the single oldest entry of one Map on every write would make V8 walk the deleted slots at the head
 * of its table each time, which costs more than the rest of a command once the cache is full.
 */
export class StreamCache {
  private young = new Map<string, StreamRead>();
  private old = new Map<string, StreamRead>();
  private readonly generationSize: number;

  constructor(private readonly capacity: number) {
    this.generationSize = Math.max(1, Math.ceil(capacity / 2));
  }

  get(streamId: string): StreamRead | undefined {
    const young = this.young.get(streamId);
    if (young) return young;
    const old = this.old.get(streamId);
    if (old) this.set(old);
    return old;
  }

  set(stream: StreamRead): void {
    if (this.capacity <= 0) return;
    this.old.delete(stream.streamId);
    this.young.set(stream.streamId, stream);
    if (this.young.size >= this.generationSize) {
      this.old = this.young;
      this.young = new Map();
    }
  }
}
