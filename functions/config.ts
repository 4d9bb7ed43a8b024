/*
 * Every environment variable a Handshake process reads is named here, and only here: the CDK app sets
 * them by these names, and readConfig is the one place that reads them.
 */

export const EVENTS_TABLE_ENV = 'HANDSHAKE_EVENTS_TABLE';
export const PROJECTIONS_TABLE_ENV = 'HANDSHAKE_PROJECTIONS_TABLE';
/** Where closed months' reports are issued (an S3 bucket). */
export const REPORTS_BUCKET_ENV = 'HANDSHAKE_REPORTS_BUCKET';
/** Where every domain event is published for other systems (payroll, CRM, chat). */
export const EVENT_BUS_ENV = 'HANDSHAKE_EVENT_BUS';
/** Where the publisher parks entries that EventBridge still rejects after its retries (an SQS queue URL). */
export const PUBLISH_DLQ_URL_ENV = 'HANDSHAKE_PUBLISH_DLQ_URL';
/** The IANA zone months are counted and closed in. */
export const TIME_ZONE_ENV = 'HANDSHAKE_TIME_ZONE';
export const CURRENCY_ENV = 'HANDSHAKE_CURRENCY';
export const TENANT_ID_ENV = 'HANDSHAKE_TENANT_ID';
/** Set only on the local stack and for operator commands: the DynamoDB-compatible server to talk to. */
export const DYNAMODB_ENDPOINT_ENV = 'HANDSHAKE_DYNAMODB_ENDPOINT';
export const REGION_ENV = 'AWS_REGION';

/** A survey tool's webhook signing secret itself: how the local stack is given it. */
export const webhookSecretEnv = (provider: string): string => `HANDSHAKE_${provider.toUpperCase()}_SECRET`;
/** The ARN of the Secrets Manager secret holding a survey tool's signing secret: how AWS is given it. */
export const webhookSecretArnEnv = (provider: string): string => `${webhookSecretEnv(provider)}_ARN`;

/** `npm start` only: the API's port, DynamoDB Local's port and the local event bus's port (0: any free one). */
export const PORT_ENV = 'PORT';
export const DYNAMODB_PORT_ENV = 'HANDSHAKE_DYNAMODB_PORT';
export const EVENT_BUS_PORT_ENV = 'HANDSHAKE_EVENT_BUS_PORT';
/** `npm start` and operator commands: the local stack's data folder (default .handshake). */
export const DATA_DIR_ENV = 'HANDSHAKE_DATA_DIR';
/** Operator commands: the HTTP API to call when no --url is given. */
export const API_URL_ENV = 'HANDSHAKE_API_URL';

/** Everything a handler reads from its environment, read once and named. */
export interface Config {
  eventsTable: string;
  projectionsTable: string;
  reportsBucket: string;
  /** The currency scorecards report money in. */
  reportingCurrency: string;
  tenantId: string;
  timeZone: string;
  /** Set only on the local stack: the DynamoDB-compatible server to talk to. */
  dynamoDbEndpoint?: string;
  region: string;
  /** Set only on the publisher: the bus events go to and the queue what it rejects goes to. */
  eventBus?: string;
  publishDeadLetterQueueUrl?: string;
}

/** What a variable left unset means; the local runtime starts from these too. */
export const configDefaults = {
  eventsTable: 'handshake-events',
  projectionsTable: 'handshake-projections',
  reportsBucket: 'handshake-reports',
  reportingCurrency: 'USD',
  tenantId: 'default',
  timeZone: 'UTC',
  region: 'us-east-1',
} as const satisfies Partial<Config>;

// An empty variable counts as unset, so the publisher refuses to start rather than send events nowhere.
const optional = (value: string | undefined): string | undefined => (value ? value : undefined);

export const readConfig = (env: NodeJS.ProcessEnv = process.env): Config => ({
  eventsTable: env[EVENTS_TABLE_ENV] ?? configDefaults.eventsTable,
  projectionsTable: env[PROJECTIONS_TABLE_ENV] ?? configDefaults.projectionsTable,
  reportsBucket: env[REPORTS_BUCKET_ENV] ?? configDefaults.reportsBucket,
  reportingCurrency: env[CURRENCY_ENV] ?? configDefaults.reportingCurrency,
  tenantId: env[TENANT_ID_ENV] ?? configDefaults.tenantId,
  timeZone: env[TIME_ZONE_ENV] ?? configDefaults.timeZone,
  dynamoDbEndpoint: env[DYNAMODB_ENDPOINT_ENV],
  region: env[REGION_ENV] ?? configDefaults.region,
  eventBus: optional(env[EVENT_BUS_ENV]),
  publishDeadLetterQueueUrl: optional(env[PUBLISH_DLQ_URL_ENV]),
});

/** What `npm start` listens on. */
export interface LocalPorts {
  api: number;
  dynamoDb: number;
  eventBus: number;
}

export const readLocalPorts = (env: NodeJS.ProcessEnv = process.env): LocalPorts => ({
  api: Number(env[PORT_ENV] ?? 3000),
  dynamoDb: Number(env[DYNAMODB_PORT_ENV] ?? 8000),
  eventBus: Number(env[EVENT_BUS_PORT_ENV] ?? 0),
});

/** A setting the deployment must provide is missing: a fault on our side, never the caller's. */
export class MissingConfiguration extends Error {
  constructor(
    /** The problem type the caller is answered with. */
    readonly slug: string,
    message: string,
    /** What the caller may be told: the setting's name stays in the log. */
    readonly publicDetail: string,
  ) {
    super(message);
    this.name = 'MissingConfiguration';
  }
}
