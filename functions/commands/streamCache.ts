import type { StreamRead } from '../eventStore/dynamoEventStore.ts';

/**
 * What this process last knew of each stream, least recently used dropped first. It is only ever a
 * guess: the conditional append is what keeps the store right, and a stale guess costs one reread.
 */
export class StreamCache {
  private readonly streams = new Map<string, StreamRead>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): StreamRead | undefined {
    const stream = this.streams.get(streamId);
    if (stream) {
      this.streams.delete(streamId);
      this.streams.set(streamId, stream);
    }
    return stream;
  }

  set(stream: StreamRead): void {
    if (this.capacity <= 0) return;
    this.streams.delete(stream.streamId);
    this.streams.set(stream.streamId, stream);
    if (this.streams.size > this.capacity) this.streams.delete(this.streams.keys().next().value!);
  }
}
