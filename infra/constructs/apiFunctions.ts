import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { EVENTS_TABLE_ENV, PROJECTIONS_TABLE_ENV, REPORTS_BUCKET_ENV } from '../../functions/config.ts';
import { functionEntries } from '../../functions/handlers/entries.ts';
import type { ApiFunction } from '../../functions/http/routes.ts';
import type { NpsProviderName } from '../../functions/nps/webhookSecrets.ts';
import { handshakeFunction } from './handshakeFunction.ts';
import { grantBriefAccess, grantReportAccess } from './reportsBucket.ts';
import { npsProviders, webhookSecretArnEnv } from './webhookSecrets.ts';

export interface ApiFunctionsProps {
  /** The event store: commands append to it, queries read it. */
  readonly eventsTable: dynamodb.ITable;
  /** The read models the projector keeps; queries read them. */
  readonly projectionsTable: dynamodb.ITable;
  /** IANA zone in which months are counted. */
  readonly timeZone: string;
  /** ISO 4217 code scorecards report money in. */
  readonly currency: string;
  /** The NPS providers' webhook signing secrets; only the nps function may read them. */
  readonly webhookSecrets: Record<NpsProviderName, secretsmanager.ISecret>;
  /** Where closed months' reports are issued (the incentives function writes and serves them) and weekly briefs kept (under briefs/). */
  readonly reportsBucket: s3.IBucket;
}

/**
 * Every API function, `promises` included while the route table is still gaining it (then this is
 * just ApiFunction): its access is decided here before its routes are deployed.
 */
export type ConfiguredFunction = ApiFunction | 'promises';

/** What an API function may do with the tables. */
export interface TableAccess {
  readonly events: 'read' | 'readWrite';
  readonly projections: 'none' | 'read';
}

/**
 * The least each function needs of the tables. No function writes the read models: they are the
 * projector's alone, so a bug in a request path can never corrupt them.
 */
export const tableAccess: Record<ConfiguredFunction, TableAccess> = {
  // Commands decide from the event streams; a close is checked against the open commitments the projector keeps.
  commands: { events: 'readWrite', projections: 'read' },
  // Queries never write: a bug there can neither rewrite history nor corrupt a read model.
  queries: { events: 'read', projections: 'read' },
  // NPS answers are appended as events (deduplicated by reading their stream first).
  nps: { events: 'readWrite', projections: 'none' },
  // Plans and month closings are appended as events; payouts are computed from the read models.
  incentives: { events: 'readWrite', projections: 'read' },
  // Catalogue, capacity, rules and escalations are appended as events; checks read the open commitments.
  promises: { events: 'readWrite', projections: 'read' },
  // A brief's publication is appended as an event; its facts are read from the read models.
  briefs: { events: 'readWrite', projections: 'read' },
};

/** The Lambda functions behind the HTTP API, one per entry in `functionEntries`. */
export class ApiFunctions extends Construct {
  readonly byName: Record<ApiFunction, NodejsFunction>;

  constructor(scope: Construct, id: string, props: ApiFunctionsProps) {
    super(scope, id);

    const common = {
      [EVENTS_TABLE_ENV]: props.eventsTable.tableName,
      HANDSHAKE_TIME_ZONE: props.timeZone,
      HANDSHAKE_CURRENCY: props.currency,
    };
    // Only what each function reads: commands decide from the event streams alone. A Record over
    // ApiFunction, so a function added to the route table does not compile until it is configured here.
    const environmentOf: Record<ConfiguredFunction, Record<string, string>> = {
      commands: { ...common, [PROJECTIONS_TABLE_ENV]: props.projectionsTable.tableName },
      // The promise desk checks proposals against the open commitments and lists escalations: both read models.
      promises: { ...common, [PROJECTIONS_TABLE_ENV]: props.projectionsTable.tableName },
      queries: { ...common, [PROJECTIONS_TABLE_ENV]: props.projectionsTable.tableName },
      // ARNs, not values: the handler fetches the secrets at run time (Powertools, cached), so a
      // rotated secret needs no deploy and no secret appears in the function's configuration.
      nps: {
        ...common,
        ...Object.fromEntries(npsProviders.map((provider) => [webhookSecretArnEnv(provider), props.webhookSecrets[provider].secretArn])),
      },
      // Publishing a brief reads the week's facts, the load and escalations; it keeps the brief under briefs/.
      briefs: {
        ...common,
        [PROJECTIONS_TABLE_ENV]: props.projectionsTable.tableName,
        [REPORTS_BUCKET_ENV]: props.reportsBucket.bucketName,
      },
      incentives: {
        ...common,
        [PROJECTIONS_TABLE_ENV]: props.projectionsTable.tableName,
        [REPORTS_BUCKET_ENV]: props.reportsBucket.bucketName,
      },
    };
    const timeoutOf: Partial<Record<ApiFunction, Duration>> = {
      // A bulk import of up to 500 answers is recorded one at a time; the HTTP API waits at most 30 s.
      nps: Duration.seconds(29),
      // Closing a month on request computes every statement and renders three reports in the call.
      incentives: Duration.seconds(29),
      // Publishing a brief on request gathers the week's facts and renders it in the call.
      briefs: Duration.seconds(29),
    };

    // Derived from the route table's entries, so a function added there is deployed without edits here.
    this.byName = Object.fromEntries(
      (Object.keys(functionEntries) as ApiFunction[]).map((name) => [
        name,
        handshakeFunction(this, name, {
          entry: functionEntries[name],
          environment: environmentOf[name],
          ...(timeoutOf[name] ? { timeout: timeoutOf[name] } : {}),
        }),
      ]),
    ) as Record<ApiFunction, NodejsFunction>;

    for (const [name, fn] of Object.entries(this.byName) as [ConfiguredFunction, NodejsFunction][]) {
      const access = tableAccess[name];
      if (access.events === 'readWrite') props.eventsTable.grantReadWriteData(fn);
      else props.eventsTable.grantReadData(fn);
      if (access.projections === 'read') props.projectionsTable.grantReadData(fn);
    }
    for (const provider of npsProviders) props.webhookSecrets[provider].grantRead(this.byName.nps);
    grantReportAccess(props.reportsBucket, this.byName.incentives);
    grantBriefAccess(props.reportsBucket, this.byName.briefs);
  }
}
