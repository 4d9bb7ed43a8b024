import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { Duration, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { routeKey, type ApiFunction, type Route } from '../../functions/http/routes.ts';

export interface HttpApiProps {
  readonly routes: readonly Route[];
  readonly functions: Record<ApiFunction, lambda.IFunction>;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  /**
   * Per-route throttling, by route key (`POST /v1/...`), tighter than the account's default for
   * every route. Each key must name one of `routes`.
   */
  readonly routeThrottles?: Readonly<Record<string, apigwv2.ThrottleSettings>>;
  /** The stage-wide limit every route has unless `routeThrottles` names it. */
  readonly defaultThrottle: apigwv2.ThrottleSettings;
  /**
   * Browser origins allowed to call the API (CORS). Empty: no CORS at all, so browsers refuse
   * cross-origin calls; the CLI, servers and same-origin pages are unaffected.
   */
  readonly corsOrigins: readonly string[];
}

/** Why a route has no JWT authorizer: the reason the security review reads. */
const unauthenticatedBecause = (route: Route): string =>
  route.function === 'nps'
    ? `${routeKey(route)} is a survey provider's webhook: the provider cannot present a Cognito token, and the ` +
      "handler verifies the provider's HMAC signature over the raw body (secret in Secrets Manager) before " +
      'reading it, which is the authentication. The route is throttled separately.'
    : `${routeKey(route)} serves the public API contract (OpenAPI document), the same for every caller and ` +
      'holding no data.';

/**
 * The public HTTP API. Routes come from the same table the local runtime serves, so what is
 * tested on a laptop is what is deployed.
 */
export class HttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);

    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'Handshake HTTP API v1',
      // The stage is declared below so that it can carry access logs.
      createDefaultStage: false,
      // A decision, not a default: CORS is on only for the origins the deployer named.
      ...(props.corsOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: [...props.corsOrigins],
              allowMethods: [...new Set(props.routes.map((route) => apigwv2.CorsHttpMethod[route.method]))],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
              exposeHeaders: ['etag', 'location'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const stage = (this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // Beyond this API Gateway answers 429 before any function runs: a runaway client cannot
      // exhaust the account's Lambda concurrency that the stream consumers also need.
      throttle: props.defaultThrottle,
      // Per-route request counts and latency (the dashboard's p50/p99 per route).
      detailedMetricsEnabled: true,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        // Only $context variables that HTTP APIs define: the REST API's standard format names
        // fields that an HTTP API stage rejects.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            sub: '$context.authorizer.claims.sub',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    }));

    // The authorizer only proves the token is genuine and for this client; which role may call
    // which route is decided by the handlers, from the same route table.
    const authorizer = new HttpUserPoolAuthorizer('Cognito', props.userPool, {
      userPoolClients: [props.userPoolClient],
    });

    const integrations = new Map<ApiFunction, HttpLambdaIntegration>();
    const integrationFor = (name: ApiFunction): HttpLambdaIntegration => {
      let integration = integrations.get(name);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${name}Integration`, props.functions[name]);
        integrations.set(name, integration);
      }
      return integration;
    };

    const deployedRoutes = new Map<string, apigwv2.HttpRoute[]>();
    for (const route of props.routes) {
      const added = this.api.addRoutes({
        path: route.path,
        methods: [apigwv2.HttpMethod[route.method]],
        integration: integrationFor(route.function),
        // Signature-checked webhooks and the OpenAPI document carry no bearer token.
        authorizer: route.auth === 'jwt' ? authorizer : new apigwv2.HttpNoneAuthorizer(),
      });
      deployedRoutes.set(routeKey(route), added);
      if (route.auth === 'none') {
        for (const deployed of added) {
          Validations.of(deployed).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: unauthenticatedBecause(route),
          });
        }
      }
    }

    this.throttleRoutes(stage, deployedRoutes, props.routeThrottles ?? {});
  }

  /**
   * Route-level throttling. HttpStage only exposes the stage-wide default, so the routes' own
   * limits go on the L1 stage's RouteSettings (keyed by route key). A request over the limit is
   * answered 429 by API Gateway before any Lambda runs.
   *
   * Note on request size: HTTP APIs have a fixed 10 MB payload quota (a Lambda integration is
   * further capped by Lambda's 6 MB invocation payload) and nothing to lower it: no request
   * validation, no body-size setting, and AWS WAF attaches to REST APIs, not HTTP APIs (only a
   * CloudFront distribution with WAF in front would do it). So the 256 KiB limit is enforced
   * by the handlers (functions/http/requestBody.ts MAX_BODY_BYTES, 413), before any signature is
   * checked or JSON parsed; this throttle bounds how often an unauthenticated caller can make a
   * function read up to that much.
   */
  private throttleRoutes(
    stage: apigwv2.HttpStage,
    deployedRoutes: ReadonlyMap<string, apigwv2.HttpRoute[]>,
    throttles: Readonly<Record<string, apigwv2.ThrottleSettings>>,
  ): void {
    const entries = Object.entries(throttles);
    if (entries.length === 0) return;
    const routeSettings: Record<string, { ThrottlingBurstLimit?: number; ThrottlingRateLimit?: number }> = {};
    for (const [key, { burstLimit, rateLimit }] of entries) {
      const routes = deployedRoutes.get(key);
      // A key naming no route fails the deploy ("Unable to find Route by key"): fail synth instead.
      if (!routes) throw new Error(`routeThrottles names ${key}, which is not a route of this API`);
      routeSettings[key] = {
        ...(burstLimit !== undefined ? { ThrottlingBurstLimit: burstLimit } : {}),
        ...(rateLimit !== undefined ? { ThrottlingRateLimit: rateLimit } : {}),
      };
      // The stage's settings may only name routes that already exist; nothing else orders them.
      for (const route of routes) stage.node.addDependency(route);
    }
    (stage.node.defaultChild as apigwv2.CfnStage).routeSettings = routeSettings;
  }

  /** Latency of one route, as API Gateway reports it with detailed metrics on. */
  routeLatency(route: Route, statistic: string): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: 'AWS/ApiGateway',
      metricName: 'Latency',
      dimensionsMap: { ApiId: this.api.apiId, Stage: this.stage.stageName, Method: route.method, Resource: route.path },
      statistic,
      period: Duration.minutes(5),
      label: `${routeKey(route)} ${statistic}`,
    });
  }

  /** Base URL for clients; routes are appended to it (`/v1/...`). */
  get url(): string {
    return this.api.apiEndpoint;
  }
}
