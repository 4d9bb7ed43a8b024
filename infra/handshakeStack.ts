import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { routeKey, routes } from '../functions/http/routes.ts';
import { Currency } from '../domain/money.ts';
import { Alarms } from './constructs/alarms.ts';
import { ApiFunctions } from './constructs/apiFunctions.ts';
import { EventPublishing } from './constructs/eventPublishing.ts';
import { EscalationSweep } from './constructs/escalationSweep.ts';
import { WeeklyBrief } from './constructs/weeklyBrief.ts';
import { EventStore } from './constructs/eventStore.ts';
import { HttpApi } from './constructs/httpApi.ts';
import { Identity } from './constructs/identity.ts';
import { MonthlyClose } from './constructs/monthlyClose.ts';
import { OperatorDashboard } from './constructs/operatorDashboard.ts';
import { Projections } from './constructs/projections.ts';
import { ReportsBucket } from './constructs/reportsBucket.ts';
import { npsProviders, WebhookSecrets } from './constructs/webhookSecrets.ts';

export interface HandshakeStackProps extends StackProps {
  /** IANA zone in which months (scorecards, payouts) are counted. */
  readonly timeZone: string;
  /** ISO 4217 code scorecards and the pool are counted in. Default USD. */
  readonly currency?: string;
  /** Who is e-mailed when an alarm fires (each confirms the SNS subscription once). */
  readonly alarmEmails?: readonly string[];
  /** Browser origins allowed to call the API; none (the default) turns CORS off. */
  readonly corsOrigins?: readonly string[];
}

/**
 * The NPS providers' webhooks: unauthenticated at the gateway (the handler checks the provider's
 * signature), so anyone on the internet can call them. A provider sends one request per survey
 * answer, far below these limits, and retries what is refused with 429.
 */
const webhookThrottle = { burstLimit: 50, rateLimit: 20 };
const webhookRoutes = routes.filter((route) => route.function === 'nps' && route.auth === 'none');

/**
 * Every other route: well above what a sales team clicks or a CLI import sends, low enough that a
 * runaway client is answered 429 by API Gateway instead of taking the account's Lambda concurrency.
 */
const defaultThrottle = { burstLimit: 200, rateLimit: 100 };

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
  readonly escalationSweep: EscalationSweep;
  readonly weeklyBrief: WeeklyBrief;
  readonly alarms: Alarms;
  readonly dashboard: OperatorDashboard;

  constructor(scope: Construct, id: string, props: HandshakeStackProps) {
    super(scope, id, props);
    assertTimeZone(props.timeZone);
    const currency = props.currency ?? 'USD';
    const currencyCheck = Currency.safeParse(currency);
    if (!currencyCheck.success) throw new Error(`currency "${currency}" ${currencyCheck.error.issues[0]?.message}`);

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
      currency,
      webhookSecrets: this.webhookSecrets.byProvider,
      reportsBucket: this.reports.bucket,
    });

    this.httpApi = new HttpApi(this, 'Http', {
      routes,
      functions: this.functions.byName,
      userPool: this.identity.userPool,
      userPoolClient: this.identity.client,
      routeThrottles: Object.fromEntries(webhookRoutes.map((route) => [routeKey(route), webhookThrottle])),
      defaultThrottle,
      corsOrigins: props.corsOrigins ?? [],
    });

    this.monthlyClose = new MonthlyClose(this, 'MonthlyClose', {
      eventsTable: this.events.table,
      projectionsTable: this.projections.table,
      reportsBucket: this.reports.bucket,
      timeZone: props.timeZone,
    });

    this.escalationSweep = new EscalationSweep(this, 'EscalationSweep', {
      eventsTable: this.events.table,
      projectionsTable: this.projections.table,
      timeZone: props.timeZone,
    });

    this.weeklyBrief = new WeeklyBrief(this, 'WeeklyBrief', {
      eventsTable: this.events.table,
      projectionsTable: this.projections.table,
      reportsBucket: this.reports.bucket,
      timeZone: props.timeZone,
    });

    this.alarms = new Alarms(this, 'Alarms', {
      emails: props.alarmEmails ?? [],
      functions: {
        ...this.functions.byName,
        projector: this.projections.projector,
        publisher: this.publishing.publisher,
        monthClose: this.monthlyClose.fn,
        escalationSweep: this.escalationSweep.fn,
        weeklyBrief: this.weeklyBrief.fn,
      },
      streamConsumers: { projector: this.projections.projector, publisher: this.publishing.publisher },
      httpApi: this.httpApi.api,
      npsProviders,
    });
    this.dashboard = new OperatorDashboard(this, 'Operations', {
      httpApi: this.httpApi,
      routes,
      commandsFunction: this.functions.byName.commands,
      projector: this.projections.projector,
      deadLetterQueues: {
        projector: this.projections.deadLetters,
        'publisher stream': this.publishing.streamDeadLetters,
        'publish entries': this.publishing.publishDeadLetters,
        'month close': this.monthlyClose.deadLetters,
        'escalation sweep': this.escalationSweep.deadLetters,
        'weekly brief': this.weeklyBrief.deadLetters,
      },
      npsProviders,
      currency,
    });
    // Last, so that it reaches every alarm defined above, the dead-letter queues' included.
    this.alarms.notifyEveryAlarm(this);

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
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: this.dashboard.dashboard.dashboardName });
  }
}
