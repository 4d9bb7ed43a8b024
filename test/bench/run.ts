import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../../functions/dynamo/dynamoClient.ts';
import { freePort, startDynamoDbLocal } from '../../functions/local/dynamoDbLocal.ts';
import { ensureEventsTable, ensureProjectionsTable } from '../../functions/local/tables.ts';
import { ActiveGeneration } from '../../functions/projections/generations.ts';
import { rebuildProjections } from '../../functions/projections/rebuild.ts';
import { createStreamProjector } from '../../functions/projections/streamProjector.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { logger } from '../../functions/observability/logger.ts';
import { runAppendBench, type Spread } from './appendBench.ts';
import { printAppendResult } from './appendReport.ts';
import { ensureCastoreTable } from './castoreAppend.ts';
import { costBench } from './costReport.ts';
import { BASELINE, runColdStartBench, TRIMMED_BASELINE } from './coldStartBench.ts';
import { FOLD_STEPS, runFoldBench } from './foldBench.ts';
import { checkHistory, checkStoreFormat, closedMonthsOf, generateHistory, loadItems, OPS_PEOPLE, SELLERS, TEAMS, type History } from './history.ts';
import { runProjectionBench } from './projectionBench.ts';
import { runPromiseDeskBench } from './promiseDeskBench.ts';
import { runScorecardReadBench } from './scorecardReadBench.ts';
import { localStackBench } from './localStackReport.ts';
import { rebuildBench } from './rebuildReport.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
// The handlers built by the composition write EMF lines to stdout; the bench prints its own.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
// The logger was built while the imports above ran, before this default: tell it again.
logger.setLogLevel(process.env.POWERTOOLS_LOG_LEVEL as Parameters<typeof logger.setLogLevel>[0]);

const TIME_ZONE = 'UTC';
const CURRENCY = 'USD';
const BENCHES = ['append', 'projection', 'read', 'promises', 'cost', 'e2e', 'rebuild', 'cold', 'fold'] as const;
/** Benchmarks that need no database. */
const WITHOUT_DATABASE: readonly BenchName[] = ['cold', 'fold'];
/** Issue 13's targets: each bundle's cold import within 1.5x the DynamoDB client's alone, the fold (with its contributions and documents) within 3 us an event beyond reading it. */
const TARGET_COLD_RATIO = 1.5;
const TARGET_FOLD_MICROS = 3;
/** Issue 10's targets: the check's p99 within 2x the scorecard read's, the close within 2x the raw PutItem. */
const TARGET_CHECK_P99 = 2;
const TARGET_CLOSE_COST = 2;
type BenchName = (typeof BENCHES)[number];

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const chosenBenches = (): Set<BenchName> => {
  const names = (process.env.BENCH ?? BENCHES.join(',')).split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(BENCHES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`BENCH names ${unknown.join(', ')}; choose from ${BENCHES.join(', ')} (comma-separated)`);
  return new Set(names as BenchName[]);
};

const rate = (s: Spread) => `${s.median.toFixed(0).padStart(6)} ops/s (p25 ${s.p25.toFixed(0)}, p75 ${s.p75.toFixed(0)})`;

const n = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Prints rows under a header: the first column left-aligned, the others right-aligned. */
const printTable = (header: string[], rows: string[][], indent = '  ') => {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    indent + cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ');
  console.log(line(header));
  console.log(indent + widths.map((width) => '-'.repeat(width)).join('   '));
  for (const row of rows) console.log(line(row));
};

