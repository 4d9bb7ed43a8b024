import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import { logger } from './logger.ts';

/**
 * The product's CloudWatch metrics: names, dimensions and the helpers the handlers call.
 *
 * The alarms and the dashboard (infra/) import these constants, so a renamed metric breaks the
 * build instead of leaving an alarm watching a metric nobody emits. CloudWatch matches a metric
 * by its exact set of dimensions, so each metric below is always emitted with the same set: the
 * `service` dimension Powertools adds, plus the ones listed for it in `metricDimensions`.
 */

export const METRICS_NAMESPACE = 'Handshake';

/** Every metric is emitted with `service` = this (Powertools' default dimension). */
export const METRICS_SERVICE = 'handshake';

export const MetricName = {
  /** A command was decided and its events appended. Dimensions: CommandType. */
  commandAccepted: 'CommandAccepted',
  /** A command was refused (validation, role, business rule, conflict). Dimensions: CommandType, Reason. */
  commandRejected: 'CommandRejected',
  /** A delivery was recorded and the promise was kept (on time and as sold). */
  promiseKept: 'PromiseKept',
  /** A delivery was recorded and the promise was not kept. */
  promiseMissed: 'PromiseMissed',
  /** An NPS answer taken from a survey tool's webhook. Dimensions: Provider. */
  webhookAccepted: 'WebhookAccepted',
  /** A webhook refused because its signature did not verify: misconfigured or forged. Dimensions: Provider. */
  webhookRejected: 'WebhookRejected',
  /** A webhook repeating an answer already recorded, acknowledged and ignored. Dimensions: Provider. */
  webhookDuplicate: 'WebhookDuplicate',
  /** NPS answers recorded, by category; NPS = (promoters - detractors) / all x 100. Dimensions: NpsCategory. */
  npsResponses: 'NpsResponses',
  /** Stream batches the projector handled. */
  projectorBatches: 'ProjectorBatches',
  /** Stream records the projector reported as failed (retried, then dead-lettered). */
  projectorRecordsFailed: 'ProjectorRecordsFailed',
  /** Now minus the newest projected record's recordedAt: how stale the read models are. */
  projectionLag: 'ProjectionLag',
  /** Domain events EventBridge still refused after retries (parked on the publish dead-letter queue). */
  publishFailures: 'PublishFailures',
  /** Months closed (scheduled or on request). */
  monthCloses: 'MonthCloses',
  /** Month closes that threw: the month stays open and payroll has no report until one succeeds. */
  monthCloseFailures: 'MonthCloseFailures',
  /** The joint incentive pool of a month as computed, in minor units. Dimensions: Currency. */
  poolTotal: 'PoolTotal',
} as const;
export type MetricName = (typeof MetricName)[keyof typeof MetricName];

export const Dimension = {
  service: 'service',
  commandType: 'CommandType',
  reason: 'Reason',
  provider: 'Provider',
  npsCategory: 'NpsCategory',
  currency: 'Currency',
} as const;
export type Dimension = (typeof Dimension)[keyof typeof Dimension];

/** The dimensions each metric carries besides `service`: the alarms and dashboard rely on exactly these. */
export const metricDimensions: Record<MetricName, readonly Dimension[]> = {
  [MetricName.commandAccepted]: [Dimension.commandType],
  [MetricName.commandRejected]: [Dimension.commandType, Dimension.reason],
  [MetricName.promiseKept]: [],
  [MetricName.promiseMissed]: [],
  [MetricName.webhookAccepted]: [Dimension.provider],
  [MetricName.webhookRejected]: [Dimension.provider],
  [MetricName.webhookDuplicate]: [Dimension.provider],
  [MetricName.npsResponses]: [Dimension.npsCategory],
  [MetricName.projectorBatches]: [],
  [MetricName.projectorRecordsFailed]: [],
  [MetricName.projectionLag]: [],
  [MetricName.publishFailures]: [],
  [MetricName.monthCloses]: [],
  [MetricName.monthCloseFailures]: [],
  [MetricName.poolTotal]: [Dimension.currency],
};

type Unit = (typeof MetricUnit)[keyof typeof MetricUnit];
export const metricUnits: Record<MetricName, Unit> = {
  ...(Object.fromEntries(Object.values(MetricName).map((name) => [name, MetricUnit.Count])) as Record<MetricName, Unit>),
  [MetricName.projectionLag]: MetricUnit.Milliseconds,
  // Minor units of a currency: CloudWatch has no money unit.
  [MetricName.poolTotal]: MetricUnit.NoUnit,
};

