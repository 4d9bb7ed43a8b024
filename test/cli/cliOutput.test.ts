import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar, timeLeft } from '../../functions/cli/progressBar.ts';
import { describeStreams } from '../../functions/cli/projectionsRebuild.ts';
import { usageLineOf } from '../../functions/cli/usageLine.ts';

const usage = `Usage: npx handshake <command>

Commands:
  token --role <role> --sub <person-id>
      Print a development token.
  months close YYYY-MM [--url http://localhost:3000]
      Close a month.
  months reopen YYYY-MM
      Reopen a month.
`;

describe('what the CLI prints', () => {
  it('given a failed command with a subcommand, when its help is chosen, then it is that subcommand\'s one line, not the whole usage', () => {
    expect(usageLineOf(usage, 'months', 'reopen')).toBe('usage: npx handshake months reopen YYYY-MM   (npx handshake help: every command)');
    expect(usageLineOf(usage, 'months', 'close')).toContain('months close YYYY-MM [--url http://localhost:3000]');
    expect(usageLineOf(usage, 'token', '--role')).toContain('usage: npx handshake token --role <role> --sub <person-id>');
    expect(usageLineOf(usage, 'months', 'close')).not.toContain('Commands:');
  });

  it('given one deal and two NPS answers naming no known deal, when a rebuild is summarised, then each kind is counted under its own name', () => {
    expect(describeStreams({ nps: 2, deal: 1 })).toBe('1 deal and 2 NPS answers naming no known deal');
    expect(describeStreams({ deal: 3 })).toBe('3 deals');
    expect(describeStreams({ deal: 2, nps: 1, escalation: 1 })).toBe('2 deals, 1 escalation stream and 1 NPS answer naming no known deal');
    expect(describeStreams({})).toBe('no streams');
  });

  it('given progress with no rate yet, when the time left is said, then it says "estimating", never "NULL"', () => {
    expect(timeLeft(0, 10, 0)).toBe('estimating');
    expect(timeLeft(5, 10, Number.NaN)).toBe('estimating');
    expect(timeLeft(4, 10, 2)).toBe('3 s left');
    expect(timeLeft(0 + 10, 250, 2)).toBe('2 min 0 s left');
    expect(timeLeft(10, 10, 2)).toBe('done');
  });

  it('given a stream that is not a terminal, when a progress bar runs on it, then nothing is written', async () => {
    const stream = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    const written: string[] = [];
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => written.push(chunk.toString()));

    const bar = progressBar('importing [{bar}] {percentage}% | {value}/{total}', stream);
    bar.start(10, 0);
    bar.update(10);
    bar.stop();
    await new Promise((done) => setImmediate(done));

    expect(written.join('')).toBe('');
  });
});
