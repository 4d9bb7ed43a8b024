import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PRICES, runCostBench, STREAM_BATCH_SIZE } from './costBench.ts';
import { generateHistory } from './history.ts';

/** Issue 13's target: at or below $3 per million events. */
const TARGET_DOLLARS_PER_MILLION = 3;

const fixed = (value: number, digits = 3) => value.toFixed(digits);

/** `BENCH=cost`: the AWS bill per 1M events, part by part, from units DynamoDB Local reports. */
export const costBench = async (client: DynamoDBClient, newClient: () => DynamoDBClient, timeZone: string) => {
  const deals = Number(process.env.BENCH_COST_DEALS ?? 2_000);
  const history = generateHistory({ deals, seed: Number(process.env.BENCH_SEED ?? 20_261_001) });
  const result = await runCostBench(client, newClient, history, { timeZone, batchSize: STREAM_BATCH_SIZE });
  console.log(
    `Cost per 1M events on AWS on demand: ${deals} seeded deals, ${result.events} events (mean item ${result.meanItemBytes.toFixed(0)} bytes), ` +
      `units as DynamoDB Local reports them (ReturnConsumedCapacity), stream batches of ${STREAM_BATCH_SIZE} as deployed; ` +
      `prices per million: write unit $${PRICES.writeUnit}, read unit $${PRICES.readUnit}, Lambda request $${PRICES.lambdaRequest}, ` +
      `HTTP API request $${PRICES.httpApiRequest}, EventBridge event $${PRICES.eventBridgeEvent}`,
  );
  const header = ['part', 'WRU/event', 'RRU/event', 'Lambda/event', 'HTTP API/event', 'EventBridge/event', '$ per 1M events', 'DynamoDB calls per event'];
  const rows = result.parts.map((part) => [
    part.part,
    fixed(part.writeUnits),
    fixed(part.readUnits),
    fixed(part.lambdaRequests),
    fixed(part.httpApiRequests),
    fixed(part.eventBridgeEvents),
    `$${fixed(part.dollarsPerMillion, 2)}`,
    Object.entries(part.calls)
      .map(([name, count]) => `${name} ${fixed(count / result.events, 2)}`)
      .join(', ') || '-',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((cell, column) => (column === 0 || column === 7 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const part of result.parts) {
    if (part.calls.TransactWriteItems) {
      console.log(
        `  ${part.part}: transaction units counted from the requests (2 per started KB of each item); DynamoDB Local reported ${fixed(part.transactionUnitsReported ?? 0)} per event for them; ` +
          `per event: ${Object.entries(part.transactionItems ?? {})
            .map(([kind, { items, writeUnits }]) => `${kind} ${fixed(items, 2)} items = ${fixed(writeUnits, 2)} WRU`)
            .join(', ')}`,
      );
    }
  }
  const total = result.totalPerMillion;
  console.log(
    `  total $${fixed(total, 2)} per 1M events: ${total <= TARGET_DOLLARS_PER_MILLION ? 'within' : 'OVER'} the $${TARGET_DOLLARS_PER_MILLION} target`,
  );
};
