import { parseArgs } from 'node:util';
import { WeeklyBrief } from '../../domain/cadence/weeklyBrief.ts';
import { isIsoWeek } from '../../domain/isoWeek.ts';
import { briefLines } from './briefLines.ts';
import { apiOptions, operatorApi } from './operatorApi.ts';

export const briefUsage = `  brief YYYY-Www [--publish] [--url ...] [--token <JWT>] [--json]
      Print a week's brief (GET /v1/briefs/{week}); --publish publishes it first if it is not yet
      (POST, as the Monday schedule does; a published week is never published again).`;

/** `npx handshake brief 2027-W10 [--publish]`. */
export const brief = async (args: string[]): Promise<void> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...apiOptions, json: { type: 'boolean' }, publish: { type: 'boolean' } },
  });
  const week = positionals[0];
  if (!week || !isIsoWeek(week)) throw new Error(`name an ISO week that exists, e.g. \`brief 2027-W10\`${week ? ` (not ${week})` : ''}`);
  const api = await operatorApi(values, 'cli:brief');
  const { body } = await api.request(values.publish ? 'POST' : 'GET', `/v1/briefs/${week}`);
  if (values.json) return void console.log(JSON.stringify(body, null, 2));
  console.log(briefLines(WeeklyBrief.parse(stripLinks(body))).join('\n'));
};

/** The API adds where the brief lives and when it was published; the brief itself is the rest. */
const stripLinks = ({ links: _links, publishedAt: _publishedAt, ...brief }: Record<string, unknown>) => brief;
