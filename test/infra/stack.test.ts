import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../domain/roles.ts';
import { EVENTS_TABLE_ENV } from '../../functions/config.ts';
import { eventsTable } from '../../functions/eventStore/eventsTable.ts';
import { functionEntries, scheduledEntries, streamConsumerEntries } from '../../functions/handlers/entries.ts';
import { routeKey, routes, type ApiFunction } from '../../functions/http/routes.ts';
import { HandshakeStack } from '../../infra/handshakeStack.ts';
import { cdkJsonContext, refOf, type Resource } from './template.ts';

// Bundling every function with esbuild happens while the stack is constructed.
const SYNTH_TIMEOUT_MS = 120_000;

describe('given the Handshake stack synthesized with the project context', () => {
  let app: App;
  let stack: HandshakeStack;
  let template: Template;
  let resources: Record<string, Resource>;

  beforeAll(() => {
    app = new App({ context: cdkJsonContext() });
    stack = new HandshakeStack(app, 'Handshake', { timeZone: 'UTC' });
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources as Record<string, Resource>;
  }, SYNTH_TIMEOUT_MS);

  const logicalIdOfFunction = (name: ApiFunction): string =>
    stack.getLogicalId(stack.functions.byName[name].node.defaultChild as CfnElement);

  describe('when looking at the events table', () => {
    it('then it is keyed by stream id (string) and version (number)', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: eventsTable.partitionKey, KeyType: 'HASH' },
          { AttributeName: eventsTable.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: eventsTable.partitionKey, AttributeType: 'S' },
          { AttributeName: eventsTable.sortKey, AttributeType: 'N' },
        ]),
        BillingMode: 'PAY_PER_REQUEST',
      });
    });

    it('then it streams new images for the projector', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      });
    });

    it('then it cannot be lost: PITR, deletion protection, retained on stack delete, encrypted', () => {
      const table = template.toJSON().Resources[stack.getLogicalId(stack.events.table.node.defaultChild as CfnElement)];
      expect(table).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
          SSESpecification: { SSEEnabled: true },
        },
      });
    });
  });

  describe('when looking at the HTTP API', () => {
    it('then there is exactly one HTTP API', () => {
      template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    });

    it('then a JWT authorizer trusts tokens issued by the user pool for its client', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Audience: [{ Ref: stack.getLogicalId(stack.identity.client.node.defaultChild as CfnElement) }],
          Issuer: Match.anyValue(),
        },
      });
    });

    it('then it has one route per entry of the route table', () => {
      const deployed = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
        (route) => (route as Resource).Properties?.RouteKey,
      );
      expect(deployed.sort()).toEqual(routes.map(routeKey).sort());
    });

    it.each(routes.map((route) => [routeKey(route), route] as const))(
      'then %s is authorized as declared and served by its function',
      (key, route) => {
        const [, deployed] = Object.entries(template.findResources('AWS::ApiGatewayV2::Route', {
          Properties: { RouteKey: key },
        }))[0] ?? [];
        expect(deployed, `route ${key} is missing`).toBeDefined();
        const properties = (deployed as Resource).Properties ?? {};

        if (route.auth === 'jwt') {
          expect(properties.AuthorizationType).toBe('JWT');
          const authorizer = resources[refOf(properties.AuthorizerId)];
          expect(authorizer?.Type).toBe('AWS::ApiGatewayV2::Authorizer');
        } else {
          expect(properties.AuthorizationType).toBe('NONE');
          expect(properties.AuthorizerId).toBeUndefined();
        }

        // Target is `integrations/<integration id>`; the integration invokes one function.
        const target = properties.Target as { 'Fn::Join': [string, unknown[]] };
        const integration = resources[refOf(target['Fn::Join'][1][1])];
        expect(integration?.Type).toBe('AWS::ApiGatewayV2::Integration');
        expect(integration?.Properties?.IntegrationUri).toEqual({
          'Fn::GetAtt': [logicalIdOfFunction(route.function), 'Arn'],
        });
      },
    );
  });

  describe('when looking at identity', () => {
    it('then the user pool has one group per role', () => {
      const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
        (group) => (group as Resource).Properties?.GroupName,
      );
      expect(groups.sort()).toEqual([...Role.options].sort());
      expect(Role.options).toEqual(['admin', 'leadership', 'sales', 'ops']);
    });

    it('then nobody can sign themselves up', () => {
      template.resourceCountIs('AWS::Cognito::UserPool', 1);
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      });
    });

    it('then the client is public and has no OAuth flows', () => {
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        AllowedOAuthFlows: Match.absent(),
      });
    });
  });

  describe('when looking at the functions', () => {
    it('then every function runs on Node.js 22 or newer, never nodejs20.x', () => {
      const functions = Object.values(template.findResources('AWS::Lambda::Function')) as Resource[];
      expect(functions.length).toBeGreaterThan(0);
      for (const fn of functions) {
        const runtime = String(fn.Properties?.Runtime);
        expect(runtime).not.toBe('nodejs20.x');
        const major = Number(/^nodejs(\d+)\.x$/.exec(runtime)?.[1]);
        expect(major, runtime).toBeGreaterThanOrEqual(22);
      }
    });

    it('then every function runs on arm64', () => {
      for (const fn of Object.values(template.findResources('AWS::Lambda::Function')) as Resource[]) {
        expect(fn.Properties?.Architectures).toEqual(['arm64']);
      }
    });

    it("then each function's bundle, as the deploy builds it, carries only the environment's credentials link of the SDK's chain", () => {
      const bundles = readdirSync(app.outdir)
        .map((asset) => path.join(app.outdir, asset, 'index.mjs'))
        .filter((file) => existsSync(file))
        .map((file) => readFileSync(file, 'utf8'));

      expect(bundles).toHaveLength(Object.keys({ ...functionEntries, ...streamConsumerEntries, ...scheduledEntries }).length);
      for (const bundle of bundles) {
        expect(bundle).toContain('Unable to find environment variable credentials');
        // The web identity link and the STS client it carries stay out (infra/constructs/lambdaBundling.ts).
        expect(bundle).not.toContain('AssumeRoleWithWebIdentity');
      }
    });

    it.each(['commands', 'queries'] as const)('then %s is configured from the table and the business time zone', (name) => {
      const fn = resources[logicalIdOfFunction(name)];
      expect(fn?.Properties).toMatchObject({
        MemorySize: 1024,
        Timeout: 10,
        Environment: {
          Variables: {
            [EVENTS_TABLE_ENV]: { Ref: stack.getLogicalId(stack.events.table.node.defaultChild as CfnElement) },
            HANDSHAKE_TIME_ZONE: 'UTC',
            POWERTOOLS_SERVICE_NAME: 'handshake',
          },
        },
      });
      const logGroup = resources[refOf((fn?.Properties?.LoggingConfig as { LogGroup?: unknown }).LogGroup)];
      expect(logGroup?.Properties?.RetentionInDays).toBe(30);
    });

    const dynamoActionsOf = (name: ApiFunction): string[] => {
      const role = (resources[logicalIdOfFunction(name)]?.Properties?.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
      return Object.values(template.findResources('AWS::IAM::Policy'))
        .map((policy) => (policy as Resource).Properties ?? {})
        .filter((properties) => (properties.Roles as unknown[]).some((r) => refOf(r) === role))
        .flatMap((properties) => (properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement)
        .flatMap((statement) => [statement.Action].flat())
        .filter((action) => action.startsWith('dynamodb:'));
    };

    it('then commands may append events', () => {
      expect(dynamoActionsOf('commands')).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query']));
    });

    it('then queries may read but never write events', () => {
      const actions = dynamoActionsOf('queries');
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem']));
      for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
        expect(actions).not.toContain(write);
      }
    });
  });

  describe('when looking at the outputs', () => {
    it('then deployers get the API URL, user pool, client, table names and event bus', () => {
      for (const output of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'EventsTableName', 'ProjectionsTableName', 'EventBusName']) {
        template.hasOutput(output, { Value: Match.anyValue() });
      }
    });
  });
});

describe('given a time zone that does not exist', () => {
  it('when the stack is built, then synth fails before anything is bundled', () => {
    const app = new App({ context: cdkJsonContext() });
    expect(() => new HandshakeStack(app, 'Handshake', { timeZone: 'Mars/Olympus_Mons' })).toThrow(/IANA time zone/);
  });
});
