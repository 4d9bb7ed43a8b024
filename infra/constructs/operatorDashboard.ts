import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { Route } from '../../functions/http/routes.ts';
import type { NpsProviderName } from '../../functions/nps/webhookSecrets.ts';
import { Dimension, METRICS_NAMESPACE, MetricName, metricDimensions } from '../../functions/observability/metrics.ts';
import type { DeadLetterQueue } from './deadLetterQueue.ts';
import type { HttpApi } from './httpApi.ts';
import { productMetric } from './productMetrics.ts';

export interface OperatorDashboardProps {
  readonly httpApi: HttpApi;
  readonly routes: readonly Route[];
  readonly commandsFunction: lambda.IFunction;
  readonly projector: lambda.IFunction;
  readonly deadLetterQueues: Readonly<Record<string, DeadLetterQueue>>;
  readonly npsProviders: readonly NpsProviderName[];
  /** The currency the incentive pool is counted in (the pool metric's Currency dimension). */
  readonly currency: string;
}

const fiveMinutes = Duration.minutes(5);

/**
 * A CloudWatch SEARCH over one of the product's metrics, one line per value of its dimensions:
 * command types and rejection reasons are open-ended, so they cannot be listed here.
 */
const searchOf = (name: MetricName, label: string): cloudwatch.MathExpression =>
  new cloudwatch.MathExpression({
    expression: `SEARCH('{${METRICS_NAMESPACE},${[Dimension.service, ...metricDimensions[name]].join(',')}} MetricName="${name}"', 'Sum', 300)`,
    usingMetrics: {},
    label,
    period: fiveMinutes,
  });

/**
 * One page for the operator and the business: is the product healthy (commands, projection lag,
 * dead letters, webhooks, latency per route), and is it doing what it is for (promises kept,
 * NPS, the pool so far).
 */
export class OperatorDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: OperatorDashboardProps) {
    super(scope, id);

    const promoters = productMetric(MetricName.npsResponses, { dimensions: { NpsCategory: 'promoter' }, label: 'promoters' });
    const passives = productMetric(MetricName.npsResponses, { dimensions: { NpsCategory: 'passive' }, label: 'passives' });
    const detractors = productMetric(MetricName.npsResponses, { dimensions: { NpsCategory: 'detractor' }, label: 'detractors' });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      // The business row sums over the whole range shown: a month by default.
      defaultInterval: Duration.days(30),
      widgets: [
        [
          new cloudwatch.TextWidget({
            markdown: '## The business, over the time range shown (default: the last 30 days)',
            width: 24,
            height: 1,
          }),
        ],
        [
          new cloudwatch.SingleValueWidget({
            title: 'Promises kept / missed',
            metrics: [
              productMetric(MetricName.promiseKept, { label: 'kept' }),
              productMetric(MetricName.promiseMissed, { label: 'missed' }),
            ],
            setPeriodToTimeRange: true,
            width: 8,
          }),
          new cloudwatch.SingleValueWidget({
            title: 'NPS',
            metrics: [
              new cloudwatch.MathExpression({
                expression: 'IF(promoters + passives + detractors > 0, 100 * (promoters - detractors) / (promoters + passives + detractors), 0)',
                usingMetrics: { promoters, passives, detractors },
                label: 'NPS (promoters % - detractors %)',
              }),
            ],
            setPeriodToTimeRange: true,
            width: 8,
          }),
          new cloudwatch.SingleValueWidget({
            title: `Pool so far (${props.currency} minor units)`,
            metrics: [
              productMetric(MetricName.poolTotal, {
                dimensions: { Currency: props.currency },
                statistic: cloudwatch.Stats.MAXIMUM,
                label: 'pool',
              }),
            ],
            setPeriodToTimeRange: true,
            width: 8,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Commands accepted, by type',
            left: [searchOf(MetricName.commandAccepted, 'accepted')],
            width: 8,
          }),
          new cloudwatch.GraphWidget({
            title: 'Commands rejected, by type and reason',
            left: [searchOf(MetricName.commandRejected, 'rejected')],
            width: 8,
          }),
          new cloudwatch.GraphWidget({
            title: 'Commands function errors',
            left: [props.commandsFunction.metricErrors({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM })],
            width: 8,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Projection lag (ms)',
            left: [
              productMetric(MetricName.projectionLag, { statistic: cloudwatch.Stats.MAXIMUM, label: 'lag max' }),
              productMetric(MetricName.projectionLag, { statistic: cloudwatch.Stats.p(99), label: 'lag p99' }),
              props.projector.metric('IteratorAge', { period: fiveMinutes, statistic: cloudwatch.Stats.MAXIMUM, label: 'iterator age' }),
            ],
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Dead-letter queue depths',
            left: Object.entries(props.deadLetterQueues).map(([name, dlq]) =>
              dlq.queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: cloudwatch.Stats.MAXIMUM, label: name }),
            ),
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'NPS webhooks by provider: accepted, rejected (bad signature), duplicate',
            left: props.npsProviders.flatMap((provider) =>
              (
                [
                  [MetricName.webhookAccepted, 'accepted'],
                  [MetricName.webhookRejected, 'rejected'],
                  [MetricName.webhookDuplicate, 'duplicate'],
                ] as const
              ).map(([name, outcome]) => productMetric(name, { dimensions: { Provider: provider }, label: `${provider} ${outcome}` })),
            ),
            width: 12,
          }),
          new cloudwatch.GraphWidget({
            title: 'Projector batches and failed records; publish failures',
            left: [
              productMetric(MetricName.projectorBatches, { label: 'batches' }),
              productMetric(MetricName.projectorRecordsFailed, { label: 'failed records' }),
              productMetric(MetricName.publishFailures, { label: 'publish failures' }),
            ],
            width: 12,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Latency p50 per route (ms)',
            left: props.routes.map((route) => props.httpApi.routeLatency(route, cloudwatch.Stats.p(50))),
            legendPosition: cloudwatch.LegendPosition.RIGHT,
            width: 12,
            height: 8,
          }),
          new cloudwatch.GraphWidget({
            title: 'Latency p99 per route (ms)',
            left: props.routes.map((route) => props.httpApi.routeLatency(route, cloudwatch.Stats.p(99))),
            legendPosition: cloudwatch.LegendPosition.RIGHT,
            width: 12,
            height: 8,
          }),
        ],
      ],
    });
  }
}
