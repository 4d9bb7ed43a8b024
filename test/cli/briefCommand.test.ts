import { afterEach, describe, expect, it, vi } from 'vitest';
import { brief } from '../../functions/cli/briefCommands.ts';
import { useTestApi } from '../support/httpFixture.ts';

/** `npx handshake brief` against the real routes on the local API (its clock: now, so 2026-W43 has ended). */

const { api } = useTestApi();

const printedBy = async (args: string[]): Promise<string> => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    await brief([...args, '--url', api.url]);
    return log.mock.calls.map((call) => String(call[0])).join('\n');
  } finally {
    log.mockRestore();
  }
};

afterEach(() => vi.restoreAllMocks());

describe('npx handshake brief', () => {
  it('given a week not published, when it is read, then the command fails saying so', async () => {
    await expect(brief(['2026-W43', '--url', api.url])).rejects.toThrow(/404.*no brief of 2026-W43 has been published/);
  });

  it('given an ended week, when published from the terminal and read again, then both print the same brief with every section', async () => {
    const published = await printedBy(['2026-W43', '--publish']);
    const read = await printedBy(['2026-W43']);

    expect(published.split('\n')[0]).toBe('Weekly brief 2026-W43, Mon 19 Oct to Sun 25 Oct (UTC)');
    expect(published).toContain('Forecast calls due\n  for 2026-11, due before Sun 1 Nov 00:00');
    expect(published).toContain('No deal was closed in the week.');
    expect(read).toBe(published);
    expect(JSON.parse(await printedBy(['2026-W43', '--json']))).toMatchObject({ week: '2026-W43', links: { html: '/v1/briefs/2026-W43/html' } });
  });

  it('given a week the year does not have, when asked for, then it is refused before any request', async () => {
    await expect(brief(['2027-W53', '--url', 'http://127.0.0.1:9'])).rejects.toThrow('name an ISO week that exists, e.g. `brief 2027-W10` (not 2027-W53)');
  });
});