const progress = (line: string) => process.stderr.write(`  [${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const appendBench = async (client: DynamoDBClient) => {
  await ensureEventsTable(client, 'bench-events');
  await ensureCastoreTable(client, 'bench-castore-events');
  const options = {
    warmupOps: setting('BENCH_WARMUP_OPS', 8_000),
    rounds: setting('BENCH_ROUNDS', 16),
    perRound: setting('BENCH_OPS', 300),
    concurrencies: (process.env.BENCH_APPEND_CONCURRENCY ?? '1,16').split(',').map(Number),
    castoreTable: 'bench-castore-events',
  };
  console.log(
    `Append path vs raw conditional PutItem vs Castore on DynamoDB Local (in memory): ${options.warmupOps} warm-up ops, ` +
      `then ${options.rounds} interleaved rounds of ${options.perRound} ops each, at ${options.concurrencies.join(' and ')} in flight`,
  );
  const result = await runAppendBench(client, 'bench-events', options);
  printAppendResult(result);
};

interface HistoryStack {
  history: History;
  eventsTable: string;
  projectionsTable: string;
}

/** Generates the history, proves it valid and in the store's format, and loads it into a fresh events table. */
const prepareHistory = async (client: DynamoDBClient): Promise<HistoryStack> => {
  const deals = setting('BENCH_DEALS', 100_000);
  const started = process.hrtime.bigint();
  const history = generateHistory({ deals, seed: setting('BENCH_SEED', 20_261_001) });
  const generatedIn = Number(process.hrtime.bigint() - started) / 1e9;
  const perMonth = [...closedMonthsOf(history).values()];
  console.log(
    `Generated history (seeded): ${n(deals)} deals, ${n(history.events.length)} events (${(history.events.length / deals).toFixed(2)} per deal), ` +
      `closed ${history.months[0]} to ${history.months.at(-1)} (${n(Math.min(...perMonth))}-${n(Math.max(...perMonth))} a month), ` +
      `${SELLERS.length} sellers, ${OPS_PEOPLE.length} ops people, ${TEAMS.length} teams, and ${n(history.unattributedStreams)} NPS answers naming no known deal (nps# streams); ` +
      `~${n(history.itemBytes / history.items.length)} bytes per item; ${generatedIn.toFixed(1)} s`,
  );
  printTable(
    ['event type', 'events', 'per deal'],
    Object.entries(history.countsByType).map(([type, count]) => [type, n(count), (count / deals).toFixed(2)]),
  );

  const check = checkHistory(history);
  await ensureEventsTable(client, 'bench-format-check');
  const sameItems = await checkStoreFormat(client, 'bench-format-check', history);
  console.log(
    `  valid: ${n(check.eventsParsed)} sampled events parse (RecordedDealEvent) and read back from their items (readStoredItem) to themselves; ` +
      `${n(check.dealsDecided)} sampled deals and ${n(check.npsStreamsDecided)} unattributed NPS streams replay through the API body schemas and their deciders to the same events; ` +
      `${sameItems} items appended by DynamoEventStore equal the generated items`,
  );

  const stack = { history, eventsTable: 'bench-history-events', projectionsTable: 'bench-projections' };
  await ensureEventsTable(client, stack.eventsTable);
  await ensureProjectionsTable(client, stack.projectionsTable);
  const concurrency = setting('BENCH_LOAD_CONCURRENCY', 8);
  let lastReport = Date.now();
  const load = await loadItems(client, stack.eventsTable, history.items, {
    concurrency,
    onProgress: (done) => {
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        progress(`load: ${n(done)}/${n(history.items.length)} items`);
      }
    },
  });
  console.log(
    `  loaded into a fresh events table with BatchWriteItem (25 items a request, ${concurrency} in flight): ` +
      `${n(load.items)} items in ${load.seconds.toFixed(1)} s = ${n(load.items / load.seconds)} items/s ` +
      `(${(history.itemBytes / 1e6 / load.seconds).toFixed(2)} MB/s of attribute data), ${n(load.requests)} requests, ${load.retries} retries of unprocessed items`,
  );
  return stack;
};

