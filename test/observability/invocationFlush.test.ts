import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MetricName, flushingMetrics, metricsRecorder } from '../../functions/observability/metrics.ts';
import { metricsWrittenDuring } from './emfLines.ts';

describe('metrics written when the invocation ends', () => {
  beforeEach(() => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('given a handler recording a metric, when it is still running, then nothing is written until it returns', async () => {
    const metrics = metricsRecorder();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handler = flushingMetrics(metrics, async () => {
      metrics.commandAccepted('HandOff');
      await gate;
      return 'answered';
    });
    let running!: Promise<string>;

    const whileRunning = await metricsWrittenDuring(async () => {
      running = handler();
      await new Promise((resolve) => setImmediate(resolve));
    });
    const ended = await metricsWrittenDuring(async () => {
      release();
      return running;
    });

    expect(whileRunning.metrics).toEqual([]);
    expect(ended.result).toBe('answered');
    expect(ended.metrics).toEqual([{ name: MetricName.commandAccepted, unit: 'Count', value: 1, dimensions: { CommandType: 'HandOff' } }]);
  });

  it('given a handler that throws after recording, when the invocation ends, then the metric is still written and the error still thrown', async () => {
    const metrics = metricsRecorder();
    const handler = flushingMetrics(metrics, async () => {
      metrics.monthClose('failed');
      throw new Error('the close failed');
    });

    const { result, metrics: written } = await metricsWrittenDuring(() => handler().catch((error: Error) => error.message));

    expect(result).toBe('the close failed');
    expect(written.map((metric) => metric.name)).toEqual([MetricName.monthCloseFailures]);
  });

  it('given two invocations, when each ends, then each writes only what it recorded', async () => {
    const metrics = metricsRecorder();
    const handler = flushingMetrics(metrics, async (count: number) => metrics.publishFailures(count));

    const first = await metricsWrittenDuring(() => handler(2));
    const second = await metricsWrittenDuring(() => handler(5));

    expect(first.metrics.map((metric) => metric.value)).toEqual([2]);
    expect(second.metrics.map((metric) => metric.value)).toEqual([5]);
  });
});