export type WebhookOutcome = 'accepted' | 'rejected' | 'duplicate';
const webhookMetric: Record<WebhookOutcome, MetricName> = {
  accepted: MetricName.webhookAccepted,
  rejected: MetricName.webhookRejected,
  duplicate: MetricName.webhookDuplicate,
};

export type NpsCategory = 'promoter' | 'passive' | 'detractor';
export const npsCategories: readonly NpsCategory[] = ['promoter', 'passive', 'detractor'];
const npsCategoryOf = (score: number): NpsCategory => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');

/** A Powertools Metrics instance in the product's namespace, with `service` as its default dimension. */
export const createMetrics = (): Metrics => new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });

/** One data point, held until the invocation that recorded it ends. */
interface DataPoint {
  name: MetricName;
  value: number;
  dimensions: Partial<Record<Dimension, string>>;
}

/**
 * What the handlers call. Recording only remembers the data point, so the request path pays no I/O
 * and no await; `flush()` writes them when the invocation ends, each as its own EMF line through the
 * one Metrics instance (stored, then Powertools' publishStoredMetrics), so metrics with different
 * dimensions never share a line and each keeps exactly its set. On Lambda the line goes to the
 * function's log and CloudWatch turns it into the metric; locally it goes to stdout, where a test or
 * an operator can read it. POWERTOOLS_METRICS_DISABLED=true silences them (as does POWERTOOLS_DEV,
 * unless POWERTOOLS_METRICS_DISABLED=false).
 */
export const metricsRecorder = (metrics: Metrics = createMetrics()) => {
  let pending: DataPoint[] = [];
  const emit = (name: MetricName, value: number, dimensions: Partial<Record<Dimension, string>> = {}): void => {
    const missing = metricDimensions[name].filter((dimension) => !dimensions[dimension]);
    if (missing.length) throw new Error(`metric ${name} needs dimension(s) ${missing.join(', ')}`);
    pending.push({ name, value, dimensions });
  };
  return {
    commandAccepted: (commandType: string) => emit(MetricName.commandAccepted, 1, { CommandType: commandType }),
    commandRejected: (commandType: string, reason: string) =>
      emit(MetricName.commandRejected, 1, { CommandType: commandType, Reason: reason }),
    promiseOutcome: (kept: boolean) => emit(kept ? MetricName.promiseKept : MetricName.promiseMissed, 1),
    webhook: (provider: string, outcome: WebhookOutcome) => emit(webhookMetric[outcome], 1, { Provider: provider }),
    npsResponse: (score: number) => emit(MetricName.npsResponses, 1, { NpsCategory: npsCategoryOf(score) }),
    /** One projector invocation: the batch, its failed records, and how far behind the newest record is. */
    projectorBatch: (batch: { failedRecords: number; newestRecordedAt?: string; now: Date }) => {
      emit(MetricName.projectorBatches, 1);
      emit(MetricName.projectorRecordsFailed, batch.failedRecords);
      if (batch.newestRecordedAt) {
        emit(MetricName.projectionLag, Math.max(0, batch.now.getTime() - Date.parse(batch.newestRecordedAt)));
      }
    },
    publishFailures: (count: number) => emit(MetricName.publishFailures, count),
    monthClose: (outcome: 'closed' | 'failed') => emit(outcome === 'closed' ? MetricName.monthCloses : MetricName.monthCloseFailures, 1),
    poolTotal: (amountMinor: number, currency: string) => emit(MetricName.poolTotal, amountMinor, { Currency: currency }),
    /** Writes every data point recorded since the last flush, one EMF line each. */
    flush: (): void => {
      const points = pending;
      pending = [];
      for (const { name, value, dimensions } of points) {
        try {
          for (const dimension of metricDimensions[name]) metrics.addDimension(dimension, dimensions[dimension]!);
          metrics.addMetric(name, metricUnits[name], value);
          metrics.publishStoredMetrics();
        } catch (error) {
          // A metric Powertools refuses must not fail the work it measured, which is done by now.
          metrics.clearMetrics();
          metrics.clearDimensions();
          logger.warn('metric not written', { metric: name, value, error: error as Error });
        }
      }
    },
  };
};
export type MetricsRecorder = ReturnType<typeof metricsRecorder>;

let processRecorder: MetricsRecorder | undefined;

/**
 * The process's recorder: one Powertools Metrics instance per Lambda container (or local runtime),
 * made when first asked for, so the environment that switches metrics off is read by then.
 */
export const processMetrics = (): MetricsRecorder => (processRecorder ??= metricsRecorder());

/** The handler, writing the metrics recorded while it ran once each invocation ends, thrown or not. */
export const flushingMetrics =
  <A extends unknown[], R>(metrics: MetricsRecorder, handler: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    try {
      return await handler(...args);
    } finally {
      metrics.flush();
    }
  };
