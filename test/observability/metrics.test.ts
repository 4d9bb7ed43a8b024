import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Dimension,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  MetricName,
  metricDimensions,
  metricsRecorder,
  type MetricsRecorder,
} from '../../functions/observability/metrics.ts';

type EmfLine = {
  _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [key: string]: unknown;
};

/** Every EMF line written to stdout while `act` records and its invocation ends: what CloudWatch would read from the log. */
const emfLinesOf = (act: (metrics: MetricsRecorder) => void): EmfLine[] => {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    const metrics = metricsRecorder();
    act(metrics);
    metrics.flush();
  } finally {
    spy.mockRestore();
  }
  return written
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as EmfLine)
    .filter((line) => line._aws !== undefined);
};

const metricOf = (line: EmfLine) => line._aws.CloudWatchMetrics[0]!;

describe('metrics emitted locally', () => {
  beforeEach(() => {
    // The local runtime may run in Powertools dev mode; metrics must still reach the log there.
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('given a rejected command, when recorded, then one EMF line names the namespace, the metric and its dimensions', () => {
    const lines = emfLinesOf((metrics) => metrics.commandRejected('CloseDeal', 'validation'));

    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(metricOf(line!)).toEqual({
      Namespace: METRICS_NAMESPACE,
      Dimensions: [expect.arrayContaining([Dimension.service, Dimension.commandType, Dimension.reason])],
      Metrics: [{ Name: MetricName.commandRejected, Unit: 'Count' }],
    });
    expect(line).toMatchObject({ service: METRICS_SERVICE, CommandType: 'CloseDeal', Reason: 'validation', CommandRejected: 1 });
  });

  it('given webhooks of each outcome, when recorded, then each is its own metric with the provider as dimension', () => {
    const lines = emfLinesOf((metrics) => {
      metrics.webhook('typeform', 'accepted');
      metrics.webhook('typeform', 'rejected');
      metrics.webhook('delighted', 'duplicate');
    });

    expect(lines.map((line) => [metricOf(line).Metrics[0]!.Name, line.Provider])).toEqual([
      [MetricName.webhookAccepted, 'typeform'],
      [MetricName.webhookRejected, 'typeform'],
      [MetricName.webhookDuplicate, 'delighted'],
    ]);
  });

  it('given a projected batch, when recorded, then the batch, its failures and the lag behind the newest record are emitted', () => {
    const lines = emfLinesOf((metrics) =>
      metrics.projectorBatch({
        failedRecords: 2,
        newestRecordedAt: '2026-10-01T12:00:00.000Z',
        now: new Date('2026-10-01T12:00:01.500Z'),
      }),
    );

    const values = Object.fromEntries(lines.map((line) => [metricOf(line).Metrics[0]!.Name, line[metricOf(line).Metrics[0]!.Name]]));
    expect(values).toEqual({
      [MetricName.projectorBatches]: 1,
      [MetricName.projectorRecordsFailed]: 2,
      [MetricName.projectionLag]: 1500,
    });
    const lag = lines.find((line) => metricOf(line).Metrics[0]!.Name === MetricName.projectionLag)!;
    expect(metricOf(lag).Metrics[0]!.Unit).toBe('Milliseconds');
  });

  it('given NPS answers, when recorded, then each lands in its category', () => {
    const lines = emfLinesOf((metrics) => {
      for (const score of [10, 9, 8, 7, 6, 0]) metrics.npsResponse(score);
    });

    expect(lines.map((line) => line.NpsCategory)).toEqual(['promoter', 'promoter', 'passive', 'passive', 'detractor', 'detractor']);
  });

  it('given every helper, when each is called once, then every emitted metric carries exactly service plus its declared dimensions', () => {
    const lines = emfLinesOf((metrics) => {
      metrics.commandAccepted('Deliver');
      metrics.commandRejected('Deliver', 'conflict');
      metrics.promiseOutcome(true);
      metrics.promiseOutcome(false);
      metrics.webhook('delighted', 'accepted');
      metrics.npsResponse(9);
      metrics.projectorBatch({ failedRecords: 0, newestRecordedAt: '2026-10-01T00:00:00Z', now: new Date('2026-10-01T00:00:00Z') });
      metrics.publishFailures(3);
      metrics.monthClose('closed');
      metrics.monthClose('failed');
      metrics.poolTotal(1_234_500, 'USD');
    });

    const seen = new Set<string>();
    for (const line of lines) {
      const { Dimensions, Metrics } = metricOf(line);
      const name = Metrics[0]!.Name as MetricName;
      seen.add(name);
      expect([...Dimensions[0]!].sort(), name).toEqual([Dimension.service, ...metricDimensions[name]].sort());
    }
    expect([...seen].sort()).toEqual(
      Object.values(MetricName)
        .filter((name) => name !== MetricName.webhookRejected && name !== MetricName.webhookDuplicate)
        .sort(),
    );
  });

  it('given a metric missing a dimension it needs, when recorded, then it throws rather than emit a metric no alarm matches', () => {
    expect(() => emfLinesOf((metrics) => metrics.commandAccepted(''))).toThrow(/CommandType/);
  });

  it('given metrics switched off, when recorded, then nothing reaches the log', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');

    const lines = emfLinesOf((metrics) => metrics.monthClose('closed'));

    expect(lines).toEqual([]);
  });
});
