import { Duration, TimeZone } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { EVENTS_TABLE_ENV, PROJECTIONS_TABLE_ENV, REPORTS_BUCKET_ENV } from '../../functions/config.ts';
import { scheduledEntries } from '../../functions/handlers/entries.ts';
import { DeadLetterQueue } from './deadLetterQueue.ts';
import { handshakeFunction } from './handshakeFunction.ts';
import { grantReportAccess } from './reportsBucket.ts';

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
 * LambdaInvoke grants the scheduler's role the function and all its versions and aliases
 * (`<arn>:*`); the schedule invokes the unqualified function, so that is all the role may invoke.
 */
export class InvokeFunction extends LambdaInvoke {
  constructor(
    private readonly target: lambda.IFunction,
    props: ConstructorParameters<typeof LambdaInvoke>[1],
  ) {
    super(target, props);
  }

  protected override addTargetActionToRole(role: iam.IRole): void {
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.target.functionArn] }));
  }
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

    this.fn = handshakeFunction(this, 'Function', {
      kind: 'background',
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
    });
    props.eventsTable.grantReadWriteData(this.fn);
    props.projectionsTable.grantReadData(this.fn);
    grantReportAccess(props.reportsBucket, this.fn);

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      description:
        'The scheduled month close did not complete: the month is open and payroll has no report. ' +
        'Fix the cause, then close the month (POST /v1/months/{month}/close) or redrive the message.',
    });

    // The scheduler invokes Lambda asynchronously, so its own retries and queue only cover
    // failing to hand the event over; a close that throws is retried by Lambda and then must
    // land in the same queue rather than vanish. Retrying is safe: a closed month answers with
    // its first result.
    this.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetters.queue),
    });

    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: 'Closes the previous month, on the 1st in the business time zone',
      // Five past midnight, not midnight: deliveries recorded in the month's last moments have
      // reached the read models that payouts are computed from.
      schedule: scheduler.ScheduleExpression.cron({
        minute: '5',
        hour: '0',
        day: '1',
        month: '*',
        year: '*',
        timeZone: TimeZone.of(props.timeZone),
      }),
      target: new InvokeFunction(this.fn, {
        // The time the run was due, not when it runs: a run redriven from the dead-letter queue weeks
        // later still closes the month before the one it was due in.
        input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }),
        // A whole day of retries: an outage on the 1st delays payroll's report, it does not skip it.
        maxEventAge: Duration.hours(24),
        retryAttempts: 10,
        deadLetterQueue: this.deadLetters.queue,
      }),
    });
  }
}