const projectionBench = async (client: DynamoDBClient, newClient: () => DynamoDBClient, stack: HistoryStack): Promise<boolean> => {
  const options = {
    shards: setting('BENCH_SHARDS', 4),
    batchSize: setting('BENCH_BATCH', 100),
    foldRounds: setting('BENCH_FOLD_ROUNDS', 3),
    rebuildSegments: setting('BENCH_REBUILD_SEGMENTS', 4),
    projectorDeals: setting('BENCH_PROJECTOR_DEALS', stack.history.deals),
  };
  const some = options.projectorDeals < stack.history.deals ? `the events of the first ${n(options.projectorDeals)} deals` : `all ${n(stack.history.events.length)} events`;
  console.log(
    `\nProjection on DynamoDB Local: ${some} as stream records through the projector handler ` +
      `(${options.shards} shards by deal id, batches of ${options.batchSize}, one batch at a time per shard, retried from the first failed record as Lambda does), then a rebuild of all into a new generation ` +
      `(${options.rebuildSegments} scan segments, no grace), then the in-memory fold (median of ${options.foldRounds} rounds)`,
  );
  const result = await runProjectionBench(client, { ...stack, newClient, timeZone: TIME_ZONE, ...options, onProgress: progress });
  const reference = result.inMemory.eventsPerSecond;
  const row = (name: string, events: number, seconds: number, perSecond: number) => [
    name,
    n(events),
    seconds.toFixed(1),
    n(perSecond),
    `${((100 * perSecond) / reference).toFixed(perSecond / reference < 0.01 ? 2 : 1)}%`,
  ];
  printTable(
    ['path', 'events', 'seconds', 'events/s', 'of in-memory'],
    [
      row(`projector handler (${options.shards} shards x ${options.batchSize})`, result.projector.events, result.projector.seconds, result.projector.eventsPerSecond),
      row(`rebuild (generation ${result.rebuild.generation})`, result.events, result.rebuild.seconds, result.rebuild.eventsPerSecond),
      row('in-memory fold (reference)', result.events, result.events / reference, reference),
      row('in-memory fold incl. readStoredItem', result.events, result.events / result.inMemoryWithParse.eventsPerSecond, result.inMemoryWithParse.eventsPerSecond),
    ],
  );
  const { calls, callFailures, outcomes } = result.projector;
  const perEvent = (count: number | undefined) => ((count ?? 0) / result.projector.events).toFixed(2);
  console.log(
    `  ratios: projector / in-memory = 1 : ${n(reference / result.projector.eventsPerSecond)}, rebuild / in-memory = 1 : ${n(reference / result.rebuild.eventsPerSecond)}, ` +
      `rebuild / projector = ${(result.rebuild.eventsPerSecond / result.projector.eventsPerSecond).toFixed(1)}x`,
  );
  console.log(
    `  projector: ${n(result.projector.invocations)} handler invocations, ${n(result.projector.retriedInvocations)} of them reported failed records ` +
      `(retried from there), ${result.projector.deadLettered} records given up on; projector outcomes ` +
      `${n(outcomes.applied)} applied, ${n(outcomes['caught-up'])} caught up, ${n(outcomes['already-applied'])} already applied`,
  );
  console.log(
    `  projector DynamoDB calls per event: ${Object.entries(calls)
      .sort(([, a], [, b]) => b - a)
      .map(([name, count]) => `${name} ${perEvent(count)}`)
      .join(', ')}; ${(result.projector.transactionItems / (calls.TransactWriteItems ?? 1)).toFixed(1)} items per transaction`,
  );
  if (Object.keys(callFailures).length) {
    console.log(
      `  projector DynamoDB calls failed, per event: ${Object.entries(callFailures)
        .sort(([, a], [, b]) => b - a)
        .map(([why, count]) => `${why} ${perEvent(count)}`)
        .join(', ')}`,
    );
  }
  const { phases } = result.rebuild;
  console.log(
    `  rebuild: ${n(result.rebuild.items)} items written; read + fold ${phases.readAndFold.toFixed(1)} s, write ${phases.write.toFixed(1)} s, ` +
      `switch + catch-up check ${phases.switchAndCatchUp.toFixed(1)} s; in-memory rounds ${result.inMemory.rounds.map((r) => n(r)).join(', ')} events/s`,
  );
  if (result.sanity.mismatches.length === 0) {
    console.log(
      result.sanity.projectorItems === result.sanity.items && result.projector.events === result.events
        ? `  sanity: all ${n(result.sanity.items)} scorecard items (every bucket and ledger) match: projector generation ${result.projector.generation} = rebuilt generation ${result.rebuild.generation} = in-memory totals`
        : `  sanity: all ${n(result.sanity.projectorItems)} scorecard items of projector generation ${result.projector.generation} = the in-memory fold of the deals it was fed; ` +
          `all ${n(result.sanity.items)} of rebuilt generation ${result.rebuild.generation} = the in-memory fold of all`,
    );
    return true;
  }
  console.log(`  sanity: MISMATCH`);
  for (const line of result.sanity.mismatches) console.log(`    ${line}`);
  return false;
};

