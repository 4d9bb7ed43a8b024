import { parseArgs } from 'node:util';
import { Month } from '../../domain/calendar.ts';
import { apiOptions, operatorApi } from './operatorApi.ts';
import { payoutSummary } from './payoutSummary.ts';

export const incentiveUsage = `  months close YYYY-MM [--url http://localhost:3000] [--token <admin JWT>] [--json]
      Close a month through POST /v1/months/{month}/close: freeze its statements and issue its
      reports. Closing a closed month prints the first close.
  payouts show YYYY-MM [--url http://localhost:3000] [--token <JWT>] [--json]
      Print a month's pool, how it was computed and every statement (a live preview while open).`;

const monthArgument = (args: string[]) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...apiOptions, json: { type: 'boolean' } } });
  const parsed = Month.safeParse(positionals[0]);
  if (!parsed.success) throw new Error('name the month as YYYY-MM, e.g. 2026-10');
  return { month: parsed.data, values };
};

export const monthsClose = async (args: string[]): Promise<void> => {
  const { month, values } = monthArgument(args);
  const api = await operatorApi(values, 'cli:months-close');
  const { status, body } = await api.request('POST', `/v1/months/${month}/close`);
  if (values.json) return void console.log(JSON.stringify(body, null, 2));
  console.log(status === 201 ? `Closed ${month}.` : `${month} was already closed; this is its first close.`);
  console.log(payoutSummary(body));
  if (body.reports) {
    console.log('\nReports:');
    for (const [name, link] of Object.entries(body.reports as Record<string, { href: string }>)) console.log(`  ${name.padEnd(10)} ${api.url}${link.href}`);
  }
};

export const payoutsShow = async (args: string[]): Promise<void> => {
  const { month, values } = monthArgument(args);
  const api = await operatorApi(values, 'cli:payouts-show');
  const { body } = await api.request('GET', `/v1/payouts/${month}`);
  console.log(values.json ? JSON.stringify(body, null, 2) : payoutSummary(body));
};
