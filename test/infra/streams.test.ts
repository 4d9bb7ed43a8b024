import type { CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_TABLE_ENV, EVENT_BUS_ENV, PROJECTIONS_TABLE_ENV, PUBLISH_DLQ_URL_ENV } from '../../functions/config.ts';
import { routeKey, routes } from '../../functions/http/routes.ts';
import { projectionsTable } from '../../functions/projections/projectionsTable.ts';
import { lambdaRuntime } from '../../infra/constructs/handshakeFunction.ts';
import { HandshakeStack } from '../../infra/handshakeStack.ts';
import { actionsOn, getAttOf, refOf, statementsOfFunction, type Resource, templateOnlyApp } from './template.ts';

const DYNAMODB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

describe('given the Handshake stack with its stream consumers', () => {
  let stack: HandshakeStack;
  let resources: Record<string, Resource>;
  let template: Template;

  beforeAll(() => {
    const app = templateOnlyApp();
    stack = new HandshakeStack(app, 'Handshake', { timeZone: 'America/Chicago' });
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources as Record<string, Resource>;
  });

  const idOf = (construct: IConstruct): string => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const ofType = (type: string): [string, Resource][] => Object.entries(resources).filter(([, r]) => r.Type === type);

  describe('when looking at the projections table', () => {
    it('then it is keyed by p (string) and k (string), billed per request', () => {
      expect(resources[idOf(stack.projections.table)]?.Properties).toMatchObject({
        KeySchema: [
          { AttributeName: projectionsTable.partitionKey, KeyType: 'HASH' },
          { AttributeName: projectionsTable.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: expect.arrayContaining([
          { AttributeName: 'p', AttributeType: 'S' },
          { AttributeName: 'k', AttributeType: 'S' },
        ]),
        BillingMode: 'PAY_PER_REQUEST',
      });
    });

    it('then a rebuild is never forced on anyone: PITR, deletion protection, retained on stack delete', () => {
      expect(resources[idOf(stack.projections.table)]).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        },
      });
    });
  });

  describe('when looking at what consumes the events table stream', () => {
    const mappingsOnEventsStream = (): Record<string, unknown>[] =>
      ofType('AWS::Lambda::EventSourceMapping')
        .map(([, mapping]) => mapping.Properties ?? {})
        .filter((properties) => getAttOf(properties.EventSourceArn, 'StreamArn') === idOf(stack.events.table));

    it('then exactly two functions are fed by it: the projector and the publisher', () => {
      const consumers = mappingsOnEventsStream().map((properties) => refOf(properties.FunctionName));
      expect(consumers.sort()).toEqual([idOf(stack.projections.projector), idOf(stack.publishing.publisher)].sort());
      expect(ofType('AWS::Lambda::EventSourceMapping')).toHaveLength(2);
    });

    it('then each reports partial batch failures, bisects failing batches and gives up after bounded retries and age', () => {
      for (const properties of mappingsOnEventsStream()) {
        expect(properties).toMatchObject({
          StartingPosition: 'TRIM_HORIZON',
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          BisectBatchOnFunctionError: true,
          ParallelizationFactor: 1,
        });
        expect(properties.BatchSize).toBeGreaterThan(0);
        expect(properties.BatchSize).toBeLessThanOrEqual(100);
        expect(properties.MaximumRetryAttempts).toBeGreaterThanOrEqual(0);
        expect(properties.MaximumRetryAttempts).toBeLessThanOrEqual(10);
        // Inside the stream's 24-hour retention: records are reported before they are trimmed.
        expect(properties.MaximumRecordAgeInSeconds).toBeGreaterThanOrEqual(60);
        expect(properties.MaximumRecordAgeInSeconds).toBeLessThan(24 * 60 * 60);
      }
    });

    it('then each sends what it gives up on to its own SQS queue', () => {
      const queues = mappingsOnEventsStream().map((properties) => {
        const destination = (properties.DestinationConfig as { OnFailure: { Destination: unknown } }).OnFailure.Destination;
        const queue = getAttOf(destination, 'Arn');
        expect(resources[queue]?.Type).toBe('AWS::SQS::Queue');
        return queue;
      });
      expect(new Set(queues).size).toBe(2);
      expect(queues.sort()).toEqual(
        [idOf(stack.projections.deadLetters.queue), idOf(stack.publishing.streamDeadLetters.queue)].sort(),
      );
    });

    it('then the projector reads events, reads and writes projections, and knows the time zone', () => {
      const projector = idOf(stack.projections.projector);
      expect(resources[projector]?.Properties).toMatchObject({
        Runtime: lambdaRuntime.name,
        Architectures: ['arm64'],
        Environment: {
          Variables: {
            [EVENTS_TABLE_ENV]: { Ref: idOf(stack.events.table) },
            [PROJECTIONS_TABLE_ENV]: { Ref: idOf(stack.projections.table) },
            HANDSHAKE_TIME_ZONE: 'America/Chicago',
            POWERTOOLS_SERVICE_NAME: 'handshake',
          },
        },
      });
      const statements = statementsOfFunction(resources, projector);
      const onEvents = actionsOn(statements, idOf(stack.events.table));
      expect(onEvents).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:GetRecords']));
      for (const write of DYNAMODB_WRITES) expect(onEvents).not.toContain(write);
      expect(actionsOn(statements, idOf(stack.projections.table))).toEqual(
        expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']),
      );
    });

    it('then the queries function reads, but never writes, the projections', () => {
      const queries = idOf(stack.functions.byName.queries);
      expect(resources[queries]?.Properties?.Environment).toMatchObject({
        Variables: { [PROJECTIONS_TABLE_ENV]: { Ref: idOf(stack.projections.table) } },
      });
      const onProjections = actionsOn(statementsOfFunction(resources, queries), idOf(stack.projections.table));
      expect(onProjections).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem']));
      for (const write of DYNAMODB_WRITES) expect(onProjections).not.toContain(write);
    });

    it('then the commands function only reads the projections (a close is checked against the open commitments), never writes them', () => {
      const commands = idOf(stack.functions.byName.commands);
      const onProjections = actionsOn(statementsOfFunction(resources, commands), idOf(stack.projections.table));
      expect(onProjections).toEqual(expect.arrayContaining(['dynamodb:Query']));
      for (const write of DYNAMODB_WRITES) expect(onProjections).not.toContain(write);
    });
  });

  describe('when looking at the dead-letter queues', () => {
    it('then there are six: projector stream, publisher stream, rejected publishes, failed month closes, failed escalation sweeps, failed weekly briefs', () => {
      expect(ofType('AWS::SQS::Queue').map(([id]) => id).sort()).toEqual(
        [
          stack.projections.deadLetters.queue,
          stack.publishing.streamDeadLetters.queue,
          stack.publishing.publishDeadLetters.queue,
          stack.monthlyClose.deadLetters.queue,
          stack.escalationSweep.deadLetters.queue,
          stack.weeklyBrief.deadLetters.queue,
        ]
          .map(idOf)
          .sort(),
      );
    });

    it('then every queue is encrypted, keeps messages 14 days and refuses plain HTTP', () => {
      for (const [id, queue] of ofType('AWS::SQS::Queue')) {
        expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 60 * 60 });
        const denyInsecure = ofType('AWS::SQS::QueuePolicy')
          .map(([, policy]) => policy.Properties ?? {})
          .filter((properties) => (properties.Queues as unknown[]).some((q) => refOf(q) === id))
          .flatMap((properties) => (properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement)
          .filter((statement) => statement.Effect === 'Deny');
        expect(denyInsecure, id).toContainEqual(
          expect.objectContaining({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        );
      }
    });

    it('then every queue raises an alarm as soon as one message is visible, and not when the queue is idle', () => {
      const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties ?? {});
      for (const [id] of ofType('AWS::SQS::Queue')) {
        const watching = alarms.filter(
          (alarm) =>
            alarm.Namespace === 'AWS/SQS' &&
            alarm.MetricName === 'ApproximateNumberOfMessagesVisible' &&
            JSON.stringify(alarm.Dimensions) === JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }]),
        );
        expect(watching, `no alarm on ${id}`).toHaveLength(1);
        expect(watching[0]).toMatchObject({
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Threshold: 1,
          EvaluationPeriods: 1,
          TreatMissingData: 'notBreaching',
        });
      }
    });
  });

  describe('when looking at event publishing', () => {
    it('then there is one event bus, named handshake, and its name is an output', () => {
      expect(ofType('AWS::Events::EventBus')).toHaveLength(1);
      expect(resources[idOf(stack.publishing.bus)]?.Properties).toMatchObject({ Name: 'handshake' });
      template.hasOutput('EventBusName', { Value: { Ref: idOf(stack.publishing.bus) } });
    });

    it('then the publisher is told the bus, the events table and the publish dead-letter queue', () => {
      expect(resources[idOf(stack.publishing.publisher)]?.Properties).toMatchObject({
        Runtime: lambdaRuntime.name,
        Architectures: ['arm64'],
        Environment: {
          Variables: {
            [EVENT_BUS_ENV]: { Ref: idOf(stack.publishing.bus) },
            [EVENTS_TABLE_ENV]: { Ref: idOf(stack.events.table) },
            [PUBLISH_DLQ_URL_ENV]: { Ref: idOf(stack.publishing.publishDeadLetters.queue) },
          },
        },
      });
    });

    it('then the publisher may put events on that bus and park rejected entries on its queue', () => {
      const statements = statementsOfFunction(resources, idOf(stack.publishing.publisher));
      expect(actionsOn(statements, idOf(stack.publishing.bus))).toContain('events:PutEvents');
      expect(actionsOn(statements, idOf(stack.publishing.publishDeadLetters.queue))).toContain('sqs:SendMessage');
    });

    it('then the publisher cannot write to either table', () => {
      const statements = statementsOfFunction(resources, idOf(stack.publishing.publisher));
      for (const table of [stack.events.table, stack.projections.table]) {
        for (const write of DYNAMODB_WRITES) expect(actionsOn(statements, idOf(table))).not.toContain(write);
      }
    });
  });

  describe('when looking at the scorecard routes', () => {
    it.each(['GET /v1/scorecards/{month}', 'GET /v1/scorecards'])('then %s is served by queries behind the JWT authorizer', (key) => {
      expect(routes.map(routeKey)).toContain(key);
      const deployed = ofType('AWS::ApiGatewayV2::Route').filter(([, route]) => route.Properties?.RouteKey === key);
      expect(deployed, `route ${key} is missing`).toHaveLength(1);
      expect(deployed[0]?.[1].Properties?.AuthorizationType).toBe('JWT');
    });
  });

  describe('when looking at every function, stream consumers included', () => {
    it('then there is one per API function, two on the stream and three on a schedule, none on nodejs20.x', () => {
      const functions = ofType('AWS::Lambda::Function');
      expect(functions).toHaveLength(Object.keys(stack.functions.byName).length + 5);
      for (const [, fn] of functions) expect(fn.Properties?.Runtime).toBe(lambdaRuntime.name);
    });
  });
});
