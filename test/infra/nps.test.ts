import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_TABLE_ENV } from '../../functions/config.ts';
import { routeKey, routes } from '../../functions/http/routes.ts';
import { webhookSecret, WebhookSecretMissing } from '../../functions/nps/webhookSecrets.ts';
import { HttpApi } from '../../infra/constructs/httpApi.ts';
import { lambdaRuntime } from '../../infra/constructs/handshakeFunction.ts';
import { HandshakeStack } from '../../infra/handshakeStack.ts';
import { npsProviders, webhookSecretArnEnv } from '../../infra/constructs/webhookSecrets.ts';
import { actionsOn, refOf, statementsOfFunction, type Resource, templateOnlyApp } from './template.ts';

const DYNAMODB_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const WEBHOOK_ROUTE_KEYS = ['POST /v1/nps/delighted', 'POST /v1/nps/typeform'];

describe('given the Handshake stack with NPS ingestion', () => {
  let stack: HandshakeStack;
  let resources: Record<string, Resource>;
  let template: Template;

  beforeAll(() => {
    const app = templateOnlyApp();
    stack = new HandshakeStack(app, 'Handshake', { timeZone: 'Europe/Berlin' });
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources as Record<string, Resource>;
  });

  const idOf = (construct: IConstruct): string => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  const ofType = (type: string): [string, Resource][] => Object.entries(resources).filter(([, r]) => r.Type === type);
  const secretIds = (): string[] => npsProviders.map((provider) => idOf(stack.webhookSecrets.byProvider[provider])).sort();
  const deployedRoute = (key: string): Record<string, unknown> => {
    const matching = ofType('AWS::ApiGatewayV2::Route').filter(([, route]) => route.Properties?.RouteKey === key);
    expect(matching, `route ${key} is missing`).toHaveLength(1);
    return matching[0]?.[1].Properties ?? {};
  };

  describe('when looking at the webhook signing secrets', () => {
    it('then there are exactly two, one per provider', () => {
      expect(ofType('AWS::SecretsManager::Secret').map(([id]) => id).sort()).toEqual(secretIds());
      expect(npsProviders).toEqual(['delighted', 'typeform']);
    });

    it.each(npsProviders)('then the %s secret is a generated placeholder that tells the operator what to put there, and is retained', (provider) => {
      const secret = resources[idOf(stack.webhookSecrets.byProvider[provider])];
      expect(secret).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { GenerateSecretString: expect.objectContaining({ PasswordLength: expect.any(Number) }) },
      });
      // Generated, never a literal value in the template.
      expect(secret?.Properties?.SecretString).toBeUndefined();
      expect(String(secret?.Properties?.Description)).toMatch(new RegExp(`${provider}.*signing secret|signing secret.*${provider}`, 'i'));
      expect(String(secret?.Properties?.Description)).toMatch(/replace this generated placeholder/i);
    });

    it('then the deployer is told where each secret is', () => {
      template.hasOutput('DelightedWebhookSecretArn', { Value: { Ref: idOf(stack.webhookSecrets.byProvider.delighted) } });
      template.hasOutput('TypeformWebhookSecretArn', { Value: { Ref: idOf(stack.webhookSecrets.byProvider.typeform) } });
    });
  });

  describe('when looking at the nps function', () => {
    it('then it is told the events table, the business time zone and where each secret is, never a secret value', () => {
      const nps = resources[idOf(stack.functions.byName.nps)];
      expect(nps?.Properties).toMatchObject({
        Runtime: lambdaRuntime.name,
        Architectures: ['arm64'],
        Environment: {
          Variables: {
            [EVENTS_TABLE_ENV]: { Ref: idOf(stack.events.table) },
            HANDSHAKE_TIME_ZONE: 'Europe/Berlin',
            HANDSHAKE_DELIGHTED_SECRET_ARN: { Ref: idOf(stack.webhookSecrets.byProvider.delighted) },
            HANDSHAKE_TYPEFORM_SECRET_ARN: { Ref: idOf(stack.webhookSecrets.byProvider.typeform) },
          },
        },
      });
      const variables = (nps?.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.HANDSHAKE_DELIGHTED_SECRET).toBeUndefined();
      expect(variables.HANDSHAKE_TYPEFORM_SECRET).toBeUndefined();
      expect(JSON.stringify(variables)).not.toContain('resolve:secretsmanager');
    });

    it.each(npsProviders)('then the %s variable is the one the handler reads the secret ARN from', async (provider) => {
      // The handler names both variables it looked in when neither is set.
      const missing = await webhookSecret(provider, {}).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(missing).toBeInstanceOf(WebhookSecretMissing);
      expect((missing as Error).message).toContain(webhookSecretArnEnv(provider));
    });

    it('then it may read secret values from exactly the two webhook secrets and nothing else', () => {
      const statements = statementsOfFunction(resources, idOf(stack.functions.byName.nps));
      const secretStatements = statements.filter((statement) =>
        [statement.Action].flat().some((action) => action.startsWith('secretsmanager:')),
      );
      expect(secretStatements.map((statement) => statement.Effect)).toEqual(secretStatements.map(() => 'Allow'));
      for (const statement of secretStatements) {
        expect([statement.Action].flat().sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
      }
      const readable = secretStatements
        .filter((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue'))
        .flatMap((statement) => [statement.Resource].flat().map(refOf));
      expect(readable.sort()).toEqual(secretIds());
    });

    it('then no other function may read the webhook secrets', () => {
      const nps = idOf(stack.functions.byName.nps);
      for (const [id] of ofType('AWS::Lambda::Function').filter(([id]) => id !== nps)) {
        const secretActions = statementsOfFunction(resources, id).flatMap((statement) =>
          [statement.Action].flat().filter((action) => action.startsWith('secretsmanager:')),
        );
        expect(secretActions, id).toEqual([]);
      }
    });

    it('then it may append events, and has no business with the projections', () => {
      const statements = statementsOfFunction(resources, idOf(stack.functions.byName.nps));
      expect(actionsOn(statements, idOf(stack.events.table))).toEqual(
        expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem']),
      );
      expect(actionsOn(statements, idOf(stack.projections.table))).toEqual([]);
    });

    it('then a bulk import has the time the HTTP API gives it (under its 30-second integration limit)', () => {
      const timeout = Number(resources[idOf(stack.functions.byName.nps)]?.Properties?.Timeout);
      expect(timeout).toBeGreaterThan(10);
      expect(timeout).toBeLessThan(30);
    });
  });

  describe('when looking at the NPS routes', () => {
    it('then the webhook routes are exactly the unauthenticated nps routes of the route table', () => {
      const unauthenticatedNps = routes.filter((route) => route.function === 'nps' && route.auth === 'none').map(routeKey);
      expect(unauthenticatedNps.sort()).toEqual([...WEBHOOK_ROUTE_KEYS].sort());
    });

    it.each(WEBHOOK_ROUTE_KEYS)('then %s carries no authorizer: the provider signature is its authentication', (key) => {
      const route = deployedRoute(key);
      expect(route.AuthorizationType).toBe('NONE');
      expect(route.AuthorizerId).toBeUndefined();
    });

    it('then the bulk import is behind the JWT authorizer', () => {
      const route = deployedRoute('POST /v1/nps/responses');
      expect(route.AuthorizationType).toBe('JWT');
      expect(resources[refOf(route.AuthorizerId)]?.Type).toBe('AWS::ApiGatewayV2::Authorizer');
    });

    it('then the unattributed listing is behind the JWT authorizer, served by queries, which reads the projections', () => {
      expect(deployedRoute('GET /v1/nps/unattributed').AuthorizationType).toBe('JWT');
      expect(routes.find((route) => routeKey(route) === 'GET /v1/nps/unattributed')?.function).toBe('queries');
      const statements = statementsOfFunction(resources, idOf(stack.functions.byName.queries));
      expect(actionsOn(statements, idOf(stack.projections.table))).toEqual(expect.arrayContaining(['dynamodb:Query']));
      for (const write of DYNAMODB_WRITES) expect(actionsOn(statements, idOf(stack.projections.table))).not.toContain(write);
    });
  });

  describe('when looking at the stage', () => {
    const stage = (): Record<string, unknown> & { DependsOn?: string[] } => {
      const stages = ofType('AWS::ApiGatewayV2::Stage');
      expect(stages).toHaveLength(1);
      return stages[0]![1] as Record<string, unknown> & { DependsOn?: string[] };
    };

    it('then exactly the webhook routes are throttled, to a burst of 50 and 20 requests a second', () => {
      const properties = (stage() as { Properties: Record<string, unknown> }).Properties;
      expect(properties.RouteSettings).toEqual(
        Object.fromEntries(WEBHOOK_ROUTE_KEYS.map((key) => [key, { ThrottlingBurstLimit: 50, ThrottlingRateLimit: 20 }])),
      );
    });

    it('then the stage is deployed after the routes its settings name', () => {
      const routeIds = ofType('AWS::ApiGatewayV2::Route')
        .filter(([, route]) => WEBHOOK_ROUTE_KEYS.includes(String(route.Properties?.RouteKey)))
        .map(([id]) => id);
      expect(routeIds).toHaveLength(2);
      expect(stage().DependsOn).toEqual(expect.arrayContaining(routeIds));
    });
  });

  describe('when looking at every function', () => {
    it('then there is one per API function (commands, queries, nps, incentives...), the projector, the publisher, the month close, the escalation sweep and the weekly brief, none on nodejs20.x', () => {
      const functions = ofType('AWS::Lambda::Function');
      expect(functions.map(([id]) => id).sort()).toEqual(
        [
          ...Object.values(stack.functions.byName),
          stack.projections.projector,
          stack.publishing.publisher,
          stack.monthlyClose.fn,
          stack.escalationSweep.fn,
          stack.weeklyBrief.fn,
        ]
          .map(idOf)
          .sort(),
      );
      for (const [, fn] of functions) expect(fn.Properties?.Runtime).not.toBe('nodejs20.x');
    });
  });
});

describe('given a route throttle that names no route', () => {
  it('when the API is built, then synth fails instead of the deploy', () => {
    const stack = new Stack(new App());
    const userPool = new cognito.UserPool(stack, 'Pool');
    const fn = new lambda.Function(stack, 'Fn', {
      runtime: lambdaRuntime,
      handler: 'index.handler',
      code: lambda.Code.fromInline('export const handler = async () => ({});'),
    });
    expect(
      () =>
        new HttpApi(stack, 'Http', {
          routes: routes.filter((route) => route.function === 'nps'),
          functions: { commands: fn, queries: fn, nps: fn, incentives: fn, promises: fn, briefs: fn },
          userPool,
          userPoolClient: userPool.addClient('Client'),
          routeThrottles: { 'POST /v1/nps/nowhere': { burstLimit: 1, rateLimit: 1 } },
          defaultThrottle: { burstLimit: 10, rateLimit: 5 },
          corsOrigins: [],
        }),
    ).toThrow(/POST \/v1\/nps\/nowhere.*not a route/);
  });
});
