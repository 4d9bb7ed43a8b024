import { isDealEvent } from '../../domain/events.ts';
import { deepStrictEqual } from 'node:assert/strict';
import { Agent, get } from 'node:http';
import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Month } from '../../domain/calendar.ts';
import type { RecordedDealEvent } from '../../domain/envelope.ts';
import { forecastSection, sumOfCallers, type ForecastSection, type MonthCall } from '../../domain/forecasts/forecastSection.ts';
import type { Dimension } from '../../domain/scorecard/dimensions.ts';
import { readScorecard, type Scorecard } from '../../domain/scorecard/scorecard.ts';
import { readStoredItem } from '../../functions/eventStore/dynamoEventStore.ts';
import { mintDevToken } from '../../functions/local/devSigningKey.ts';
import { serveLocalApi } from '../../functions/local/localApi.ts';
import { ledgerCountersOf, ledgerOf, monthCountersOf, monthCountsOf, type Counters } from '../../functions/projections/scorecardCounters.ts';
import { Rng } from './history.ts';
import { contributionsOfStream } from './projectionBench.ts';
import { quantile, secondsSince } from './stats.ts';


export interface Latency {
  count: number;
  p50: number;
  p99: number;
  min: number;
  max: number;
}

const latencyOf = (ms: number[]): Latency => ({
  count: ms.length,
  p50: quantile(ms, 0.5),
  p99: quantile(ms, 0.99),
  min: Math.min(...ms),
  max: Math.max(...ms),
});

/** Folded scorecard counters of one month for every dimension, as the projection would hold them. */
export interface FoldedMonth {
  buckets: Map<Dimension, Counters>;
  ledgers: Map<Dimension, Counters>;
  events: number;
  deals: number;
}

const addInto = (into: Map<Dimension, Counters>, dimension: Dimension, counters: Counters) => {
  let total = into.get(dimension);
  if (!total) into.set(dimension, (total = {}));
  for (const [name, amount] of Object.entries(counters)) total[name] = (total[name] ?? 0) + amount;
};

/**
 * The scorecard without a projection: the events table has no index by month, and a month's
 * scorecard depends on deals closed before it and on facts recorded after it (a customer's later
 * date moves what was due), so every event is read (a parallel Scan), every stream folded, and only
 * the month's buckets and the commitment ledgers are kept.
 */
export const foldMonth = async (client: DynamoDBClient, eventsTable: string, month: Month, timeZone: string, segments = 4): Promise<FoldedMonth> => {
  const streams = new Map<string, RecordedDealEvent[]>();
  let events = 0;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({ TableName: eventsTable, Segment: segment, TotalSegments: segments, ConsistentRead: true, ExclusiveStartKey: startKey }),
        );
        for (const item of page.Items ?? []) {
          const { event } = readStoredItem(item);
          if (!isDealEvent(event)) continue;
          const stream = streams.get(event.streamId);
          if (stream) stream.push(event);
          else streams.set(event.streamId, [event]);
        }
        events += page.Items?.length ?? 0;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    }),
  );
  const buckets = new Map<Dimension, Counters>();
  const ledgers = new Map<Dimension, Counters>();
  for (const [streamId, stream] of streams) {
    stream.sort((a, b) => a.version - b.version);
    const contributions = contributionsOfStream(streamId, stream, timeZone);
    const monthCounters = monthCountersOf(contributions.months[month] ?? {});
    const ledgerCounters = ledgerCountersOf(contributions.ledger);
    for (const dimension of contributions.dimensions) {
      if (Object.keys(ledgerCounters).length) addInto(ledgers, dimension, ledgerCounters);
      if (Object.keys(monthCounters).length) addInto(buckets, dimension, monthCounters);
    }
  }
  return { buckets, ledgers, events, deals: [...streams.keys()].filter((id) => id.startsWith('deal#')).length };
};

/**
 * What `GET /v1/scorecards/{month}` answers, from the fold. The seeded history holds no forecasts, so
 * the forecast section has no call: a person's shows what they closed, a team's or the organisation's
 * sums nobody (only people who called count).
 */
export const foldedScorecard = (folded: FoldedMonth, month: Month, dimension: Dimension, currency: string): Scorecard & { forecast: ForecastSection } => {
  const counts = monthCountsOf(folded.buckets.get(dimension) ?? {});
  const closedBy = (asked: Month): MonthCall => ({ call: null, actual: asked === month ? (counts.revenue?.[currency] ?? 0) : 0 });
  return {
    ...readScorecard({ month, dimension, counts, ledger: ledgerOf(folded.ledgers.get(dimension) ?? {}), currency }),
    forecast: forecastSection(month, currency, dimension.startsWith('person:') ? closedBy : () => sumOfCallers([])),
  };
};

