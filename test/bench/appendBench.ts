import { GetItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { createCommandsHandler } from '../../functions/handlers/commands.ts';
import { closeDealBody, scopeChangeBody } from '../support/sampleDeals.ts';
import { createCastoreClose } from './castoreAppend.ts';
import { dynamoItemBytes } from './dynamoItemSize.ts';
import { quantile } from './stats.ts';

const claims = { sub: 'P-SALES-1', roles: '[sales]' };

const commandEvent = (routeKey: string, body: unknown, dealId?: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey,
    rawPath: routeKey.split(' ')[1]!.replace('{dealId}', dealId ?? ''),
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: { authorizer: { jwt: { claims, scopes: null } }, requestId: 'bench' },
    ...(dealId ? { pathParameters: { dealId } } : {}),
    body: JSON.stringify(body),
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

/** Node CPU microseconds (user + system) spent per operation by the last `measure` of each workload. */
const cpuPerOp = new Map<string, number[]>();

/**
 * Runs `operation(i)` for i in [0, count) with `concurrency` in flight; answers operations per second.
 * It also keeps this process's CPU time per operation: the database runs in its own process, so that
 * is what the client side costs, and it is steadier than a rate on a busy shared machine.
 */
const measure = async (count: number, concurrency: number, operation: (i: number) => Promise<void>, cpuLabel?: string): Promise<number> => {
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await operation(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (cpuLabel) {
    const cpu = process.cpuUsage(cpuBefore);
    cpuPerOp.set(cpuLabel, [...(cpuPerOp.get(cpuLabel) ?? []), (cpu.user + cpu.system) / count]);
  }
  return count / seconds;
};


export interface Spread {
  median: number;
  p25: number;
  p75: number;
}

const spread = (values: number[]): Spread => ({
  median: quantile(values, 0.5),
  p25: quantile(values, 0.25),
  p75: quantile(values, 0.75),
});

/** One concurrency level's rates (ops/s) and, per round, each path's cost in raw PutItems, side by side. */
export interface AppendLevelResult {
  concurrency: number;
  rawPutsPerSecond: Spread;
  closeDealPerSecond: Spread;
  castoreClosePerSecond: Spread;
  scopeChangePerSecond: Spread;
  /** Per round, raw rate / our rate: the cost of our path in raw PutItems, measured side by side. */
  closeDealCost: Spread;
  castoreCloseCost: Spread;
  scopeChangeCost: Spread;
  /** Per round, Castore's rate / our rate: below 1 means ours is ahead. */
  closeDealVsCastore: Spread;
  /** This process's CPU per operation (microseconds), per workload: the client side's own cost. */
  cpuMicrosPerOp: Record<Workload, Spread>;
}

export interface AppendBenchResult {
  levels: AppendLevelResult[];
  itemBytes: number;
  castoreItemBytes: number;
}

type Workload = 'raw' | 'close' | 'castore' | 'change';
/** Who goes first rotates; a scope change needs its deal closed earlier in the round. */
const ORDERS: Workload[][] = [
  ['raw', 'close', 'castore', 'change'],
  ['castore', 'raw', 'close', 'change'],
  ['close', 'change', 'castore', 'raw'],
  ['close', 'castore', 'change', 'raw'],
];

/**
 * Our append path (the real commands Lambda handler: parse, validate, decide, conditional append)
 * against a raw conditional PutItem of an item of the same size and against the peer, Castore's
 * DynamoDB adapter closing the same deal through a Castore Command, all on the same server. DynamoDB
 * Local's own throughput drifts by tens of percent as its JIT and garbage collector go, so the
 * workloads run in short interleaved rounds (rotating which goes first) and each round's ratio is
 * taken side by side, at each concurrency level.
 */
export const runAppendBench = async (
  client: DynamoDBClient,
  tableName: string,
  options: { warmupOps: number; rounds: number; perRound: number; concurrencies: number[]; castoreTable: string },
): Promise<AppendBenchResult> => {
  const handler = createCommandsHandler({ store: new DynamoEventStore(client, tableName), tenantId: 'default' });
  const castoreClose = createCastoreClose(client, options.castoreTable);
  const close = (dealId: string) => handler(commandEvent('POST /v1/deals', closeDealBody(dealId)));
  const expectCreated = (response: { statusCode?: number; body?: string }) => {
    if (response.statusCode !== 201) throw new Error(`command failed: ${response.statusCode} ${response.body}`);
  };

  // A real stored event supplies the item the raw PutItem writes, so both write the same bytes.
  expectCreated(await close('SIZE-PROBE'));
  const probe = await client.send(new GetItemCommand({ TableName: tableName, Key: { s: { S: 'deal#SIZE-PROBE' }, v: { N: '1' } } }));
  const template = probe.Item!;
  expectCreated(await castoreClose(commandEvent('POST /v1/deals', closeDealBody('SIZE-PROBE'))));
  const castoreProbe = await client.send(
    new GetItemCommand({ TableName: options.castoreTable, Key: { aggregateId: { S: 'deal#SIZE-PROBE' }, version: { N: '1' } } }),
  );
  const rawPut = async (key: string) => {
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { ...template, s: { S: key }, v: { N: '1' } } as Record<string, AttributeValue>,
        ConditionExpression: 'attribute_not_exists(#v)',
        ExpressionAttributeNames: { '#v': 'v' },
      }),
    );
  };

  const { perRound } = options;
  const workloadsAt = (concurrency: number): Record<Workload, (tag: string) => Promise<number>> => ({
    raw: (tag) => measure(perRound, concurrency, (i) => rawPut(`raw#${tag}-${i}`), cpuLabel(tag, 'raw')),
    close: (tag) => measure(perRound, concurrency, async (i) => expectCreated(await close(`B-${tag}-${i}`)), cpuLabel(tag, 'close')),
    castore: (tag) =>
      measure(
        perRound,
        concurrency,
        async (i) => expectCreated(await castoreClose(commandEvent('POST /v1/deals', closeDealBody(`B-${tag}-${i}`)))),
        cpuLabel(tag, 'castore'),
      ),
    change: (tag) =>
      measure(
        perRound,
        concurrency,
        async (i) =>
          expectCreated(
            await handler(
              commandEvent('POST /v1/deals/{dealId}/scope-changes', scopeChangeBody({ reason: `change ${i}` }), `B-${tag}-${i}`),
            ),
          ),
        cpuLabel(tag, 'change'),
      ),
  });

  // Only measured rounds count CPU (warm-up tags hold a "w").
  const cpuLabel = (tag: string, workload: Workload) => (tag.includes('w') ? undefined : `${tag.split('r')[0]}:${workload}`);
  const levels: AppendLevelResult[] = [];
  for (const concurrency of options.concurrencies) {
    const workloads = workloadsAt(concurrency);
    const level = `c${concurrency}`;
    // Warm the JIT on every side, the SDK's connections and the server; not counted.
    for (let done = 0, round = 0; done < options.warmupOps; done += 4 * perRound, round++) {
      for (const name of ORDERS[0]!) await workloads[name](`${level}w${round}`);
    }
    const rates: Record<Workload, number[]> = { raw: [], close: [], castore: [], change: [] };
    const costs = { close: [] as number[], castore: [] as number[], change: [] as number[], vsCastore: [] as number[] };
    for (let round = 0; round < options.rounds; round++) {
      const rate: Record<Workload, number> = { raw: 0, close: 0, castore: 0, change: 0 };
      for (const name of ORDERS[round % ORDERS.length]!) rate[name] = await workloads[name](`${level}r${round}`);
      for (const name of Object.keys(rates) as Workload[]) rates[name].push(rate[name]);
      costs.close.push(rate.raw / rate.close);
      costs.castore.push(rate.raw / rate.castore);
      costs.change.push(rate.raw / rate.change);
      costs.vsCastore.push(rate.castore / rate.close);
    }
    levels.push({
      concurrency,
      rawPutsPerSecond: spread(rates.raw),
      closeDealPerSecond: spread(rates.close),
      castoreClosePerSecond: spread(rates.castore),
      scopeChangePerSecond: spread(rates.change),
      closeDealCost: spread(costs.close),
      castoreCloseCost: spread(costs.castore),
      scopeChangeCost: spread(costs.change),
      closeDealVsCastore: spread(costs.vsCastore),
      cpuMicrosPerOp: {
        raw: spread(cpuPerOp.get(`${level}:raw`)!),
        close: spread(cpuPerOp.get(`${level}:close`)!),
        castore: spread(cpuPerOp.get(`${level}:castore`)!),
        change: spread(cpuPerOp.get(`${level}:change`)!),
      },
    });
  }
  return { levels, itemBytes: dynamoItemBytes(template), castoreItemBytes: dynamoItemBytes(castoreProbe.Item!) };
};
