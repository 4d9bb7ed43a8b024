import { createDynamoClient } from '../../functions/dynamoClient.ts';
import { freePort, startDynamoDbLocal } from '../../functions/local/dynamoDbLocal.ts';
import { ensureEventsTable } from '../../functions/local/tables.ts';
import { runAppendBench, type Spread } from './appendBench.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

const TARGET_COST = 1.2;
const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const rate = (s: Spread) => `${s.median.toFixed(0).padStart(6)} ops/s (p25 ${s.p25.toFixed(0)}, p75 ${s.p75.toFixed(0)})`;
const cost = (s: Spread) =>
  `cost ${s.median.toFixed(2)}x raw (p25 ${s.p25.toFixed(2)}, p75 ${s.p75.toFixed(2)}) ${s.median <= TARGET_COST ? 'within' : 'OVER'} the ${TARGET_COST}x target`;

/** `npm run bench`: measured on a fresh in-memory DynamoDB Local, never asserted in tests. */
const main = async () => {
  const database = await startDynamoDbLocal({ port: await freePort() });
  const client = createDynamoClient({ dynamoDbEndpoint: database.endpoint, region: 'us-east-1' });
  try {
    await ensureEventsTable(client, 'bench-events');
    const options = {
      warmupOps: setting('BENCH_WARMUP_OPS', 15_000),
      rounds: setting('BENCH_ROUNDS', 30),
      perRound: setting('BENCH_OPS', 300),
      concurrency: setting('BENCH_CONCURRENCY', 8),
    };
    console.log(
      `Append path vs raw conditional PutItem on DynamoDB Local (in memory): ${options.warmupOps} warm-up ops, ` +
        `${options.rounds} interleaved rounds of ${options.perRound} ops each, ${options.concurrency} in flight`,
    );
    const result = await runAppendBench(client, 'bench-events', options);
    console.log(`  item written: ~${result.itemBytes} bytes, the same item for both`);
    console.log(`  raw conditional PutItem                          ${rate(result.rawPutsPerSecond)}`);
    console.log(`  POST /v1/deals via the commands handler          ${rate(result.closeDealPerSecond)}`);
    console.log(`      ${cost(result.closeDealCost)}`);
    console.log(`  POST scope-changes (known deal) via the handler  ${rate(result.scopeChangePerSecond)}`);
    console.log(`      ${cost(result.scopeChangeCost)}`);
  } finally {
    client.destroy();
    await database.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
