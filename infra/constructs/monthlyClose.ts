import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { EVENTS_TABLE_ENV, PROJECTIONS_TABLE_ENV, REPORTS_BUCKET_ENV } from '../../functions/config.ts';
import { scheduledEntries } from '../../functions/handlers/entries.ts';
import type { DeadLetterQueue } from './deadLetterQueue.ts';
import { grantReportAccess } from './reportsBucket.ts';
import { scheduledRun } from './scheduledRun.ts';

export interface MonthlyCloseProps {
  /** The event store: the close appends the MonthClosed event. */
  readonly eventsTable: dynamodb.ITable;
  /** The read models payouts are computed from. */
  readonly projectionsTable: dynamodb.ITable;
  /** Where the month's reports are issued. */
  readonly reportsBucket: s3.IBucket;
  /** IANA zone in which months are counted, and so in which the 1st of the month begins. */
  readonly timeZone: string;
}

/**
 * Closes the previous month on the 1st of each month: freezes its statements, issues its reports
 * and announces them. Nobody has to remember to do it for payroll to have a file.
 */
export class MonthlyClose extends Construct {
  readonly fn: NodejsFunction;
  readonly schedule: scheduler.Schedule;
  /** Closes that never ran or kept failing; payroll has no report for the month until redriven. */
  readonly deadLetters: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: MonthlyCloseProps) {
    super(scope, id);

    const run = scheduledRun(this, {
      function: {
        entry: scheduledEntries.monthClose,
        description: 'Closes the previous month and issues its reports',
        // Every statement of the month, three rendered reports, and the writes behind them.
        timeout: Duration.minutes(5),
        environment: {
          [EVENTS_TABLE_ENV]: props.eventsTable.tableName,
          [PROJECTIONS_TABLE_ENV]: props.projectionsTable.tableName,
          [REPORTS_BUCKET_ENV]: props.reportsBucket.bucketName,
          HANDSHAKE_TIME_ZONE: props.timeZone,
        },
      },
      // Five past midnight, not midnight: deliveries recorded in the month's last moments have
      // reached the read models that payouts are computed from.
      cron: { minute: '5', hour: '0', day: '1', month: '*', year: '*' },
      timeZone: props.timeZone,
      scheduleDescription: 'Closes the previous month, on the 1st in the business time zone',
      deadLetterDescription:
        'The scheduled month close did not complete: the month is open and payroll has no report. ' +
        'Fix the cause, then close the month (POST /v1/months/{month}/close) or redrive the message.',
      // A whole day of retries: an outage on the 1st delays payroll's report, it does not skip it.
      // Retrying is safe: a closed month answers with its first result.
      handOver: { maxEventAge: Duration.hours(24), retryAttempts: 10 },
      runMaxAge: Duration.hours(6),
    });
    ({ fn: this.fn, schedule: this.schedule, deadLetters: this.deadLetters } = run);
    props.eventsTable.grantReadWriteData(this.fn);
    props.projectionsTable.grantReadData(this.fn);
    grantReportAccess(props.reportsBucket, this.fn);
  }
}
