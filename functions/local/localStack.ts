import { join } from 'node:path';
import { projectorHandler, weeklyBriefScheduleHandler } from '../handlers/composition.ts';
import { escalationSweepHandler } from '../handlers/escalationSweepWiring.ts';
import { briefTick } from './briefTimer.ts';
import { everyInterval } from './localTimer.ts';
import { composeLocally, serveComposition, type LocalRuntimeOptions, type RunningApi } from './localApi.ts';
import { startLocalPublishing, startStreamConsumers, type LocalPublishing } from './streamConsumers.ts';

export interface LocalStackOptions extends LocalRuntimeOptions {
  /** DynamoDB Local's endpoint, which also serves its Streams API. */
  endpoint: string;
  timeZone: string;
  port: number;
  host?: string;
  /** Dead letters, stream checkpoints, the bus's record, issued reports (reports/) and weekly briefs (briefs/) live here. */
  dataDir: string;
  /** Publish every event to a local EventBridge bus (the second stream consumer). */
  publishing?: { port?: number };
  pollIntervalMs?: number;
  /** How long the projector gathers stream records before projecting them (default PROJECTOR_BATCHING_WINDOW_MS). */
  projectorBatchingWindowMs?: number;
  persistCheckpoints?: boolean;
  /** Sweep open escalations this often, as the AWS schedule does every 15 minutes (default: never). */
  sweepIntervalMs?: number;
  /** Look this often whether Monday 06:00 has passed and the last week's brief is due, as the AWS schedule runs it (default: never). */
  briefIntervalMs?: number;
}

export interface LocalStack {
  api: RunningApi;
  publishing?: LocalPublishing;
  /** Resolves once every event written so far has been projected (and published). */
  drain: (timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * DynamoDB Local is one process serving one database: the projector's transactions queue with the
 * commands' PutItems. Projecting each read's one or two records costs a transaction of several items
 * per event; gathering half a second of records sums the shared counters (the org, team and month
 * buckets) into one write per batch, which leaves the database to the commands (BENCH=e2e).
 */
export const PROJECTOR_BATCHING_WINDOW_MS = 500;

/**
 * What AWS runs, on one machine: the HTTP functions behind the API Gateway adapter, and the stream
 * consumers (projector, publisher) fed by DynamoDB Local's real stream, as event source mappings would.
 */
export const startLocalStack = async (options: LocalStackOptions): Promise<LocalStack> => {
  const composition = composeLocally({ ...options, reportsDir: join(options.dataDir, 'reports'), briefsDir: join(options.dataDir, 'briefs') });
  const publishing = options.publishing ? await startLocalPublishing({ dataDir: options.dataDir, port: options.publishing.port }) : undefined;
  const streams = await startStreamConsumers({
    client: options.client,
    endpoint: options.endpoint,
    eventsTable: options.eventsTable,
    dataDir: options.dataDir,
    consumers: [
      {
        name: 'projector',
        handler: projectorHandler(composition),
        batchingWindowMs: options.projectorBatchingWindowMs ?? PROJECTOR_BATCHING_WINDOW_MS,
      },
      ...(publishing ? [publishing.consumer] : []),
    ],
    pollIntervalMs: options.pollIntervalMs,
    persistCheckpoints: options.persistCheckpoints,
  });
  const api = await serveComposition(composition, options);
  const sweep = escalationSweepHandler(composition);
  const sweeping = everyInterval(options.sweepIntervalMs, () => sweep(), 'escalation sweep');
  const briefing = everyInterval(
    options.briefIntervalMs,
    briefTick(weeklyBriefScheduleHandler(composition), options.timeZone, options.now ?? (() => new Date())),
    'weekly brief',
  );
  return {
    api,
    publishing,
    drain: (timeoutMs) => streams.drain(timeoutMs),
    close: async () => {
      await api.close();
      await sweeping.stop();
      await briefing.stop();
      // Consumers stop before the database so in-flight batches finish and checkpoints are saved.
      await streams.stop();
      await publishing?.close();
    },
  };
};
