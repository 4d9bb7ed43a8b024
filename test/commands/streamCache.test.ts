import { describe, expect, it } from 'vitest';
import { StreamCache } from '../../functions/commands/streamCache.ts';

const streamAt = (streamId: string, version: number) => ({ streamId, version, events: [] });

describe('StreamCache', () => {
  it('given a stream remembered, when asked for, then it answers the last version set', () => {
    // given
    const cache = new StreamCache(4);
    cache.set(streamAt('deal#A', 1));
    cache.set(streamAt('deal#A', 2));
    // when / then
    expect(cache.get('deal#A')?.version).toBe(2);
    expect(cache.get('deal#B')).toBeUndefined();
  });

  it('given more streams than it holds, then the least recently used are forgotten and one used lately is kept', () => {
    // given
    const cache = new StreamCache(4);
    cache.set(streamAt('deal#A', 1));
    cache.set(streamAt('deal#B', 1));
    // when A is used again and four more streams arrive
    expect(cache.get('deal#A')?.version).toBe(1);
    for (const id of ['C', 'D', 'E', 'F']) cache.set(streamAt(`deal#${id}`, 1));
    // then B (unused longest) is gone, the newest are kept, and it never holds more than it may
    expect(cache.get('deal#B')).toBeUndefined();
    expect(cache.get('deal#F')?.version).toBe(1);
    const kept = ['A', 'B', 'C', 'D', 'E', 'F'].filter((id) => cache.get(`deal#${id}`) !== undefined);
    expect(kept.length).toBeLessThanOrEqual(4);
  });

  it('given a capacity of 0, then nothing is remembered', () => {
    const cache = new StreamCache(0);
    cache.set(streamAt('deal#A', 1));
    expect(cache.get('deal#A')).toBeUndefined();
  });
});
