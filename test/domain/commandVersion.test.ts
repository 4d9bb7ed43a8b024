import { describe, expect, it } from 'vitest';
import { commandVersionOf, commandVersionsOf } from '../../domain/commandVersion.ts';

const deal = ['DealClosed', 'HandoffCompleted', 'NpsResponseRecorded', 'NpsResponseRecorded', 'ScopeChanged'].map((type) => ({ type }));

describe('the version clients see', () => {
  it('given a deal with two survey answers between its commands, then its command version counts the three commands', () => {
    expect(commandVersionOf('deal#D-1', deal)).toBe(3);
  });

  it('given the same deal, then each answer carries the command version it found', () => {
    expect(commandVersionsOf('deal#D-1', deal)).toEqual([1, 2, 2, 2, 3]);
  });

  it('given a stream kind whose every event is its own command (an answer kept on its own), then every event counts', () => {
    expect(commandVersionOf('nps#delighted:r-1', [{ type: 'NpsResponseRecorded' }, { type: 'NpsResponseRecorded' }])).toBe(2);
  });

  it('given a deal with no events yet, then it is at version 0', () => {
    expect(commandVersionOf('deal#D-2', [])).toBe(0);
  });
});
