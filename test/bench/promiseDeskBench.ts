import { GetItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { commandsHandler, createComposition, promisesHandler, queriesHandler } from '../../functions/handlers/composition.ts';
import { configDefaults, type Config } from '../../functions/config.ts';
import { readStoredItem } from '../../functions/eventStore/dynamoEventStore.ts';
import { ensureEventsTable, ensureProjectionsTable } from '../../functions/local/tables.ts';
import { storedEventItems, projectorFor, streamEventOf, streamRecordOf } from '../support/projection.ts';
import { closeDealBody } from '../support/sampleDeals.ts';
import { quantile } from './stats.ts';

type Claims = { sub: string; roles: string };
const ADMIN: Claims = { sub: 'P-BENCH-ADMIN', roles: '[admin]' };
const SALES: Claims = { sub: 'P-SALES-1', roles: '[sales]' };

const httpEvent = (
  routeKey: string,
  claims: Claims,
  options: { body?: unknown; pathParameters?: Record<string, string>; query?: Record<string, string> } = {},
): APIGatewayProxyEventV2 => {
  let rawPath = routeKey.split(' ')[1]!;
  for (const [name, value] of Object.entries(options.pathParameters ?? {})) rawPath = rawPath.replace(`{${name}}`, encodeURIComponent(value));
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { 'content-type': 'application/json' },
    requestContext: { authorizer: { jwt: { claims, scopes: null } }, requestId: 'bench' },
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
};

const elapsedMs = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

export interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}
const latencyOf = (ms: number[]): Latency => ({ count: ms.length, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), max: Math.max(...ms) });

export interface Spread {
  median: number;
  p25: number;
  p75: number;
}
const spread = (values: number[]): Spread => ({ median: quantile(values, 0.5), p25: quantile(values, 0.25), p75: quantile(values, 0.75) });

export interface PromiseDeskBenchOptions {
  /** Open commitments on T-OPS when the measuring starts. */
  openDeals: number;
  /** Latency: warm-up calls of each side, then rounds of `perRound` calls each side, one at a time, interleaved. */
  warmup: number;
  rounds: number;
  perRound: number;
  /** Append: warm-up ops, then rounds of `appendPerRound` ops each side with `concurrency` in flight. */
  appendWarmup: number;
  appendRounds: number;
  appendPerRound: number;
  concurrency: number;
  onProgress?: (line: string) => void;
}

export interface PromiseDeskBenchResult {
  openDeals: number;
  /** What the check answered at the load, as a sanity line. */
  sample: { fits: boolean; loadPercent: unknown; commitmentsSeen: number };
  check: Latency;
  scorecard: Latency;
  /** Per round, check p99 / scorecard p99, side by side. */
  p99Ratio: Spread;
  rawPutsPerSecond: Spread;
  closeDealPerSecond: Spread;
  closeDealCost: Spread;
  itemBytes: number;
  engagement: unknown;
  errors: number;
}

/** The instant the measured proposals are closed at: after every open deal was closed, before most are due. */
const CHECK_AT = '2027-01-04T15:00:00Z';
const DAY = 86_400_000;
const at = (base: string, days: number) => new Date(Date.parse(base) + days * DAY).toISOString().replace('.000Z', 'Z');

/** 120 minutes of T-OPS work per deal (240 units at 0.5 min). */
const UNITS = 240;
const scope = (units = UNITS) => [{ sku: 'SEALCOAT-SQFT', description: 'Sealcoat', quantity: units }];

/** A proposal closed at CHECK_AT, due three weeks later: within the lead-time rule, read against the load. */
const proposal = (dealId: string) =>
  closeDealBody(dealId, { closedAt: CHECK_AT, promise: { deliverBy: at(CHECK_AT, 21) }, scope: scope() });

/**
 * The promise desk at load (issue 10, "Measured"): a catalogue, a capacity for T-OPS and rules that look
 * at the load published through the real promises handler; `openDeals` deals closed through the real
 * commands handler and projected by the real projector handler into the open-commitments projection
 * (and the scorecards). Then, on that state and the same server:
 *   1. POST /v1/promise-checks (promises handler) against GET /v1/scorecards/{month} (queries handler),
 *      one request at a time, in interleaved rounds: p50 and p99 of each.
 *   2. POST /v1/deals (commands handler, rules in force, the check at closedAt reading the load) against
 *      the raw conditional PutItem of the same item, interleaved rounds as appendBench does.
 * The measured closes are not projected, so the load stays at `openDeals` throughout.
 */