const readBench = async (client: DynamoDBClient, newClient: () => DynamoDBClient, stack: HistoryStack): Promise<boolean> => {
  const { history } = stack;
  const options = {
    clients: setting('BENCH_READ_CLIENTS', 32),
    requests: setting('BENCH_READ_REQUESTS', 3_000),
    warmup: setting('BENCH_READ_WARMUP', 500),
    singleClientRequests: setting('BENCH_READ_SINGLE', 300),
    rounds: setting('BENCH_READ_ROUNDS', 5),
    foldSegments: setting('BENCH_REBUILD_SEGMENTS', 4),
  };
  const foldMonth = process.env.BENCH_READ_MONTH ?? history.months[Math.floor(history.months.length / 2)]!;
  const teams = [...new Set([...SELLERS, ...OPS_PEOPLE].map((person) => person.team))];
  const people = [...SELLERS, ...OPS_PEOPLE].map((person) => person.id);
  console.log(
    `\nScorecard reads: GET /v1/scorecards/{month}?dimension=... through the local API (JWT, queries handler, DynamoDB Local) with ` +
      `${options.clients} concurrent clients (a third each org, team, person; ${history.months.length} months), ${n(options.warmup)} warm-up requests, ` +
      `then ${options.rounds} interleaved rounds of [${n(options.requests / options.rounds)} requests at ${options.clients} clients, ` +
      `${n(options.singleClientRequests / options.rounds)} at 1 client, one fold of ${foldMonth} from all events (${options.foldSegments}-segment Scan, fold, contributionsOf, readScorecard)]`,
  );
  const apiClient = newClient();
  try {
    const result = await runScorecardReadBench(client, {
      ...stack,
      apiClient,
      months: history.months,
      teams,
      people,
      foldMonth,
      compareDimensions: ['org', `team:${teams[0]}`, `team:${teams.at(-1)}`, `person:${people[0]}`, `person:${people.at(-1)}`],
      timeZone: TIME_ZONE,
      currency: CURRENCY,
      ...options,
    });
    const ms = (value: number) => value.toFixed(value < 100 ? 2 : 0);
    printTable(
      ['read', 'n', 'min ms', 'p50 ms', 'p99 ms', 'max ms', 'req/s'],
      [
        [`API, ${options.clients} clients`, n(result.concurrent.count), ms(result.concurrent.min), ms(result.concurrent.p50), ms(result.concurrent.p99), ms(result.concurrent.max), n(result.concurrent.requestsPerSecond)],
        ['API, 1 client', n(result.singleClient.count), ms(result.singleClient.min), ms(result.singleClient.p50), ms(result.singleClient.p99), ms(result.singleClient.max), n(1000 / result.singleClient.p50)],
        [`fold all ${n(result.fold.events)} events, 1 client`, n(result.fold.count), ms(result.fold.min), ms(result.fold.p50), '-', ms(result.fold.max), (1000 / result.fold.p50).toFixed(3)],
      ],
    );
    console.log(
      `  the fold (median) takes ${n(result.fold.p50 / result.singleClient.p50)}x the single-client API read (p50) and ${n(result.fold.p50 / result.concurrent.p50)}x the p50 under ${options.clients} clients; ` +
        `req/s per round at ${options.clients} clients: ${result.concurrent.roundRates.map((r) => n(r)).join(', ')}; 1-client req/s is 1000 / p50`,
    );
    const unequal = result.compared.filter((entry) => !entry.equal);
    console.log(
      unequal.length === 0 && result.errors === 0
        ? `  same answer: the API's scorecard for ${foldMonth} equals the folded one for ${result.compared.map((entry) => entry.dimension).join(', ')}; every request answered 200`
        : `  MISMATCH: ${unequal.map((entry) => entry.dimension).join(', ') || 'none'} differ; ${result.errors} requests not answered 200`,
    );
    return unequal.length === 0 && result.errors === 0;
  } finally {
    apiClient.destroy();
  }
};

