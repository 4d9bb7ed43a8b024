import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { EVENTS_TABLE_ENV, PROJECTIONS_TABLE_ENV, REPORTS_BUCKET_ENV } from '../../functions/config.ts';
import { scheduledEntries } from '../../functions/handlers/entries.ts';
import type { DeadLetterQueue } from './deadLetterQueue.ts';
import { grantBriefAccess } from './reportsBucket.ts';
import { scheduledRun } from './scheduledRun.ts';

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

    const run = scheduledRun(this, {
      function: {
        entry: scheduledEntries.weeklyBrief,
        description: 'Publishes the weekly brief of the week that just ended',
        // A week's facts, every open commitment and escalation, each seller's forecasts, two documents.
        timeout: Duration.minutes(2),
        environment: {
          [EVENTS_TABLE_ENV]: props.eventsTable.tableName,
          [PROJECTIONS_TABLE_ENV]: props.projectionsTable.tableName,
          [REPORTS_BUCKET_ENV]: props.reportsBucket.bucketName,
          HANDSHAKE_TIME_ZONE: props.timeZone,
        },
      },
      cron: { minute: '0', hour: '6', weekDay: 'MON', month: '*', year: '*' },
      timeZone: props.timeZone,
      scheduleDescription: 'Publishes the weekly brief, Mondays at 06:00 in the business time zone',
      deadLetterDescription:
        'The weekly brief was not published: sales and operations have no brief this Monday. ' +
        'Fix the cause, then publish it (POST /v1/briefs/{week}) or redrive the message.',
      // The brief is read on Monday morning: retry through the morning, then the queue tells someone.
      // Retrying is safe: a week already published answers with its first brief.
      handOver: { maxEventAge: Duration.hours(6), retryAttempts: 10 },
      runMaxAge: Duration.hours(6),
    });
    ({ fn: this.fn, schedule: this.schedule, deadLetters: this.deadLetters } = run);
    props.eventsTable.grantReadWriteData(this.fn);
    props.projectionsTable.grantReadData(this.fn);
    grantBriefAccess(props.reportsBucket, this.fn);
  }
}
