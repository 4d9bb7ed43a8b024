import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { routeKey, routes } from '../functions/http/routes.ts';
import { ApiFunctions } from './constructs/apiFunctions.ts';
import { EventPublishing } from './constructs/eventPublishing.ts';
import { EventStore } from './constructs/eventStore.ts';
import { HttpApi } from './constructs/httpApi.ts';
import { Identity } from './constructs/identity.ts';
import { MonthlyClose } from './constructs/monthlyClose.ts';
import { Projections } from './constructs/projections.ts';
import { ReportsBucket } from './constructs/reportsBucket.ts';
import { WebhookSecrets } from './constructs/webhookSecrets.ts';

export interface HandshakeStackProps extends StackProps {
  /** IANA zone in which months (scorecards, payouts) are counted. */
  readonly timeZone: string;
}

/**
 * The NPS providers' webhooks: unauthenticated at the gateway (the handler checks the provider's
 * signature), so anyone on the internet can call them. A provider sends one request per survey
 * answer, far below these limits, and retries what is refused with 429.
 */
const webhookThrottle = { burstLimit: 50, rateLimit: 20 };
const webhookRoutes = routes.filter((route) => route.function === 'nps' && route.auth === 'none');

/** Fails synth, rather than the first month close after deploy, on a zone Node does not know. */
const assertTimeZone = (zone: string): void => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new Error(`timeZone "${zone}" is not an IANA time zone (e.g. UTC, America/Chicago)`);
  }
};

export class HandshakeStack extends Stack {
  readonly events: EventStore;
  readonly identity: Identity;
  readonly projections: Projections;
  readonly publishing: EventPublishing;
  readonly webhookSecrets: WebhookSecrets;
  readonly reports: ReportsBucket;
  readonly functions: ApiFunctions;
  readonly httpApi: HttpApi;
  readonly monthlyClose: MonthlyClose;

  constructor(scope: Construct, id: string, props: HandshakeStackProps) {
    super(scope, id, props);
    assertTimeZone(props.timeZone);

    this.events = new EventStore(this, 'Events');
    this.identity = new Identity(this, 'Identity');

    // Two independent consumers of the events table's stream (DynamoDB allows two per shard
    // without throttling): a failure publishing never holds back the read models, nor the reverse.
    this.projections = new Projections(this, 'Projections', {
      eventsTable: this.events.table,
      timeZone: props.timeZone,
    });
    this.publishing = new EventPublishing(this, 'Publishing', {
      eventsTable: this.events.table,
      busName: 'handshake',
    });

    this.webhookSecrets = new WebhookSecrets(this, 'WebhookSecrets');
    this.reports = new ReportsBucket(this, 'Reports');

    this.functions = new ApiFunctions(this, 'Functions', {
      eventsTable: this.events.table,
      projectionsTable: this.projections.table,
      timeZone: props.timeZone,
      webhookSecrets: this.webhookSecrets.byProvider,
      reportsBucket: this.reports.bucket,
    });

    this.httpApi = new HttpApi(this, 'Http', {
      routes,
      functions: this.functions.byName,
      userPool: this.identity.userPool,
      userPoolClient: this.identity.client,
      routeThrottles: Object.fromEntries(webhookRoutes.map((route) => [routeKey(route), webhookThrottle])),
    });

    this.monthlyClose = new MonthlyClose(this, 'MonthlyClose', {
      eventsTable: this.events.table,
      projectionsTable: this.projections.table,
      reportsBucket: this.reports.bucket,
      timeZone: props.timeZone,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.url });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.identity.client.userPoolClientId });
    new CfnOutput(this, 'EventsTableName', { value: this.events.table.tableName });
    new CfnOutput(this, 'ProjectionsTableName', { value: this.projections.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: this.publishing.bus.eventBusName });
    new CfnOutput(this, 'ReportsBucketName', { value: this.reports.bucket.bucketName });
    // Where the operator puts each provider's signing secret after the first deploy.
    new CfnOutput(this, 'DelightedWebhookSecretArn', { value: this.webhookSecrets.byProvider.delighted.secretArn });
    new CfnOutput(this, 'TypeformWebhookSecretArn', { value: this.webhookSecrets.byProvider.typeform.secretArn });
  }
}