const promisesBench = async (client: DynamoDBClient): Promise<boolean> => {
  const options = {
    openDeals: setting('BENCH_PROMISE_OPEN_DEALS', 1_000),
    warmup: setting('BENCH_PROMISE_WARMUP', 50),
    rounds: setting('BENCH_PROMISE_ROUNDS', 6),
    perRound: setting('BENCH_PROMISE_PER_ROUND', 50),
    appendWarmup: setting('BENCH_PROMISE_APPEND_WARMUP', 600),
    appendRounds: setting('BENCH_PROMISE_APPEND_ROUNDS', 10),
    appendPerRound: setting('BENCH_PROMISE_APPEND_OPS', 100),
    concurrency: setting('BENCH_CONCURRENCY', 8),
  };
  console.log(
    `Promise desk on DynamoDB Local (in memory): catalogue, T-OPS capacity and rules that read the load published through the promises handler; ` +
      `${n(options.openDeals)} open deals on T-OPS closed through the commands handler and projected by the projector handler`,
  );
  const result = await runPromiseDeskBench(client, { ...options, onProgress: progress });
  const ms = (value: number) => value.toFixed(2);
  console.log(
    `  check vs scorecard read, one request at a time: ${options.warmup} warm-up each, then ${options.rounds} interleaved rounds of ${options.perRound} each; ` +
      `the check sees ${n(result.sample.commitmentsSeen)} commitments (fits ${result.sample.fits}, loadPercent ${JSON.stringify(result.sample.loadPercent)})`,
  );
  printTable(
    ['request', 'n', 'p50 ms', 'p99 ms', 'max ms'],
    [
      ['POST /v1/promise-checks (promises handler)', n(result.check.count), ms(result.check.p50), ms(result.check.p99), ms(result.check.max)],
      ['GET /v1/scorecards/{month} (queries handler)', n(result.scorecard.count), ms(result.scorecard.p50), ms(result.scorecard.p99), ms(result.scorecard.max)],
    ],
  );
  const p99Ratio = result.check.p99 / result.scorecard.p99;
  console.log(
    `  ratio check / scorecard read: p50 ${(result.check.p50 / result.scorecard.p50).toFixed(2)}x, p99 ${p99Ratio.toFixed(2)}x ` +
      `(per round p99 ratio median ${result.p99Ratio.median.toFixed(2)}, p25 ${result.p99Ratio.p25.toFixed(2)}, p75 ${result.p99Ratio.p75.toFixed(2)}) ` +
      `${p99Ratio <= TARGET_CHECK_P99 ? 'within' : 'OVER'} the ${TARGET_CHECK_P99}x target`,
  );
  console.log(
    `  close vs raw conditional PutItem: ${options.appendWarmup} warm-up ops, ${options.appendRounds} interleaved rounds of ${options.appendPerRound} ops each, ${options.concurrency} in flight; ` +
      `item ~${result.itemBytes} bytes, the same item for both; engagement recorded ${JSON.stringify(result.engagement)}`,
  );
  console.log(`  raw conditional PutItem                          ${rate(result.rawPutsPerSecond)}`);
  console.log(`  POST /v1/deals, rules in force, ${n(result.openDeals)} open   ${rate(result.closeDealPerSecond)}`);
  const c = result.closeDealCost;
  console.log(
    `      cost ${c.median.toFixed(2)}x raw (p25 ${c.p25.toFixed(2)}, p75 ${c.p75.toFixed(2)}) ${c.median <= TARGET_CLOSE_COST ? 'within' : 'OVER'} the ${TARGET_CLOSE_COST}x target`,
  );
  if (result.errors) console.log(`  ERRORS: ${result.errors} requests not answered 200`);
  return result.errors === 0;
};

