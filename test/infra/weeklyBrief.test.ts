import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_TABLE_ENV, PROJECTIONS_TABLE_ENV, REPORTS_BUCKET_ENV } from '../../functions/config.ts';
import { lambdaRuntime } from '../../infra/constructs/handshakeFunction.ts';
import { HandshakeStack } from '../../infra/handshakeStack.ts';
import { actionsOn, getAttOf, refOf, statementsOfFunction, type Resource, type Statement, scheduleOf, templateOnlyApp } from './template.ts';

// Not UTC, so a schedule that ignored the business zone would show.
const BUSINESS_ZONE = 'America/Chicago';
const DYNAMODB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

describe('given the Handshake stack with the weekly brief', () => {
  let stack: HandshakeStack;
  let resources: Record<string, Resource>;

  beforeAll(() => {
    const app = templateOnlyApp();
    stack = new HandshakeStack(app, 'Handshake', { timeZone: BUSINESS_ZONE });
    resources = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
  });

  const idOf = (construct: IConstruct): string => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const ofType = (type: string): [string, Resource][] => Object.entries(resources).filter(([, r]) => r.Type === type);
  const briefSchedule = (): Record<string, unknown> => scheduleOf(resources, idOf(stack.weeklyBrief.fn));
  const target = (): Record<string, unknown> => briefSchedule().Target as Record<string, unknown>;
  /** What the statements allow on the reports bucket's objects, by the ARN pattern they name. */
  const objectGrants = (statements: Statement[]) =>
    statements
      .filter((statement) => JSON.stringify(statement.Resource).includes(idOf(stack.reports.bucket)) && JSON.stringify(statement.Resource).includes('/'))
      .map((statement) => ({ actions: [statement.Action].flat().sort(), resource: JSON.stringify(statement.Resource) }));

  describe('when looking at the schedule', () => {
    it('then it fires Mondays at 06:00 in the business time zone', () => {
      expect(briefSchedule()).toMatchObject({ State: 'ENABLED', FlexibleTimeWindow: { Mode: 'OFF' }, ScheduleExpressionTimezone: BUSINESS_ZONE });
      expect(briefSchedule().ScheduleExpression).toBe('cron(0 6 ? * MON *)');
    });

    it('then it invokes the function with the time the run was due, so a redriven run publishes the week it was meant for', () => {
      expect(JSON.parse(String(target().Input))).toEqual({ scheduledTime: '<aws.scheduler.scheduled-time>' });
      expect(target().RetryPolicy).toMatchObject({ MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 6 * 3600 });
    });

    it('then what it gives up on goes to the dead-letter queue, whose alarm is sent to the alarm topic', () => {
      expect(getAttOf((target().DeadLetterConfig as { Arn: unknown }).Arn, 'Arn')).toBe(idOf(stack.weeklyBrief.deadLetters.queue));
      const alarm = resources[idOf(stack.weeklyBrief.deadLetters.alarm)]?.Properties ?? {};
      expect(alarm).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
      expect((alarm.AlarmActions as unknown[]).map(refOf)).toContain(idOf(stack.alarms.topic));
    });

    it('then its role, assumable only by the scheduler, may invoke the brief function alone', () => {
      const role = getAttOf(target().RoleArn, 'Arn');
      expect(JSON.stringify(resources[role]?.Properties?.AssumeRolePolicyDocument)).toContain('"Service":"scheduler.amazonaws.com"');
      const statements = ofType('AWS::IAM::Policy')
        .map(([, policy]) => policy.Properties ?? {})
        .filter((properties) => (properties.Roles as unknown[]).some((r) => refOf(r) === role))
        .flatMap((properties) => (properties.PolicyDocument as { Statement: Statement[] }).Statement);
      expect(actionsOn(statements, idOf(stack.weeklyBrief.fn))).toEqual(['lambda:InvokeFunction']);
      expect(actionsOn(statements, idOf(stack.monthlyClose.fn))).toEqual([]);
    });
  });

  describe('when looking at the scheduled function', () => {
    it('then it is told the tables, the bucket and the business time zone, on the one runtime', () => {
      expect(resources[idOf(stack.weeklyBrief.fn)]?.Properties).toMatchObject({
        Runtime: lambdaRuntime.name,
        Environment: {
          Variables: {
            [EVENTS_TABLE_ENV]: { Ref: idOf(stack.events.table) },
            [PROJECTIONS_TABLE_ENV]: { Ref: idOf(stack.projections.table) },
            [REPORTS_BUCKET_ENV]: { Ref: idOf(stack.reports.bucket) },
            HANDSHAKE_TIME_ZONE: BUSINESS_ZONE,
          },
        },
      });
    });

    it('then a run that keeps failing after Lambda retries it lands in the same dead-letter queue, and its errors raise an alarm', () => {
      const configs = ofType('AWS::Lambda::EventInvokeConfig').filter(([, c]) => refOf(c.Properties?.FunctionName) === idOf(stack.weeklyBrief.fn));
      expect(configs).toHaveLength(1);
      const destination = (configs[0]![1].Properties?.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure.Destination;
      expect(getAttOf(destination, 'Arn')).toBe(idOf(stack.weeklyBrief.deadLetters.queue));
      const errorAlarms = ofType('AWS::CloudWatch::Alarm').filter(
        ([, alarm]) =>
          alarm.Properties?.MetricName === 'Errors' &&
          JSON.stringify(alarm.Properties?.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: idOf(stack.weeklyBrief.fn) } }]),
      );
      expect(errorAlarms).toHaveLength(1);
    });

    it.each(['scheduled', 'API'] as const)('then the %s function may append events, read the read models and write nothing there, and reach only briefs/ in the bucket', (which) => {
      const fn = which === 'scheduled' ? stack.weeklyBrief.fn : stack.functions.byName.briefs;
      const statements = statementsOfFunction(resources, idOf(fn));
      expect(actionsOn(statements, idOf(stack.events.table))).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem']));
      const onProjections = actionsOn(statements, idOf(stack.projections.table));
      expect(onProjections).toEqual(expect.arrayContaining(['dynamodb:Query']));
      for (const write of DYNAMODB_WRITES) expect(onProjections).not.toContain(write);
      const grants = objectGrants(statements);
      expect(grants).toHaveLength(1);
      expect(grants[0]!.actions).toEqual(['s3:GetObject', 's3:PutObject']);
      expect(grants[0]!.resource).toContain('/briefs/*');
      const listing = statements.filter((statement) => [statement.Action].flat().includes('s3:ListBucket'));
      expect(listing).toHaveLength(1);
      expect(listing[0]).toMatchObject({ Condition: { StringLike: { 's3:prefix': ['briefs/*'] } } });
    });
  });
});
