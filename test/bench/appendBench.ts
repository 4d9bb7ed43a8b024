import { GetItemCommand, PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { createCommandsHandler } from '../../functions/handlers/commands.ts';
import { closeDealBody, scopeChangeBody } from '../support/sampleDeals.ts';

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

/** Runs `operation(i)` for i in [0, count) with `concurrency` in flight; answers operations per second. */
const measure = async (count: number, concurrency: number, operation: (i: number) => Promise<void>): Promise<number> => {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await operation(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return count / seconds;
};

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * q)]!;

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

export interface AppendBenchResult {
  rawPutsPerSecond: Spread;
  closeDealPerSecond: Spread;
  scopeChangePerSecond: Spread;
  /** Per round, raw rate / our rate: the cost of our path in raw PutItems, measured side by side. */
  closeDealCost: Spread;
  scopeChangeCost: Spread;
  itemBytes: number;
}

/**
 * Our append path (the real commands Lambda handler: parse, validate, decide, conditional append)
 * against a raw conditional PutItem of an item of the same size, on the same server. DynamoDB Local's
 * own throughput drifts by tens of percent as its JIT and garbage collector go, so the workloads run
 * in short interleaved rounds (rotating which goes first) and each round's ratio is taken side by side.
 */
export const runAppendBench = async (
  client: DynamoDBClient,
  tableName: string,
  options: { warmupOps: number; rounds: number; perRound: number; concurrency: number },
): Promise<AppendBenchResult> => {
  const handler = createCommandsHandler({ store: new DynamoEventStore(client, tableName), tenantId: 'default' });
  const close = (dealId: string) => handler(commandEvent('POST /v1/deals', closeDealBody(dealId)));
  const expectCreated = (response: Awaited<ReturnType<typeof handler>>) => {
    if (response.statusCode !== 201) throw new Error(`command failed: ${response.statusCode} ${response.body}`);
  };

  // A real stored event supplies the item the raw PutItem writes, so both write the same bytes.
  expectCreated(await close('SIZE-PROBE'));
  const probe = await client.send(new GetItemCommand({ TableName: tableName, Key: { s: { S: 'deal#SIZE-PROBE' }, v: { N: '1' } } }));
  const template = probe.Item!;
  const itemBytes = Object.entries(template).reduce((sum, [name, value]) => sum + name.length + (value.S ?? value.N ?? '').length, 0);
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

  const { perRound, concurrency } = options;
  const workloads = {
    raw: (tag: string) => measure(perRound, concurrency, (i) => rawPut(`raw#${tag}-${i}`)),
    close: (tag: string) => measure(perRound, concurrency, async (i) => expectCreated(await close(`B-${tag}-${i}`))),
    change: (tag: string) =>
      measure(perRound, concurrency, async (i) =>
        expectCreated(
          await handler(
            commandEvent('POST /v1/deals/{dealId}/scope-changes', scopeChangeBody({ reason: `change ${i}` }), `B-${tag}-${i}`),
          ),
        ),
      ),
  };

  // Warm the JIT on both sides, the SDK's connections and the server; not counted.
  for (let done = 0, round = 0; done < options.warmupOps; done += 3 * perRound, round++) {
    await workloads.raw(`w${round}`);
    await workloads.close(`w${round}`);
    await workloads.change(`w${round}`);
  }

  const rates = { raw: [] as number[], close: [] as number[], change: [] as number[] };
  const closeCost: number[] = [];
  const changeCost: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const tag = `r${round}`;
    const rate = { raw: 0, close: 0, change: 0 };
    // A scope change needs its deal closed first; raw goes first, between or last in turn.
    const orders: (keyof typeof rate)[][] = [['raw', 'close', 'change'], ['close', 'raw', 'change'], ['close', 'change', 'raw']];
    for (const name of orders[round % orders.length]!) rate[name] = await workloads[name](tag);
    rates.raw.push(rate.raw);
    rates.close.push(rate.close);
    rates.change.push(rate.change);
    closeCost.push(rate.raw / rate.close);
    changeCost.push(rate.raw / rate.change);
  }
  return {
    rawPutsPerSecond: spread(rates.raw),
    closeDealPerSecond: spread(rates.close),
    scopeChangePerSecond: spread(rates.change),
    closeDealCost: spread(closeCost),
    scopeChangeCost: spread(changeCost),
    itemBytes,
  };
};