const coldBench = async () => {
  const samples = setting('BENCH_COLD_SAMPLES', 9);
  console.log(
    `Cold start: each Lambda entry bundled with the CDK's options (infra/constructs/lambdaBundling.ts), imported by a fresh node process, timed in that process's CPU time ` +
      `(${samples} interleaved samples each, median), in the functions' runtime environment (no source maps read at start) ` +
      `and with --enable-source-maps; ${BASELINE} is a bundle of @aws-sdk/client-dynamodb alone, run as an API function; ` +
      `${TRIMMED_BASELINE} is that client with only the environment's credentials, as our functions ship it`,
  );
  const bundles = await runColdStartBench({ samples });
  const baseline = bundles.find((bundle) => bundle.name === BASELINE)!;
  const kb = (bytes: number) => `${n(bytes / 1024)} KB`;
  printTable(
    ['bundle', 'kind', 'size', 'map', 'zod locales', 'import CPU ms (p25-p75)', 'vs baseline', `target ${TARGET_COLD_RATIO}x`, 'CPU ms with source maps'],
    bundles.map((bundle) => {
      const ratio = bundle.importMs.median / baseline.importMs.median;
      return [
        bundle.name,
        bundle.kind,
        kb(bundle.bytes),
        kb(bundle.mapBytes),
        `${bundle.zodLocales.files} (${kb(bundle.zodLocales.bytes)})`,
        `${bundle.importMs.median.toFixed(1)} (${bundle.importMs.p25.toFixed(1)}-${bundle.importMs.p75.toFixed(1)})`,
        `${ratio.toFixed(2)}x`,
        bundle === baseline || bundle.name === TRIMMED_BASELINE ? '' : ratio <= TARGET_COLD_RATIO ? 'within' : 'OVER',
        bundle.importMsWithSourceMaps.toFixed(1),
      ];
    }),
  );
};

const foldBench = () => {
  const deals = setting('BENCH_FOLD_DEALS', 5_000);
  const rounds = setting('BENCH_FOLD_ROUNDS', 5);
  const timeZone = process.env.BENCH_FOLD_TIME_ZONE ?? 'America/New_York';
  const history = generateHistory({ deals });
  console.log(
    `Scorecard fold, CPU only: ${n(history.items.length)} stored event items of ${n(deals)} deals (test/bench/history.ts), business time zone ${timeZone}; ` +
      `each step over all of them, ${rounds} interleaved rounds after a warm-up, median of this process's CPU time (user + system)`,
  );
  const result = runFoldBench({ history, timeZone, rounds });
  const floor = result.microsPerEvent.fold;
  printTable(
    ['step', 'CPU us/event', 'vs floor', `target ${TARGET_FOLD_MICROS} us`, 'rounds'],
    (Object.entries(FOLD_STEPS) as [keyof typeof FOLD_STEPS, string][]).map(([step, name]) => [
      name,
      result.microsPerEvent[step].toFixed(2),
      `${(result.microsPerEvent[step] / floor).toFixed(2)}x`,
      step === 'full' ? (result.microsPerEvent.full <= TARGET_FOLD_MICROS ? 'within' : 'OVER') : '',
      result.rounds[step].map((value) => value.toFixed(2)).join(' '),
    ]).concat([
      [
        'fold + contributions + documents beyond the read (full - parse, per round)',
        result.beyondRead.microsPerEvent.toFixed(2),
        '',
        result.beyondRead.microsPerEvent <= TARGET_FOLD_MICROS ? 'met' : 'OVER',
        result.beyondRead.rounds.map((value) => value.toFixed(2)).join(' '),
      ],
    ]),
  );
  console.log(`  ${n(result.streams)} streams; checksum ${result.checksum}`);
};

