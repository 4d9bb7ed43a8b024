import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_TABLE_ENV, PROJECTIONS_TABLE_ENV } from '../../functions/config.ts';
import { tableAccess, type ConfiguredFunction } from '../../infra/constructs/apiFunctions.ts';
import { lambdaRuntime } from '../../infra/constructs/handshakeFunction.ts';
import { HandshakeStack } from '../../infra/handshakeStack.ts';
import { actionsOn, getAttOf, refOf, statementsOfFunction, type Resource, type Statement, scheduleOf, templateOnlyApp } from './template.ts';

// Not UTC, so a schedule that ignored the business zone would show.
const BUSINESS_ZONE = 'America/Chicago';

const DYNAMODB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

describe('given the Handshake stack with the promise desk', () => {
  let stack: HandshakeStack;
  let resources: Record<string, Resource>;

  beforeAll(() => {
    const app = templateOnlyApp();
    stack = new HandshakeStack(app, 'Handshake', { timeZone: BUSINESS_ZONE });
    resources = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
  });

  const idOf = (construct: IConstruct): string => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const ofType = (type: string): [string, Resource][] => Object.entries(resources).filter(([, r]) => r.Type === type);
  const sweepSchedule = (): Record<string, unknown> => scheduleOf(resources, idOf(stack.escalationSweep.fn));
  const target = (): Record<string, unknown> => sweepSchedule().Target as Record<string, unknown>;

  describe('when looking at the API functions', () => {
    it("then the promise desk's function may append events and read the read models, and write neither more nor less", () => {
      expect(tableAccess.promises).toEqual({ events: 'readWrite', projections: 'read' });
    });

    it('then every deployed API function has exactly the table access declared for it, and none writes the read models', () => {
      const deployed = Object.entries(stack.functions.byName) as [ConfiguredFunction, IConstruct][];
      expect(deployed.length).toBeGreaterThanOrEqual(4);
      for (const [name, fn] of deployed) {
        const statements = statementsOfFunction(resources, idOf(fn));
        const onEvents = actionsOn(statements, idOf(stack.events.table));
        const onProjections = actionsOn(statements, idOf(stack.projections.table));
        expect(onEvents, name).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem']));
        expect(onEvents.includes('dynamodb:PutItem'), name).toBe(tableAccess[name].events === 'readWrite');
        expect(onProjections.includes('dynamodb:Query'), name).toBe(tableAccess[name].projections === 'read');
        for (const write of DYNAMODB_WRITES) expect(onProjections, name).not.toContain(write);
      }
    });
  });

  describe('when looking at the escalation sweep function', () => {
    it('then it is told the tables and the business time zone, on the one runtime', () => {
      expect(resources[idOf(stack.escalationSweep.fn)]?.Properties).toMatchObject({
        Runtime: lambdaRuntime.name,
        Architectures: ['arm64'],
        Environment: {
          Variables: {
            [EVENTS_TABLE_ENV]: { Ref: idOf(stack.events.table) },
            [PROJECTIONS_TABLE_ENV]: { Ref: idOf(stack.projections.table) },
            HANDSHAKE_TIME_ZONE: BUSINESS_ZONE,
          },
        },
      });
    });

    it('then it may append rises and read the read models only, and touches no bucket, secret or bus', () => {
      const statements = statementsOfFunction(resources, idOf(stack.escalationSweep.fn));
      expect(actionsOn(statements, idOf(stack.events.table))).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem']));
      const onProjections = actionsOn(statements, idOf(stack.projections.table));
      expect(onProjections).toEqual(expect.arrayContaining(['dynamodb:Query']));
      for (const write of DYNAMODB_WRITES) expect(onProjections).not.toContain(write);
      const services = new Set(statements.flatMap((statement) => [statement.Action].flat()).map((action) => action.split(':')[0]));
      expect([...services].sort()).toEqual(['dynamodb', 'logs', 'sqs']);
    });

    it('then a sweep that keeps failing after Lambda retries it lands in its dead-letter queue', () => {
      const configs = ofType('AWS::Lambda::EventInvokeConfig').filter(([, c]) => refOf(c.Properties?.FunctionName) === idOf(stack.escalationSweep.fn));
      expect(configs).toHaveLength(1);
      const config = configs[0]![1].Properties ?? {};
      expect(Number(config.MaximumRetryAttempts)).toBeGreaterThan(0);
      const destination = (config.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure.Destination;
      expect(getAttOf(destination, 'Arn')).toBe(idOf(stack.escalationSweep.deadLetters.queue));
    });

    it('then its errors raise an alarm', () => {
      const errorAlarms = ofType('AWS::CloudWatch::Alarm').filter(
        ([, alarm]) =>
          alarm.Properties?.MetricName === 'Errors' &&
          JSON.stringify(alarm.Properties?.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: idOf(stack.escalationSweep.fn) } }]),
      );
      expect(errorAlarms).toHaveLength(1);
    });
  });

  describe('when looking at the sweep schedule', () => {
    it('then it fires every 15 minutes, in the business time zone', () => {
      expect(sweepSchedule()).toMatchObject({ State: 'ENABLED', FlexibleTimeWindow: { Mode: 'OFF' }, ScheduleExpressionTimezone: BUSINESS_ZONE });
      expect(sweepSchedule().ScheduleExpression).toBe('cron(0/15 * * * ? *)');
    });

    it('then it invokes the sweep with the time the run was due, so each rise is recorded as of then', () => {
      expect(JSON.parse(String(target().Input))).toEqual({ scheduledTime: '<aws.scheduler.scheduled-time>' });
    });

    it('then what it gives up on goes to the dead-letter queue, whose alarm is sent to the alarm topic', () => {
      expect(getAttOf((target().DeadLetterConfig as { Arn: unknown }).Arn, 'Arn')).toBe(idOf(stack.escalationSweep.deadLetters.queue));
      const alarm = resources[idOf(stack.escalationSweep.deadLetters.alarm)]?.Properties ?? {};
      expect(alarm).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
      expect((alarm.AlarmActions as unknown[]).map(refOf)).toContain(idOf(stack.alarms.topic));
    });

    it('then its role, assumable only by the scheduler, may invoke the sweep function alone and write to the queue', () => {
      const role = getAttOf(target().RoleArn, 'Arn');
      expect(JSON.stringify(resources[role]?.Properties?.AssumeRolePolicyDocument)).toContain('"Service":"scheduler.amazonaws.com"');
      const statements = ofType('AWS::IAM::Policy')
        .map(([, policy]) => policy.Properties ?? {})
        .filter((properties) => (properties.Roles as unknown[]).some((r) => refOf(r) === role))
        .flatMap((properties) => (properties.PolicyDocument as { Statement: Statement[] }).Statement);
      expect(actionsOn(statements, idOf(stack.escalationSweep.fn))).toEqual(['lambda:InvokeFunction']);
      expect(actionsOn(statements, idOf(stack.monthlyClose.fn))).toEqual([]);
      expect(actionsOn(statements, idOf(stack.escalationSweep.deadLetters.queue))).toContain('sqs:SendMessage');
    });
  });
});
