import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { recordWildcardReason } from './wildcardReasons.ts';

export interface DeadLetterQueueProps {
  /** What lands here and what to do about it; becomes the alarm's description. */
  readonly description: string;
}

/**
 * A queue for what could not be processed, and an alarm as soon as anything is in it: a dead
 * letter nobody looks at is a silent loss.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);

    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      // The longest SQS allows: time to notice, diagnose and redrive.
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue (of a stream event source mapping, a Lambda async invoke or a ' +
        "scheduler target); the rule only recognises another queue's RedrivePolicy. What lands here is redriven by " +
        'an operator after the alarm below, not consumed automatically.',
    });

    this.alarm = this.queue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM })
      .createAlarm(this, 'NotEmpty', {
        alarmDescription: props.description,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // SQS stops reporting for idle queues; an idle dead-letter queue is the healthy case.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
  }
}

/**
 * Feeds `fn` from the events table's stream. Shared by every stream consumer so they fail the same
 * way: a failing batch is halved until the bad record is alone, retried a bounded number of times,
 * and then reported to `deadLetters` (shard and sequence numbers, not the record) so that the shard
 * moves on instead of blocking every later event behind it.
 */
export const consumeEventStream = (fn: lambda.IFunction, eventsTable: dynamodb.ITable, deadLetters: DeadLetterQueue): void => {
  fn.addEventSource(
    new DynamoEventSource(eventsTable, {
      // Everything still in the stream on first deploy, not only what is appended afterwards.
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      bisectBatchOnError: true,
      // The handler reports the records that failed; the ones before them are not redone.
      reportBatchItemFailures: true,
      retryAttempts: 5,
      // Below the stream's 24-hour retention: a record stuck this long is reported to the queue
      // while it can still be read from the stream, rather than trimmed away silently.
      maxRecordAge: Duration.hours(12),
      // One batch per shard at a time keeps each stream's events in order.
      parallelizationFactor: 1,
      onFailure: new SqsDlq(deadLetters.queue),
    }),
  );
  if (fn.role) {
    recordWildcardReason(
      fn.role,
      'Resource',
      '*',
      'dynamodb:ListStreams only, which the event source mapping needs to find the stream: the action does not ' +
        'support resource-level permissions. Reading the stream itself is granted on the events table stream ARN.',
    );
  }
};