/** Without the projection benchmark, the read benchmark still needs projections: a rebuild makes them (not measured). */
const buildProjections = async (client: DynamoDBClient, stack: HistoryStack) => {
  const generations = new ActiveGeneration(client, stack.projectionsTable, 0);
  const result = await rebuildProjections({
    client,
    eventsTable: stack.eventsTable,
    projectionsTable: stack.projectionsTable,
    timeZone: TIME_ZONE,
    generations,
    catchUpProjector: (generation) =>
      createStreamProjector({
        client,
        tableName: stack.projectionsTable,
        eventStore: new DynamoEventStore(client, stack.eventsTable),
        timeZone: TIME_ZONE,
        generation: async () => generation,
      }),
    switchGraceMs: 0,
  });
  console.log(`\n(setup for reads: projections rebuilt into generation ${result.generation} in ${result.seconds.toFixed(1)} s)`);
};

/** `npm run bench` (BENCH=append,projection,read,promises,cost,e2e,rebuild,cold,fold to choose): measured on a fresh in-memory DynamoDB Local (cold and fold need none), never asserted in tests. */
const main = async () => {
  const started = process.hrtime.bigint();
  const benches = chosenBenches();
  let ok = true;
  if (benches.has('fold')) foldBench();
  if (benches.has('cold')) {
    if (benches.has('fold')) console.log('');
    await coldBench();
  }
  if ([...benches].every((name) => WITHOUT_DATABASE.includes(name))) {
    console.log(`\nbenchmarks ${[...benches].join(', ')} done in ${(Number(process.hrtime.bigint() - started) / 1e9 / 60).toFixed(1)} min`);
    return;
  }
  const database = await startDynamoDbLocal({ port: await freePort() });
  const newClient = () => createDynamoClient({ dynamoDbEndpoint: database.endpoint, region: 'us-east-1' });
  const client = newClient();
  try {
    if (benches.has('append')) await appendBench(client);
    if (benches.has('projection') || benches.has('read') || benches.has('rebuild')) {
      if (benches.has('append')) console.log('');
      const stack = await prepareHistory(client);
      if (benches.has('projection')) ok = (await projectionBench(client, newClient, stack)) && ok;
      else if (benches.has('read')) await buildProjections(client, stack);
      if (benches.has('read')) ok = (await readBench(client, newClient, stack)) && ok;
      if (benches.has('rebuild')) ok = (await rebuildBench(stack, newClient, TIME_ZONE, progress)) && ok;
    }
    if (benches.has('promises')) {
      if (benches.size > 1) console.log('');
      ok = (await promisesBench(client)) && ok;
    }
    if (benches.has('cost')) {
      if (benches.size > 1) console.log('');
      await costBench(client, newClient, TIME_ZONE);
    }
    if (benches.has('e2e')) {
      if (benches.size > 1) console.log('');
      ok = (await localStackBench(progress)) && ok;
    }
  } finally {
    client.destroy();
    await database.stop();
  }
  console.log(`\nbenchmarks ${[...benches].join(', ')} done in ${(Number(process.hrtime.bigint() - started) / 1e9 / 60).toFixed(1)} min`);
  if (!ok) {
    console.error('a sanity check failed: the numbers above are not to be trusted');
    process.exitCode = 1;
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
