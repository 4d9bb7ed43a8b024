import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/http/routes.ts';
import { METRICS_NAMESPACE, MetricName } from '../../functions/observability/metrics.ts';
import { productMetric } from '../../infra/constructs/productMetrics.ts';
import { npsProviders } from '../../infra/constructs/webhookSecrets.ts';
import { HandshakeStack } from '../../infra/handshakeStack.ts';
import { refOf, type Resource, templateOnlyApp } from './template.ts';

const EMAILS = ['ops@example.com', 'payroll-oncall@example.com'];

describe('given the Handshake stack with alarm e-mails', () => {
  let stack: HandshakeStack;
  let template: Template;
  let resources: Record<string, Resource>;

  beforeAll(() => {
    const app = templateOnlyApp();
    stack = new HandshakeStack(app, 'Handshake', { timeZone: 'UTC', alarmEmails: EMAILS, currency: 'EUR' });
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources as Record<string, Resource>;
  }, 120_000);

  const idOf = (construct: IConstruct): string => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const ofType = (type: string): [string, Resource][] => Object.entries(resources).filter(([, r]) => r.Type === type);
  const alarms = () => ofType('AWS::CloudWatch::Alarm');
  const alarmsOn = (metricName: string, dimension?: { Name: string; Value: unknown }) =>
    alarms().filter(
      ([, alarm]) =>
        alarm.Properties?.MetricName === metricName &&
        (!dimension || JSON.stringify(alarm.Properties?.Dimensions).includes(JSON.stringify(dimension))),
    );

  describe('when looking at who is told', () => {
    it('then one topic, TLS-only, has an e-mail subscription per address', () => {
      const [topicId] = ofType('AWS::SNS::Topic').map(([id]) => id);
      expect(topicId).toBe(idOf(stack.alarms.topic));
      const subscriptions = ofType('AWS::SNS::Subscription').map(([, s]) => s.Properties ?? {});
      expect(subscriptions.map((s) => [s.Protocol, s.Endpoint, refOf(s.TopicArn)])).toEqual(EMAILS.map((email) => ['email', email, topicId]));
      const policy = ofType('AWS::SNS::TopicPolicy')[0]![1];
      expect(JSON.stringify(policy.Properties?.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    });

    it('then every alarm in the stack notifies the topic when it fires and when it recovers', () => {
      expect(alarms().length).toBeGreaterThan(20);
      for (const [id, alarm] of alarms()) {
        expect(alarm.Properties?.AlarmActions, id).toEqual([{ Ref: idOf(stack.alarms.topic) }]);
        expect(alarm.Properties?.OKActions, id).toEqual([{ Ref: idOf(stack.alarms.topic) }]);
      }
    });
  });

  describe('when looking at the alarms', () => {
    it('then each dead-letter queue has a depth alarm', () => {
      for (const dlq of [stack.projections.deadLetters, stack.publishing.streamDeadLetters, stack.publishing.publishDeadLetters, stack.monthlyClose.deadLetters]) {
        const onQueue = alarmsOn('ApproximateNumberOfMessagesVisible', { Name: 'QueueName', Value: { 'Fn::GetAtt': [idOf(dlq.queue), 'QueueName'] } });
        expect(onQueue, dlq.node.path).toHaveLength(1);
      }
    });

    it('then every Lambda function has an errors alarm and a throttles alarm', () => {
      const functions = ofType('AWS::Lambda::Function').map(([id]) => id);
      // One per API function, the projector, the publisher, the month close, the escalation sweep and the weekly brief.
      expect(functions).toHaveLength(Object.keys(stack.functions.byName).length + 5);
      for (const fn of functions) {
        const dimension = { Name: 'FunctionName', Value: { Ref: fn } };
        expect(alarmsOn('Errors', dimension), fn).toHaveLength(1);
        expect(alarmsOn('Throttles', dimension), fn).toHaveLength(1);
      }
    });

    it('then the projector and the publisher alarm when they fall behind the stream', () => {
      for (const fn of [stack.projections.projector, stack.publishing.publisher]) {
        expect(alarmsOn('IteratorAge', { Name: 'FunctionName', Value: { Ref: idOf(fn) } }), fn.node.path).toHaveLength(1);
      }
    });

    it('then the API alarms on its 5xx rate, computed from its own request and error counts', () => {
      const rate = alarms().filter(([, alarm]) => JSON.stringify(alarm.Properties?.Metrics ?? []).includes('"MetricName":"5xx"'));
      expect(rate).toHaveLength(1);
      const metrics = JSON.stringify(rate[0]![1].Properties?.Metrics);
      expect(metrics).toContain('"MetricName":"Count"');
      expect(metrics).toContain(`{"Name":"ApiId","Value":{"Ref":"${idOf(stack.httpApi.api)}"}}`);
    });

    it.each([MetricName.projectionLag, MetricName.projectorRecordsFailed, MetricName.monthCloseFailures, MetricName.publishFailures])(
      'then the product metric %s has an alarm in the namespace the code emits to',
      (name) => {
        const found = alarmsOn(name);
        expect(found).toHaveLength(1);
        expect(found[0]![1].Properties).toMatchObject({ Namespace: METRICS_NAMESPACE, Dimensions: [{ Name: 'service', Value: 'handshake' }] });
      },
    );

    it.each(npsProviders)('then forged %s webhooks (bad signatures spiking) raise an alarm', (provider) => {
      const found = alarmsOn(MetricName.webhookRejected, { Name: 'Provider', Value: provider });
      expect(found).toHaveLength(1);
      expect(Number(found[0]![1].Properties?.Threshold)).toBeGreaterThan(1);
    });
  });

  describe('when looking at the dashboard', () => {
    const body = () => {
      const [, dashboard] = ofType('AWS::CloudWatch::Dashboard')[0]!;
      const join = dashboard.Properties?.DashboardBody as { 'Fn::Join': [string, unknown[]] };
      return join['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join('');
    };

    it('then there is one, graphing the product metrics the code emits', () => {
      expect(ofType('AWS::CloudWatch::Dashboard')).toHaveLength(1);
      for (const name of [MetricName.promiseKept, MetricName.npsResponses, MetricName.poolTotal, MetricName.projectionLag, MetricName.webhookRejected, MetricName.commandRejected]) {
        expect(body(), name).toContain(name);
      }
      expect(body()).toContain('"Currency","EUR"');
    });

    it('then it shows dead-letter depths and the latency of every route at p50 and p99', () => {
      expect(body()).toContain('ApproximateNumberOfMessagesVisible');
      for (const route of routes) {
        expect(body(), route.path).toContain(`"Resource","${route.path}"`);
      }
      expect(body()).toContain('"stat":"p50"');
      expect(body()).toContain('"stat":"p99"');
    });
  });

  describe('when looking at the API stage', () => {
    it('then every route has a default throttle and detailed (per-route) metrics', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        DefaultRouteSettings: { ThrottlingBurstLimit: Match.anyValue(), ThrottlingRateLimit: Match.anyValue(), DetailedMetricsEnabled: true },
      });
    });

    it('then CORS is off unless origins are given', () => {
      expect(resources[idOf(stack.httpApi.api)]?.Properties?.CorsConfiguration).toBeUndefined();
    });
  });

  describe('when looking at identity and the reports bucket', () => {
    it('then every account signs in with TOTP and a stated password policy', () => {
      expect(resources[idOf(stack.identity.userPool)]?.Properties).toMatchObject({
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        Policies: { PasswordPolicy: { MinimumLength: 14, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true } },
      });
    });

    it('then the reports bucket logs every access to a private, TLS-only, expiring log bucket', () => {
      const logs = idOf(stack.reports.accessLogs);
      expect(refOf((resources[idOf(stack.reports.bucket)]?.Properties?.LoggingConfiguration as { DestinationBucketName: unknown }).DestinationBucketName)).toBe(logs);
      expect(resources[logs]?.Properties).toMatchObject({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        LifecycleConfiguration: { Rules: [expect.objectContaining({ Status: 'Enabled', ExpirationInDays: expect.any(Number) })] },
      });
      const policy = ofType('AWS::S3::BucketPolicy').find(([, p]) => refOf(p.Properties?.Bucket) === logs)?.[1];
      const statements = JSON.stringify(policy?.Properties?.PolicyDocument);
      expect(statements).toContain('"aws:SecureTransport":"false"');
      expect(statements).toContain('logging.s3.amazonaws.com');
    });
  });

  it('when looking at the outputs, then the alarm topic and the dashboard are there', () => {
    template.hasOutput('AlarmTopicArn', { Value: { Ref: idOf(stack.alarms.topic) } });
    template.hasOutput('DashboardName', { Value: { Ref: idOf(stack.dashboard.dashboard) } });
  });
});

describe('given the stack with CORS origins', () => {
  it('when synthesised, then only those origins may call the API from a browser', () => {
    const app = templateOnlyApp();
    const stack = new HandshakeStack(app, 'Handshake', { timeZone: 'UTC', corsOrigins: ['https://app.example.com'] });

    Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowOrigins: ['https://app.example.com'], AllowHeaders: Match.arrayWith(['authorization', 'idempotency-key']) },
    });
  }, 120_000);
});

describe('given a product metric asked for with dimensions the code does not emit', () => {
  it('when built, then synth fails instead of an alarm that never fires', () => {
    expect(() => productMetric(MetricName.webhookRejected)).toThrow(/Provider/);
    expect(() => productMetric(MetricName.publishFailures, { dimensions: { Provider: 'typeform' } })).toThrow(/PublishFailures/);
  });
});

describe('given a currency that does not exist', () => {
  it('when the stack is built, then synth fails', () => {
    const app = templateOnlyApp();
    expect(() => new HandshakeStack(app, 'Handshake', { timeZone: 'UTC', currency: 'XYZ' })).toThrow(/currency "XYZ"/);
  });
});
