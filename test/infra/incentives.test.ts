import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_TABLE_ENV, PROJECTIONS_TABLE_ENV, REPORTS_BUCKET_ENV } from '../../functions/config.ts';
import { routeKey, routes } from '../../functions/http/routes.ts';
import { lambdaRuntime } from '../../infra/constructs/handshakeFunction.ts';
import { HandshakeStack } from '../../infra/handshakeStack.ts';
import { actionsOn, getAttOf, refOf, statementsOfFunction, type Resource, type Statement, scheduleOf, templateOnlyApp } from './template.ts';

// Not UTC, so a schedule that ignored the business zone would show.
const BUSINESS_ZONE = 'Asia/Tokyo';

const DYNAMODB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const INCENTIVE_ROUTE_KEYS = [
  'PUT /v1/incentive-plans/{planId}',
  'GET /v1/incentive-plans',
  'GET /v1/payouts/{month}',
  'POST /v1/months/{month}/close',
  'GET /v1/reports/{month}',
  'GET /v1/reports/{month}/json',
  'GET /v1/reports/{month}/csv',
  'GET /v1/reports/{month}/html',
];

describe('given the Handshake stack with incentives and the monthly close', () => {
  let stack: HandshakeStack;
  let resources: Record<string, Resource>;
  let template: Template;

  beforeAll(() => {
    const app = templateOnlyApp();
    stack = new HandshakeStack(app, 'Handshake', { timeZone: BUSINESS_ZONE });
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources as Record<string, Resource>;
  });

  const idOf = (construct: IConstruct): string => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const ofType = (type: string): [string, Resource][] => Object.entries(resources).filter(([, r]) => r.Type === type);
  const only = (type: string): [string, Resource] => {
    const found = ofType(type);
    expect(found, type).toHaveLength(1);
    return found[0]!;
  };
  const s3ActionsOnReports = (statements: readonly Statement[]): string[] =>
    actionsOn(statements, idOf(stack.reports.bucket)).filter((action) => action.startsWith('s3:'));
  const canPutReports = (statements: readonly Statement[]): boolean =>
    statements.some(
      (statement) =>
        statement.Effect === 'Allow' &&
        [statement.Action].flat().includes('s3:PutObject') &&
        // On the objects (`<bucket arn>/*`), not merely on the bucket.
        JSON.stringify(statement.Resource).includes(`"${idOf(stack.reports.bucket)}"`) &&
        JSON.stringify(statement.Resource).includes('/*'),
    );

  describe('when looking at the reports bucket', () => {
    it('then there is exactly one besides its access-log bucket, encrypted at rest', () => {
      expect(ofType('AWS::S3::Bucket').map(([id]) => id).sort()).toEqual([idOf(stack.reports.bucket), idOf(stack.reports.accessLogs)].sort());
      const bucket = resources[idOf(stack.reports.bucket)]!;
      const rules = (bucket.Properties?.BucketEncryption as { ServerSideEncryptionConfiguration: { ServerSideEncryptionByDefault: { SSEAlgorithm: string } }[] })
        .ServerSideEncryptionConfiguration;
      expect(rules.map((rule) => rule.ServerSideEncryptionByDefault.SSEAlgorithm)).toEqual([expect.stringMatching(/^(AES256|aws:kms)$/)]);
    });

    it('then all four public access blocks are on and ACLs are disabled', () => {
      expect(resources[idOf(stack.reports.bucket)]?.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
    });

    it('then it is versioned and outlives the stack, so an issued report cannot silently disappear', () => {
      expect(resources[idOf(stack.reports.bucket)]).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { VersioningConfiguration: { Status: 'Enabled' } },
      });
    });

    it('then its policy refuses any request over plain HTTP, on the bucket and on its objects', () => {
      const policies = ofType('AWS::S3::BucketPolicy').filter(([, p]) => refOf(p.Properties?.Bucket) === idOf(stack.reports.bucket));
      expect(policies).toHaveLength(1);
      const [, policy] = policies[0]!;
      const statements = (policy.Properties?.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
      const denyInsecure = statements.filter(
        (statement) =>
          statement.Effect === 'Deny' &&
          JSON.stringify(statement.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }),
      );
      expect(denyInsecure).toHaveLength(1);
      expect(denyInsecure[0]).toMatchObject({ Action: 's3:*', Principal: { AWS: '*' } });
      const covered = JSON.stringify(denyInsecure[0]?.Resource);
      expect(covered).toContain(`"${idOf(stack.reports.bucket)}"`);
      expect(covered).toContain('/*');
    });

    it('then its name is an output', () => {
      template.hasOutput('ReportsBucketName', { Value: { Ref: idOf(stack.reports.bucket) } });
    });

    it('then only the incentives and month-close functions may touch the reports, the brief functions only briefs/, and none may delete', () => {
      const touching = ofType('AWS::Lambda::Function')
        .filter(([id]) => s3ActionsOnReports(statementsOfFunction(resources, id)).length > 0)
        .map(([id]) => id);
      const briefFunctions = [idOf(stack.functions.byName.briefs), idOf(stack.weeklyBrief.fn)];
      expect(touching.sort()).toEqual([idOf(stack.functions.byName.incentives), idOf(stack.monthlyClose.fn), ...briefFunctions].sort());
      for (const id of briefFunctions) {
        const onObjects = statementsOfFunction(resources, id).filter(
          (statement) => JSON.stringify(statement.Resource).includes(`"${idOf(stack.reports.bucket)}"`) && JSON.stringify(statement.Resource).includes('/'),
        );
        expect(onObjects.map((statement) => JSON.stringify(statement.Resource)).every((resource) => resource.includes('/briefs/*')), id).toBe(true);
      }
      for (const id of touching) {
        expect(s3ActionsOnReports(statementsOfFunction(resources, id)).filter((action) => action.startsWith('s3:Delete'))).toEqual([]);
      }
    });
  });

  describe('when looking at the incentive routes', () => {
    it('then the route table serves exactly these from the incentives function', () => {
      const served = routes.filter((route) => route.function === 'incentives').map(routeKey);
      expect(served.sort()).toEqual([...INCENTIVE_ROUTE_KEYS].sort());
    });

    it.each(INCENTIVE_ROUTE_KEYS)('then %s is deployed behind the JWT authorizer and invokes the incentives function', (key) => {
      const matching = ofType('AWS::ApiGatewayV2::Route').filter(([, route]) => route.Properties?.RouteKey === key);
      expect(matching, `route ${key} is missing`).toHaveLength(1);
      const route = matching[0]![1].Properties ?? {};
      expect(route.AuthorizationType).toBe('JWT');
      expect(resources[refOf(route.AuthorizerId)]).toMatchObject({
        Type: 'AWS::ApiGatewayV2::Authorizer',
        Properties: { AuthorizerType: 'JWT' },
      });
      const target = route.Target as { 'Fn::Join': [string, unknown[]] };
      const integration = resources[refOf(target['Fn::Join'][1][1])];
      expect(getAttOf(integration?.Properties?.IntegrationUri, 'Arn')).toBe(idOf(stack.functions.byName.incentives));
    });
  });

  describe('when looking at the incentives function', () => {
    it('then it is told the tables, the business time zone and the reports bucket', () => {
      expect(resources[idOf(stack.functions.byName.incentives)]?.Properties).toMatchObject({
        Runtime: lambdaRuntime.name,
        MemorySize: 1024,
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

    it('then closing a month on request has the time the HTTP API gives it (under its 30-second limit)', () => {
      const timeout = Number(resources[idOf(stack.functions.byName.incentives)]?.Properties?.Timeout);
      expect(timeout).toBeGreaterThan(10);
      expect(timeout).toBeLessThan(30);
    });

    it('then it may put and get reports', () => {
      const statements = statementsOfFunction(resources, idOf(stack.functions.byName.incentives));
      expect(canPutReports(statements)).toBe(true);
      expect(s3ActionsOnReports(statements).sort()).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
    });

    it('then it may append plan and closing events but only read the projections', () => {
      const statements = statementsOfFunction(resources, idOf(stack.functions.byName.incentives));
      expect(actionsOn(statements, idOf(stack.events.table))).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem']));
      const onProjections = actionsOn(statements, idOf(stack.projections.table));
      expect(onProjections).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem']));
      for (const write of DYNAMODB_WRITES) expect(onProjections).not.toContain(write);
    });
  });

  describe('when looking at the month-close function', () => {
    it('then it is told the tables, the business time zone and the reports bucket, and has five minutes', () => {
      expect(resources[idOf(stack.monthlyClose.fn)]?.Properties).toMatchObject({
        Runtime: lambdaRuntime.name,
        Architectures: ['arm64'],
        MemorySize: 1024,
        Timeout: 300,
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

    it('then it may append the closing, read the projections only, and put and get reports', () => {
      const statements = statementsOfFunction(resources, idOf(stack.monthlyClose.fn));
      expect(actionsOn(statements, idOf(stack.events.table))).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem']));
      const onProjections = actionsOn(statements, idOf(stack.projections.table));
      expect(onProjections).toEqual(expect.arrayContaining(['dynamodb:Query']));
      for (const write of DYNAMODB_WRITES) expect(onProjections).not.toContain(write);
      expect(canPutReports(statements)).toBe(true);
      expect(s3ActionsOnReports(statements).sort()).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
    });

    it('then a close that keeps failing after Lambda retries it lands in the dead-letter queue', () => {
      // The escalation sweep has its own; this one is the month close's.
      const configs = ofType('AWS::Lambda::EventInvokeConfig').filter(([, c]) => refOf(c.Properties?.FunctionName) === idOf(stack.monthlyClose.fn));
      expect(configs).toHaveLength(1);
      const [, config] = configs[0]!;
      expect(Number(config.Properties?.MaximumRetryAttempts)).toBeGreaterThan(0);
      const destination = (config.Properties?.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure.Destination;
      expect(getAttOf(destination, 'Arn')).toBe(idOf(stack.monthlyClose.deadLetters.queue));
      expect(actionsOn(statementsOfFunction(resources, idOf(stack.monthlyClose.fn)), idOf(stack.monthlyClose.deadLetters.queue))).toContain(
        'sqs:SendMessage',
      );
    });
  });

  describe('when looking at the monthly close schedule', () => {
    // The escalation sweep has a schedule too; this one invokes the month close.
    const schedule = (): Record<string, unknown> => scheduleOf(resources, idOf(stack.monthlyClose.fn));
    const target = (): Record<string, unknown> => schedule().Target as Record<string, unknown>;

    it('then it fires at 00:05 on the 1st of every month, in the business time zone', () => {
      expect(schedule()).toMatchObject({ State: 'ENABLED', FlexibleTimeWindow: { Mode: 'OFF' } });
      const cron = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/.exec(String(schedule().ScheduleExpression));
      expect(cron, String(schedule().ScheduleExpression)).not.toBeNull();
      const [, minute, hour, dayOfMonth, month, dayOfWeek, year] = cron!;
      expect({ minute, hour, dayOfMonth, month, dayOfWeek, year }).toEqual({
        minute: '5',
        hour: '0',
        dayOfMonth: '1',
        month: '*',
        dayOfWeek: '?',
        year: '*',
      });
      expect(schedule().ScheduleExpressionTimezone).toBe(BUSINESS_ZONE);
    });

    it('then it invokes the month-close function with the time the run was due, so a redriven run closes the month it was meant for', () => {
      expect(getAttOf(target().Arn, 'Arn')).toBe(idOf(stack.monthlyClose.fn));
      expect(JSON.parse(String(target().Input))).toEqual({ scheduledTime: '<aws.scheduler.scheduled-time>' });
    });

    it('then delivery is retried for up to a day before it is given up', () => {
      expect(target().RetryPolicy).toMatchObject({ MaximumEventAgeInSeconds: 24 * 60 * 60 });
      expect(Number((target().RetryPolicy as { MaximumRetryAttempts: number }).MaximumRetryAttempts)).toBeGreaterThan(0);
    });

    it('then what it gives up on goes to a dead-letter queue that raises an alarm', () => {
      const queue = getAttOf((target().DeadLetterConfig as { Arn: unknown }).Arn, 'Arn');
      expect(queue).toBe(idOf(stack.monthlyClose.deadLetters.queue));
      expect(resources[queue]?.Type).toBe('AWS::SQS::Queue');
      expect(resources[idOf(stack.monthlyClose.deadLetters.alarm)]?.Properties).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
        Threshold: 1,
      });
    });

    it('then its role, assumable only by the scheduler, may invoke the function and write to the queue', () => {
      const role = getAttOf(target().RoleArn, 'Arn');
      const trust = JSON.stringify(resources[role]?.Properties?.AssumeRolePolicyDocument);
      expect(trust).toContain('"Service":"scheduler.amazonaws.com"');
      const statements = ofType('AWS::IAM::Policy')
        .map(([, policy]) => policy.Properties ?? {})
        .filter((properties) => (properties.Roles as unknown[]).some((r) => refOf(r) === role))
        .flatMap((properties) => (properties.PolicyDocument as { Statement: Statement[] }).Statement);
      expect(actionsOn(statements, idOf(stack.monthlyClose.fn))).toContain('lambda:InvokeFunction');
      expect(actionsOn(statements, idOf(stack.monthlyClose.deadLetters.queue))).toContain('sqs:SendMessage');
    });
  });

  describe('when looking at event publishing', () => {
    it('then the bus is still there, and only the publisher may put events on it', () => {
      const [busId] = only('AWS::Events::EventBus');
      expect(busId).toBe(idOf(stack.publishing.bus));
      const putting = ofType('AWS::Lambda::Function')
        .filter(([id]) => actionsOn(statementsOfFunction(resources, id), busId).includes('events:PutEvents'))
        .map(([id]) => id);
      expect(putting).toEqual([idOf(stack.publishing.publisher)]);
    });
  });

  describe('when looking at every function', () => {
    it('then the incentives and month-close functions are among them, and none is on nodejs20.x', () => {
      const functions = ofType('AWS::Lambda::Function');
      expect(functions.map(([id]) => id)).toEqual(
        expect.arrayContaining([idOf(stack.functions.byName.incentives), idOf(stack.monthlyClose.fn)]),
      );
      for (const [id, fn] of functions) expect(fn.Properties?.Runtime, id).not.toBe('nodejs20.x');
    });
  });
});