export interface ReadBenchOptions {
  eventsTable: string;
  projectionsTable: string;
  /** The API's own client, as the queries Lambda has its own. */
  apiClient: DynamoDBClient;
  months: Month[];
  teams: readonly string[];
  people: readonly string[];
  /** The month the fold computes, and whose answers are compared. */
  foldMonth: Month;
  compareDimensions: Dimension[];
  timeZone: string;
  currency: string;
  clients: number;
  requests: number;
  warmup: number;
  singleClientRequests: number;
  rounds: number;
  foldSegments: number;
  seed?: number;
}

export interface ReadBenchResult {
  concurrent: Latency & { requestsPerSecond: number; roundRates: number[] };
  singleClient: Latency;
  fold: Latency & { events: number; deals: number };
  compared: { dimension: Dimension; equal: boolean }[];
  errors: number;
}

/**
 * Scorecard reads through the real queries handler behind the local API (JWT check, routing, one
 * BatchGetItem) with many clients at once, beside the same scorecard folded from every event.
 * They run in interleaved rounds: a slice of API requests, a single-client slice, one fold.
 */
export const runScorecardReadBench = async (client: DynamoDBClient, options: ReadBenchOptions): Promise<ReadBenchResult> => {
  const api = await serveLocalApi({ client: options.apiClient, eventsTable: options.eventsTable, projectionsTable: options.projectionsTable, port: 0 });
  // Node closes idle keep-alive connections after 5 s, which the folds outlast: a request racing that close
  // would fail with ECONNRESET. The clients keep their connections, as a browser or a gateway would.
  api.server.keepAliveTimeout = 10 * 60_000;
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  const authorization = `Bearer ${await mintDevToken({ sub: 'P-BENCH-ADMIN', roles: ['admin'] })}`;
  let errors = 0;
  const fetchJson = (path: string) =>
    new Promise<{ status: number; body: string }>((done, fail) => {
      get(`${api.url}${path}`, { agent, headers: { authorization } }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, body }));
        response.on('error', fail);
      }).on('error', fail);
    });
  const scorecardPath = (month: Month, dimension: Dimension) => `/v1/scorecards/${month}?dimension=${encodeURIComponent(dimension)}`;

  // A fixed mix: a third organisation, a third team, a third person scorecards, any month.
  const rng = new Rng(options.seed ?? 7);
  const nextPath = () => {
    const roll = rng.int(0, 2);
    const dimension: Dimension = roll === 0 ? 'org' : roll === 1 ? `team:${rng.pick(options.teams)}` : `person:${rng.pick(options.people)}`;
    return scorecardPath(rng.pick(options.months), dimension);
  };
  const timedRequest = async (latencies: number[]) => {
    const path = nextPath();
    const started = process.hrtime.bigint();
    const { status } = await fetchJson(path);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (status !== 200) errors += 1;
  };
  const run = async (count: number, concurrency: number, latencies: number[]) => {
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          next += 1;
          await timedRequest(latencies);
        }
      }),
    );
    return count / secondsSince(started);
  };

  try {
    // Warm the server, the handler, the SDK's connections and DynamoDB Local; not counted.
    await run(options.warmup, options.clients, []);
    await run(Math.min(50, options.warmup), 1, []);
    const foldWarm = await foldMonth(client, options.eventsTable, options.foldMonth, options.timeZone, options.foldSegments);

    const concurrent: number[] = [];
    const single: number[] = [];
    const folds: number[] = [];
    const roundRates: number[] = [];
    let folded = foldWarm;
    for (let round = 0; round < options.rounds; round++) {
      const requests = async () => {
        roundRates.push(await run(Math.round(options.requests / options.rounds), options.clients, concurrent));
        await run(Math.round(options.singleClientRequests / options.rounds), 1, single);
      };
      const fold = async () => {
        const started = process.hrtime.bigint();
        folded = await foldMonth(client, options.eventsTable, options.foldMonth, options.timeZone, options.foldSegments);
        folds.push(secondsSince(started) * 1000);
      };
      if (round % 2 === 0) {
        await requests();
        await fold();
      } else {
        await fold();
        await requests();
      }
    }

    const compared = [];
    for (const dimension of options.compareDimensions) {
      const answer = await fetchJson(scorecardPath(options.foldMonth, dimension));
      const expected = JSON.parse(JSON.stringify(foldedScorecard(folded, options.foldMonth, dimension, options.currency))) as unknown;
      let equal = answer.status === 200;
      try {
        deepStrictEqual(JSON.parse(answer.body), expected);
      } catch {
        equal = false;
      }
      compared.push({ dimension, equal });
    }
    return {
      concurrent: { ...latencyOf(concurrent), requestsPerSecond: quantile(roundRates, 0.5), roundRates },
      singleClient: latencyOf(single),
      fold: { ...latencyOf(folds), events: folded.events, deals: folded.deals },
      compared,
      errors,
    };
  } finally {
    agent.destroy();
    await api.close();
  }
};
