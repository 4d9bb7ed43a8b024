import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { EVENTS_TABLE_ENV, PROJECTIONS_TABLE_ENV } from '../../functions/config.ts';
import { scheduledEntries } from '../../functions/handlers/entries.ts';
import { scheduledRun } from './scheduledRun.ts';
import type { DeadLetterQueue } from './deadLetterQueue.ts';

export interface EscalationSweepProps {
  /** The event store: each rise is appended to its escalation's stream. */
  readonly eventsTable: dynamodb.ITable;
  /** The read models, where the open escalations are listed. */
  readonly projectionsTable: dynamodb.ITable;
  /** IANA zone the business keeps its hours in. */
  readonly timeZone: string;
}

/**
 * Every 15 minutes, records each rise of every open escalation (PROMISES.md, "Escalations") so it
 * reaches the bus: an escalation nobody decides climbs to the next level, and that level hears of it.
 */
export class EscalationSweep extends Construct {
  readonly fn: NodejsFunction;
  readonly schedule: scheduler.Schedule;
  /** Sweeps that never ran or kept failing; rises wait for the next run that succeeds. */
  readonly deadLetters: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: EscalationSweepProps) {
    super(scope, id);

    const run = scheduledRun(this, {
      function: {
        entry: scheduledEntries.escalationSweep,
        description: 'Records each rise of every open escalation',
        // One read and at most one append per open escalation.
        timeout: Duration.minutes(2),
        environment: {
          [EVENTS_TABLE_ENV]: props.eventsTable.tableName,
          [PROJECTIONS_TABLE_ENV]: props.projectionsTable.tableName,
          HANDSHAKE_TIME_ZONE: props.timeZone,
        },
      },
      cron: { minute: '0/15', hour: '*', day: '*', month: '*', year: '*' },
      timeZone: props.timeZone,
      scheduleDescription: 'Records each rise of every open escalation, every 15 minutes in the business time zone',
      deadLetterDescription:
        'The escalation sweep did not complete: rises of open escalations are not announced until a run succeeds. ' +
        'Fix the cause, then redrive the message (a sweep records each rise once, whenever it runs).',
      // The next run comes in 15 minutes and sweeps everything again: no point retrying for longer.
      // Retrying is safe because a rise already recorded is never recorded again.
      handOver: { maxEventAge: Duration.minutes(15), retryAttempts: 3 },
      runMaxAge: Duration.hours(1),
    });
    ({ fn: this.fn, schedule: this.schedule, deadLetters: this.deadLetters } = run);
    props.eventsTable.grantReadWriteData(this.fn);
    props.projectionsTable.grantReadData(this.fn);
  }
}