export const runPromiseDeskBench = async (client: DynamoDBClient, options: PromiseDeskBenchOptions): Promise<PromiseDeskBenchResult> => {
  const progress = options.onProgress ?? (() => {});
  const config: Config = { ...configDefaults, eventsTable: 'bench-desk-events', projectionsTable: 'bench-desk-projections', timeZone: 'UTC', region: 'us-east-1' };
  await ensureEventsTable(client, config.eventsTable);
  await ensureProjectionsTable(client, config.projectionsTable);
  const composition = createComposition({ config, client });
  const promises = promisesHandler(composition);
  const commands = commandsHandler(composition);
  const queries = queriesHandler(composition);
  let errors = 0;
  const expect = (what: string, status: number, response: APIGatewayProxyStructuredResultV2) => {
    if (response.statusCode !== status) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
    return JSON.parse(response.body ?? 'null') as Record<string, unknown>;
  };

  // What is in force: a catalogue entry, T-OPS's capacity and rules that read the load.
  expect(
    'catalogue',
    201,
    await promises(
      httpEvent('PUT /v1/catalog/{sku}', ADMIN, {
        pathParameters: { sku: 'SEALCOAT-SQFT' },
        body: { sku: 'SEALCOAT-SQFT', description: 'Sealcoat, per square foot', opsTeam: 'T-OPS', minutesPerUnit: 0.5 },
      }),
    ),
  );
  // Enough hours that the open deals fill about half of each week they are due in.
  const weeksSpread = 20;
  const weeklyHours = Math.max(40, Math.ceil((options.openDeals * 2 * 2) / weeksSpread));
  expect(
    'capacity',
    201,
    await promises(httpEvent('PUT /v1/capacity/{opsTeam}', ADMIN, { pathParameters: { opsTeam: 'T-OPS' }, body: { weeklyHours, reservePercent: 10 } })),
  );
  expect(
    'rules',
    201,
    await promises(
      httpEvent('PUT /v1/rules-of-engagement', ADMIN, {
        body: {
          version: 1,
          agreedBy: { sales: 'P-SALES-LEAD', ops: 'P-OPS-LEAD' },
          slaHours: { '1': 24, '2': 48, '3': 72 },
          rules: [
            { id: 'short-lead', when: { leadDaysBelow: 5 }, level: 1 },
            { id: 'beyond-capacity', when: { beyondCapacity: true }, level: 2 },
            { id: 'heavy-load', when: { loadPercentAbove: 90 }, level: 1 },
            { id: 'big-deal', when: { valueAtLeast: { amount: 5_000_000, currency: 'USD' } }, level: 2 },
          ],
        },
      }),
    ),
  );

  // The open commitments: closed over the 8 weeks before CHECK_AT, due over the 20 weeks after it.
  const started = process.hrtime.bigint();
  for (let i = 0; i < options.openDeals; i++) {
    const closedAt = at(CHECK_AT, -1 - (i % 56));
    const deliverBy = at(CHECK_AT, 7 + ((i * 7) % (weeksSpread * 7)));
    expect('open deal', 201, await commands(httpEvent('POST /v1/deals', SALES, { body: closeDealBody(`OPEN-${i}`, { closedAt, promise: { deliverBy }, scope: scope() }) })));
  }
  const closedIn = elapsedMs(started) / 1000;
  const items = await storedEventItems(client, config.eventsTable);
  const { handler: project } = projectorFor({ client, eventsTable: config.eventsTable, projectionsTable: config.projectionsTable });
  const records = items.map(streamRecordOf);
  for (let start = 0; start < records.length; start += 100) {
    const { batchItemFailures } = await project(streamEventOf(records.slice(start, start + 100)));
    if (batchItemFailures.length) throw new Error(`projector reported ${batchItemFailures.length} failed records`);
  }
  progress(`setup: ${options.openDeals} deals closed in ${closedIn.toFixed(1)} s, ${records.length} records projected`);

  // The check sees them all.
  const load = expect('load view', 200, await promises(httpEvent('GET /v1/capacity/{opsTeam}', SALES, { pathParameters: { opsTeam: 'T-OPS' }, query: { at: CHECK_AT, weeks: '26' } })));
  const commitmentsSeen = (load.commitments as unknown[] | undefined)?.length ?? 0;
  if (commitmentsSeen !== options.openDeals) throw new Error(`the load view shows ${commitmentsSeen} commitments, not ${options.openDeals}`);
  const answer = expect('check', 200, await promises(httpEvent('POST /v1/promise-checks', SALES, { body: proposal('CHECK-PROBE') })));
  const sample = { fits: answer.fits as boolean, loadPercent: answer.loadPercent, commitmentsSeen };

  // 1. The check against the scorecard read, one at a time, interleaved.
  const months = ['2026-11', '2026-12', '2027-01'];
  const dimensions = ['org', 'team:T-SALES', 'person:P-SALES-1'];
  const check = async (latencies: number[], i: number) => {
    const begun = process.hrtime.bigint();
    const response = await promises(httpEvent('POST /v1/promise-checks', SALES, { body: proposal(`CHECK-${i}`) }));
    latencies.push(elapsedMs(begun));
    if (response.statusCode !== 200) errors += 1;
  };
  const read = async (latencies: number[], i: number) => {
    const begun = process.hrtime.bigint();
    const response = await queries(
      httpEvent('GET /v1/scorecards/{month}', ADMIN, { pathParameters: { month: months[i % months.length]! }, query: { dimension: dimensions[i % dimensions.length]! } }),
    );
    latencies.push(elapsedMs(begun));
    if (response.statusCode !== 200) errors += 1;
  };
  const sequence = async (count: number, call: (latencies: number[], i: number) => Promise<void>, latencies: number[]) => {
    for (let i = 0; i < count; i++) await call(latencies, i);
  };
  await sequence(options.warmup, check, []);
  await sequence(options.warmup, read, []);
  const checks: number[] = [];
  const reads: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const roundChecks: number[] = [];
    const roundReads: number[] = [];
    if (round % 2 === 0) {
      await sequence(options.perRound, check, roundChecks);
      await sequence(options.perRound, read, roundReads);
    } else {
      await sequence(options.perRound, read, roundReads);
      await sequence(options.perRound, check, roundChecks);
    }
    checks.push(...roundChecks);
    reads.push(...roundReads);
    ratios.push(quantile(roundChecks, 0.99) / quantile(roundReads, 0.99));
  }
  progress('checks and reads measured');

  // 2. The close with rules in force and the load, against the raw conditional PutItem of the same item.
  const close = (dealId: string) => commands(httpEvent('POST /v1/deals', SALES, { body: proposal(dealId) }));
  expect('size probe', 201, await close('SIZE-PROBE'));
  const probe = await client.send(new GetItemCommand({ TableName: config.eventsTable, Key: { s: { S: 'deal#SIZE-PROBE' }, v: { N: '1' } } }));
  const template = probe.Item!;
  const engagement = (readStoredItem(template).event.data as { engagement?: unknown }).engagement ?? null;
  const itemBytes = Object.entries(template).reduce((sum, [name, value]) => sum + name.length + (value.S ?? value.N ?? '').length, 0);
  const rawPut = (key: string) =>
    client.send(
      new PutItemCommand({
        TableName: config.eventsTable,
        Item: { ...template, s: { S: key }, v: { N: '1' } } as Record<string, AttributeValue>,
        ConditionExpression: 'attribute_not_exists(#v)',
        ExpressionAttributeNames: { '#v': 'v' },
      }),
    );
  const measure = async (count: number, operation: (i: number) => Promise<unknown>) => {
    let next = 0;
    const begun = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < count) await operation(next++);
      }),
    );
    return count / (elapsedMs(begun) / 1000);
  };
  const workloads = {
    raw: (tag: string) => measure(options.appendPerRound, (i) => rawPut(`raw#${tag}-${i}`)),
    close: (tag: string) => measure(options.appendPerRound, async (i) => expect('close', 201, await close(`B-${tag}-${i}`))),
  };
  for (let done = 0, round = 0; done < options.appendWarmup; done += 2 * options.appendPerRound, round++) {
    await workloads.raw(`w${round}`);
    await workloads.close(`w${round}`);
  }
  const rates = { raw: [] as number[], close: [] as number[] };
  const costs: number[] = [];
  for (let round = 0; round < options.appendRounds; round++) {
    const tag = `r${round}`;
    const order: (keyof typeof rates)[] = round % 2 === 0 ? ['raw', 'close'] : ['close', 'raw'];
    const rate = { raw: 0, close: 0 };
    for (const name of order) rate[name] = await workloads[name](tag);
    rates.raw.push(rate.raw);
    rates.close.push(rate.close);
    costs.push(rate.raw / rate.close);
  }
  progress('closes and raw puts measured');

  return {
    openDeals: options.openDeals,
    sample,
    check: latencyOf(checks),
    scorecard: latencyOf(reads),
    p99Ratio: spread(ratios),
    rawPutsPerSecond: spread(rates.raw),
    closeDealPerSecond: spread(rates.close),
    closeDealCost: spread(costs),
    itemBytes,
    engagement,
    errors,
  };
};
