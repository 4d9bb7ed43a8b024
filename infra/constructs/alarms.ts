import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct, type IConstruct } from 'constructs';
import { MetricName } from '../../functions/observability/metrics.ts';
import type { NpsProviderName } from '../../functions/nps/webhookSecrets.ts';
import { productMetric } from './productMetrics.ts';

export interface AlarmsProps {
  /** Who is told: each address gets an SNS e-mail subscription (confirmed once, by e-mail). */
  readonly emails: readonly string[];
  /** Every Lambda function of the stack, by a name for the alarm: errors and throttles of each. */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  /** The stream consumers, whose iterator age says how far behind the stream they are. */
  readonly streamConsumers: Readonly<Record<string, lambda.IFunction>>;
  readonly httpApi: apigwv2.IHttpApi;
  readonly npsProviders: readonly NpsProviderName[];
}

const fiveMinutes = Duration.minutes(5);

/**
 * The alarms that wake a person, and the topic that reaches them. Alarms defined elsewhere (each
 * dead-letter queue's) reach the same topic: `notifyEveryAlarm` wires every alarm in the stack.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly byName: Record<string, cloudwatch.Alarm> = {};

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);

    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Handshake alarms',
      // Publishers (CloudWatch) must use TLS. Not KMS-encrypted: alarms carry no personal data, and
      // CloudWatch cannot publish to a topic under the AWS-managed SNS key.
      enforceSSL: true,
    });
    for (const email of props.emails) this.topic.addSubscription(new subscriptions.EmailSubscription(email));

    const alarm = (name: string, metric: cloudwatch.Metric | cloudwatch.MathExpression, options: Omit<cloudwatch.CreateAlarmOptions, 'alarmName'>) => {
      this.byName[name] = metric.createAlarm(this, name, options);
    };
    const anyAtAll = {
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // Emitted only when something happens: silence is the healthy case.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    };

    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}Errors`, fn.metricErrors({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }), {
        ...anyAtAll,
        alarmDescription: `The ${name} function threw or timed out. Its log group has the stack trace.`,
      });
      alarm(`${name}Throttles`, fn.metricThrottles({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM }), {
        ...anyAtAll,
        alarmDescription: `The ${name} function was throttled: the account's concurrency is exhausted or a limit is set too low.`,
      });
    }

    for (const [name, fn] of Object.entries(props.streamConsumers)) {
      alarm(
        `${name}IteratorAge`,
        fn.metric('IteratorAge', { period: fiveMinutes, statistic: cloudwatch.Stats.MAXIMUM }),
        {
          // Records older than this are at risk: the stream keeps 24 hours and the mapping gives up at 12.
          threshold: Duration.minutes(15).toMilliseconds(),
          evaluationPeriods: 3,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
          alarmDescription: `The ${name} is more than 15 minutes behind the events table stream for 15 minutes.`,
        },
      );
    }

    alarm('ProjectionLag', productMetric(MetricName.projectionLag, { statistic: cloudwatch.Stats.MAXIMUM }), {
      threshold: Duration.minutes(5).toMilliseconds(),
      evaluationPeriods: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: 'Scorecards are more than 5 minutes behind the events for 15 minutes: people are reading stale numbers.',
    });
    alarm('ProjectorRecordsFailing', productMetric(MetricName.projectorRecordsFailed), {
      ...anyAtAll,
      evaluationPeriods: 3,
      alarmDescription: 'The projector has reported failed records for 15 minutes: they will reach its dead-letter queue.',
    });

    const requests = props.httpApi.metricCount({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM });
    const serverErrors = props.httpApi.metricServerError({ period: fiveMinutes, statistic: cloudwatch.Stats.SUM });
    alarm(
      'Api5xxRate',
      new cloudwatch.MathExpression({
        // Below 20 requests in five minutes a single failure is not a rate; the function alarms catch it.
        expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
        usingMetrics: { requests, errors: serverErrors },
        period: fiveMinutes,
        label: 'API 5xx %',
      }),
      {
        threshold: 5,
        evaluationPeriods: 2,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: 'More than 5% of API requests failed with 5xx for 10 minutes.',
      },
    );

    alarm('MonthCloseFailures', productMetric(MetricName.monthCloseFailures), {
      ...anyAtAll,
      alarmDescription: 'A month close failed: the month is open and payroll has no report. Retry the close once the cause is fixed.',
    });
    alarm('PublishFailures', productMetric(MetricName.publishFailures), {
      ...anyAtAll,
      alarmDescription: 'EventBridge refused domain events after retries: subscribers missed them (they are on the publish dead-letter queue).',
    });
    for (const provider of props.npsProviders) {
      alarm(`${provider}WebhookSignatureFailures`, productMetric(MetricName.webhookRejected, { dimensions: { Provider: provider } }), {
        // A provider never sends a bad signature: a handful is a rotated secret not yet updated here,
        // dozens is someone forging answers.
        threshold: 10,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription:
          `${provider} webhooks with bad signatures are spiking: someone may be forging NPS answers, or the signing ` +
          'secret was rotated at the provider and not here.',
      });
    }
  }

  /** Every alarm under `root` notifies the topic when it fires and when it recovers. */
  notifyEveryAlarm(root: IConstruct): void {
    const action = new actions.SnsAction(this.topic);
    for (const construct of root.node.findAll()) {
      if (construct instanceof cloudwatch.Alarm) {
        construct.addAlarmAction(action);
        construct.addOkAction(action);
      }
    }
  }
}
