import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import {
  Dimension,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  metricDimensions,
  type MetricName,
} from '../../functions/observability/metrics.ts';

/**
 * A metric the running code emits (functions/observability/metrics.ts), as CloudWatch stores it:
 * an alarm or graph only sees data points whose dimensions match exactly, so the dimensions given
 * here must be the ones the code emits the metric with, and synth fails otherwise.
 */
export const productMetric = (
  name: MetricName,
  options: { dimensions?: Partial<Record<Dimension, string>>; statistic?: string; period?: Duration; label?: string } = {},
): cloudwatch.Metric => {
  const given = Object.keys(options.dimensions ?? {}).sort();
  const expected = [...metricDimensions[name]].sort();
  if (given.join() !== expected.join()) {
    throw new Error(`metric ${name} is emitted with dimensions [${expected.join(', ')}], not [${given.join(', ')}]`);
  }
  return new cloudwatch.Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { [Dimension.service]: METRICS_SERVICE, ...(options.dimensions as Record<string, string> | undefined) },
    statistic: options.statistic ?? cloudwatch.Stats.SUM,
    period: options.period ?? Duration.minutes(5),
    ...(options.label ? { label: options.label } : {}),
  });
};
