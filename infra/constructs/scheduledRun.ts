import { Duration, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Construct } from 'constructs';
import { DeadLetterQueue } from './deadLetterQueue.ts';
import { handshakeFunction, type HandshakeFunctionProps } from './handshakeFunction.ts';

/**
 * LambdaInvoke grants the scheduler's role the function and all its versions and aliases
 * (`<arn>:*`); the schedule invokes the unqualified function, so that is all the role may invoke.
 */
class InvokeFunction extends LambdaInvoke {
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

export interface ScheduledRunProps {
  readonly function: HandshakeFunctionProps;
  /** When it runs, in the business time zone. */
  readonly cron: Omit<scheduler.CronOptionsWithTimezone, 'timeZone'>;
  readonly timeZone: string;
  readonly scheduleDescription: string;
  /** What an operator reads on the queue's alarm: what is missing, and how to make up for it. */
  readonly deadLetterDescription: string;
  /** How long the scheduler keeps trying to hand a run over, and how often. */
  readonly handOver: { maxEventAge: Duration; retryAttempts: number };
  /** How long Lambda keeps retrying a run that throws. */
  readonly runMaxAge: Duration;
}

export interface ScheduledRun {
  readonly fn: NodejsFunction;
  readonly schedule: scheduler.Schedule;
  /** Runs that never ran or kept failing. */
  readonly deadLetters: DeadLetterQueue;
}

/**
 * A background function the scheduler runs, built in `scope` (`Function`, `DeadLetters`, `Schedule`).
 * Every scheduled run here is safe to retry, and each takes the time it was due rather than the time
 * it runs, so a run redriven from its queue later still does the work it was due to do.
 */
export const scheduledRun = (scope: Construct, props: ScheduledRunProps): ScheduledRun => {
  const fn = handshakeFunction(scope, 'Function', props.function);
  const deadLetters = new DeadLetterQueue(scope, 'DeadLetters', { description: props.deadLetterDescription });

  // The scheduler invokes Lambda asynchronously, so its own retries and queue only cover handing the
  // event over; a run that throws is retried by Lambda and then must land in the same queue, not vanish.
  fn.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: props.runMaxAge, onFailure: new SqsDestination(deadLetters.queue) });

  const schedule = new scheduler.Schedule(scope, 'Schedule', {
    description: props.scheduleDescription,
    schedule: scheduler.ScheduleExpression.cron({ ...props.cron, timeZone: TimeZone.of(props.timeZone) }),
    target: new InvokeFunction(fn, {
      input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }),
      ...props.handOver,
      deadLetterQueue: deadLetters.queue,
    }),
  });
  return { fn, schedule, deadLetters };
};
