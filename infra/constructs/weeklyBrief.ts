import { Duration, TimeZone } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { EVENTS_TABLE_ENV, PROJECTIONS_TABLE_ENV, REPORTS_BUCKET_ENV } from '../../functions/config.ts';
import { scheduledEntries } from '../../functions/handlers/entries.ts';
import { DeadLetterQueue } from './deadLetterQueue.ts';
import { handshakeFunction } from './handshakeFunction.ts';
import { InvokeFunction } from './monthlyClose.ts';
import { grantBriefAccess } from './reportsBucket.ts';

export interface WeeklyBriefProps {
  /** The event store: the run appends WeeklyBriefPublished and reads the forecasts. */
  readonly eventsTable: dynamodb.ITable;
  /** The read models the week's facts, the load and the escalations are read from. */
  readonly projectionsTable: dynamodb.ITable;
  /** Where briefs are kept, under `briefs/`. */
  readonly reportsBucket: s3.IBucket;
  /** IANA zone in which weeks are counted, and so in which Monday 06:00 falls. */
  readonly timeZone: string;
}

/**
 * Publishes the brief of the week that just ended every Monday at 06:00 (CADENCE.md, "The weekly
 * brief"): stored under briefs/ in the reports bucket, then announced through the event stream.
 */
export class WeeklyBrief extends Construct {
  readonly fn: NodejsFunction;
  readonly schedule: scheduler.Schedule;
  /** Runs that never ran or kept failing; Monday's brief is missing until redriven. */
  readonly deadLetters: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: WeeklyBriefProps) {
    super(scope, id);

    this.fn = handshakeFunction(this, 'Function', {
      entry: scheduledEntries.weeklyBrief,
      kind: 'background',
      description: 'Publishes the weekly brief of the week that just ended',
      // A week's facts, every open commitment and escalation, each seller's forecasts, two documents.
      timeout: Duration.minutes(2),
      environment: {
        [EVENTS_TABLE_ENV]: props.eventsTable.tableName,
        [PROJECTIONS_TABLE_ENV]: props.projectionsTable.tableName,
        [REPORTS_BUCKET_ENV]: props.reportsBucket.bucketName,
        HANDSHAKE_TIME_ZONE: props.timeZone,
      },
    });
    props.eventsTable.grantReadWriteData(this.fn);
    props.projectionsTable.grantReadData(this.fn);
    grantBriefAccess(props.reportsBucket, this.fn);

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      description:
        'The weekly brief was not published: sales and operations have no brief this Monday. ' +
        'Fix the cause, then publish it (POST /v1/briefs/{week}) or redrive the message.',
    });

    // Retrying is safe: a week already published answers with its first brief.
    this.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetters.queue),
    });

    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: 'Publishes the weekly brief, Mondays at 06:00 in the business time zone',
      schedule: scheduler.ScheduleExpression.cron({
        minute: '0',
        hour: '6',
        weekDay: 'MON',
        month: '*',
        year: '*',
        timeZone: TimeZone.of(props.timeZone),
      }),
      target: new InvokeFunction(this.fn, {
        // The time the run was due: a run redriven later still publishes the week before that Monday.
        input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }),
        // The brief is read on Monday morning: retry through the morning, then the queue tells someone.
        maxEventAge: Duration.hours(6),
        retryAttempts: 10,
        deadLetterQueue: this.deadLetters.queue,
      }),
    });
  }
}
