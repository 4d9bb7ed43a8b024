import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CloseDealBody } from '../../domain/deal/commands.ts';
import { isIsoWeek } from '../../domain/isoWeek.ts';
import { OpsTeam } from '../../domain/promises/catalogue.ts';
import { LoadView } from '../../domain/promises/loadView.ts';
import { PromiseCheckAnswer } from '../../domain/promises/promiseCheckAnswer.ts';
import { readConfig } from '../config.ts';
import { capacityViewLines } from './capacityViewLines.ts';
import { apiOptions, operatorApi } from './operatorApi.ts';
import { promiseCheckLines } from './promiseCheckWords.ts';

export const promiseDeskUsage = `  capacity show OPS-TEAM [--weeks 8] [--from YYYY-Www] [--at <instant>] [--url ...] [--token <JWT>] [--json]
      Print an ops team's weeks (capacity, scheduled, utilisation as a bar) and the commitments at risk.
  promise check DEAL.json [--url ...] [--token <JWT>] [--json] [--tz <IANA zone>]
      Ask whether a deal (a close-deal body) can be promised by its date: the earliest honest date,
      what it would put at risk and who must say yes.`;

const options = { ...apiOptions, json: { type: 'boolean' }, tz: { type: 'string' } } as const;

/** Dates are said in the business time zone, as the stack counts weeks (HANDSHAKE_TIME_ZONE, or --tz). */
const timeZoneOf = (values: { tz?: string }): string => values.tz ?? readConfig().timeZone;

/** `npx handshake capacity show T-OPS [--weeks 8] [--from 2027-W10]`: GET /v1/capacity/{opsTeam}. */
export const capacityShow = async (args: string[]): Promise<void> => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...options, weeks: { type: 'string' }, from: { type: 'string' }, at: { type: 'string' } },
  });
  const team = OpsTeam.safeParse(positionals[0]);
  if (!team.success) throw new Error('name the ops team, e.g. `capacity show T-OPS`');
  const weeks = values.weeks ?? '8';
  if (!/^[1-9]\d*$/.test(weeks)) throw new Error('--weeks takes a whole number of weeks, e.g. 8');
  if (values.from !== undefined && !isIsoWeek(values.from)) throw new Error(`--from takes an ISO week that exists, e.g. 2027-W10 (not ${values.from})`);
  const query = new URLSearchParams({ weeks, ...(values.from ? { from: values.from } : {}), ...(values.at ? { at: values.at } : {}) });
  const api = await operatorApi(values, 'cli:capacity-show');
  const { body } = await api.request('GET', `/v1/capacity/${encodeURIComponent(team.data)}?${query}`);
  if (values.json) return void console.log(JSON.stringify(body, null, 2));
  console.log(capacityViewLines(LoadView.parse(body), timeZoneOf(values)).join('\n'));
};

/** `npx handshake promise check deal.json`: POST /v1/promise-checks with the deal as it would be closed. */
export const promiseCheck = async (args: string[]): Promise<void> => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  const file = positionals[0];
  if (!file) throw new Error('name the deal file, e.g. `promise check deal.json` (a close-deal body)');
  let deal: unknown;
  try {
    deal = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not a JSON close-deal body: ${(error as Error).message}`);
  }
  const proposal = CloseDealBody.safeParse(deal);
  if (!proposal.success) {
    const problems = proposal.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    throw new Error(`${file} is not a close-deal body: ${problems.join('; ')}`);
  }
  const api = await operatorApi(values, 'cli:promise-check');
  const { body } = await api.request('POST', '/v1/promise-checks', deal);
  if (values.json) return void console.log(JSON.stringify(body, null, 2));
  const { dealId, promise } = proposal.data;
  console.log(promiseCheckLines(PromiseCheckAnswer.parse(body), { dealId, deliverBy: promise.deliverBy }, timeZoneOf(values)).join('\n'));
};
