import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { EVENT_BUS_ENV, PUBLISH_DLQ_URL_ENV, readConfig, type Config } from '../config.ts';
import { createDynamoClient } from '../dynamo/dynamoClient.ts';
import { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { createBriefsHandler } from './briefs.ts';
import { createCommandsHandler } from './commands.ts';
import { createWeeklyBriefScheduleHandler } from './weeklyBriefSchedule.ts';
import { createIncentivesHandler } from './incentives.ts';
import { createMonthCloseScheduleHandler } from './monthCloseSchedule.ts';
import { createNpsHandler } from './nps.ts';
import { createProjectorHandler } from './projector.ts';
import { createPublisherHandler } from './publisher.ts';
import { createPromisesHandler } from './promises.ts';
import { createQueriesHandler } from './queries.ts';
import { wireIncentiveService } from '../incentives/incentiveWiring.ts';
import { createNpsRecorder } from '../nps/recordNpsResponse.ts';
import { webhookSecret } from '../nps/webhookSecrets.ts';
import { processMetrics, type MetricsRecorder } from '../observability/metrics.ts';
import { createStreamProjector } from '../projections/streamProjector.ts';
import { ActiveGeneration } from '../projections/generations.ts';
import { ScorecardRepository } from '../projections/scorecardRepository.ts';
import { ForecastsRepository } from '../projections/forecastsRepository.ts';
import { UnattributedNpsRepository } from '../projections/unattributedNpsRepository.ts';
import { engagementAtClose } from '../promises/closeEngagement.ts';
import { PromiseDeskReader } from '../promises/promiseDeskReader.ts';
import { EscalationsRepository } from '../projections/escalationsRepository.ts';
import { OpenCommitmentsRepository } from '../projections/openCommitmentsRepository.ts';
import type { EscalationsSource, OpenCommitmentsSource } from '../promises/promiseDeskSources.ts';
import { sqsDeadLetterSink } from '../publishing/deadLetterSinks.ts';
import type { ReportStore } from '../reports/reportStore.ts';
import { S3ReportStore } from '../reports/s3ReportStore.ts';
import { BRIEFS_PREFIX, prefixedStore } from '../cadence/briefStore.ts';
import { createBriefService } from '../cadence/briefService.ts';
import { projectedForecasts } from '../cadence/projectedForecasts.ts';
import { WeekFactsRepository } from '../projections/weekFactsRepository.ts';

/** What every handler is built from; only the last three differ between AWS and the local runtime. */
export interface CompositionParts {
  config: Config;
  client: DynamoDBClient;
  /** Where issued reports are kept (default: the bucket the config names; the local runtime keeps a folder). */
  reports?: ReportStore;
  /** Where weekly briefs are kept (default: the `briefs/` prefix of the reports bucket; the local runtime keeps a folder). */
  briefs?: ReportStore;
  /** Where the NPS webhook secrets are read (default: this process's environment, when a webhook arrives). */
  secretsEnv?: NodeJS.ProcessEnv;
  /** The clock month closes are judged by (default: the system clock); tests may set it. */
  now?: () => Date;
  /** Where the handlers' metrics are recorded (default: this process's one recorder); tests may read their own. */
  metrics?: MetricsRecorder;
}

/** What several handlers share: the event store on the config's table, and the metrics recorder. */
export interface Composition extends CompositionParts {
  store: DynamoEventStore;
  metrics: MetricsRecorder;
}

/**
 * The one place Handshake's objects are wired together: each Lambda entry builds its handler from here,
 * and the local runtime builds all of them from here. Each handler has its own builder below (rather
 * than one object holding all) so a Lambda bundle carries only the code its own handler reaches.
 */
export const createComposition = (parts: CompositionParts): Composition => ({
  ...parts,
  store: new DynamoEventStore(parts.client, parts.config.eventsTable),
  metrics: parts.metrics ?? processMetrics(),
});

/** On AWS: the config from the function's environment and one DynamoDB client per container. */
export const composeFromEnvironment = (env: NodeJS.ProcessEnv = process.env): Composition => {
  const config = readConfig(env);
  return createComposition({ config, client: createDynamoClient(config) });
};

/** Reads of the projections follow the active generation, so a rebuild switches them over (cached briefly). */
const activeGeneration = ({ client, config }: Composition) => {
  const generations = new ActiveGeneration(client, config.projectionsTable);
  return () => generations.current();
};

/** The reports bucket, with the credentials the SDK's clients use (on Lambda, the role's, from the environment). */
const s3ReportStore = ({ config }: Composition): ReportStore =>
  new S3ReportStore({ location: { bucket: config.reportsBucket, region: config.region }, credentials: defaultProvider() });

const reportStoreOf = (composition: Composition): ReportStore => composition.reports ?? s3ReportStore(composition);

const briefStoreOf = (composition: Composition): ReportStore => composition.briefs ?? prefixedStore(s3ReportStore(composition), BRIEFS_PREFIX);

const incentiveService = (composition: Composition, reports: ReportStore) =>
  wireIncentiveService({
    client: composition.client,
    ...composition.config,
    reports,
    ...(composition.now ? { now: composition.now } : {}),
  });

/** The projections the desk reads: open commitments per deal, and escalations by status. */
const openCommitmentsOf = (composition: Composition): OpenCommitmentsSource =>
  new OpenCommitmentsRepository(composition.client, composition.config.projectionsTable, activeGeneration(composition));
const escalationsOf = (composition: Composition): EscalationsSource =>
  new EscalationsRepository(composition.client, composition.config.projectionsTable, activeGeneration(composition));

// One reader per composition, so the close (commands) and the desk's writes (promises) share its cache
// when the local runtime serves both from one process: a publication there is seen by the next close.
const deskReaders = new WeakMap<Composition, PromiseDeskReader>();
const promiseDeskReaderOf = (composition: Composition): PromiseDeskReader => {
  let reader = deskReaders.get(composition);
  if (!reader) {
    reader = new PromiseDeskReader({ store: composition.store, openCommitments: openCommitmentsOf(composition), timeZone: composition.config.timeZone });
    deskReaders.set(composition, reader);
  }
  return reader;
};

export const commandsHandler = (composition: Composition) => {
  const { store, config, metrics } = composition;
  const reader = promiseDeskReaderOf(composition);
  return createCommandsHandler({
    store,
    tenantId: config.tenantId,
    metrics,
    reportingCurrency: config.reportingCurrency,
    engagementOf: (body) => engagementAtClose({ reader, store, timeZone: config.timeZone }, body),
  });
};

export const promisesHandler = (composition: Composition) =>
  createPromisesHandler({
    store: composition.store,
    tenantId: composition.config.tenantId,
    timeZone: composition.config.timeZone,
    reader: promiseDeskReaderOf(composition),
    escalations: escalationsOf(composition),
  });

const briefService = (composition: Composition) =>
  createBriefService({
    store: composition.store,
    tenantId: composition.config.tenantId,
    timeZone: composition.config.timeZone,
    now: composition.now ?? (() => new Date()),
    newEventId: randomUUID,
    facts: new WeekFactsRepository(composition.client, composition.config.projectionsTable, activeGeneration(composition)),
    escalations: escalationsOf(composition),
    desk: promiseDeskReaderOf(composition),
    forecasts: projectedForecasts(new ForecastsRepository(composition.client, composition.config.projectionsTable, activeGeneration(composition))),
    documents: briefStoreOf(composition),
  });

export const briefsHandler = (composition: Composition) => createBriefsHandler({ briefs: briefService(composition) });

export const weeklyBriefScheduleHandler = (composition: Composition) =>
  createWeeklyBriefScheduleHandler({
    briefs: briefService(composition),
    timeZone: composition.config.timeZone,
    ...(composition.now ? { now: composition.now } : {}),
  });

export const queriesHandler = (composition: Composition) => {
  const generation = activeGeneration(composition);
  return createQueriesHandler({
    store: composition.store,
    scorecards: new ScorecardRepository(composition.client, composition.config.projectionsTable, generation),
    unattributedNps: new UnattributedNpsRepository(composition.client, composition.config.projectionsTable, generation),
    reportingCurrency: composition.config.reportingCurrency,
    forecasts: new ForecastsRepository(composition.client, composition.config.projectionsTable, generation),
    timeZone: composition.config.timeZone,
  });
};

export const npsHandler = ({ store, config, secretsEnv, metrics }: Composition) =>
  createNpsHandler({
    metrics,
    record: createNpsRecorder({ store, tenantId: config.tenantId, now: () => new Date(), newEventId: randomUUID }),
    secret: (provider) => webhookSecret(provider, secretsEnv ?? process.env),
  });

export const incentivesHandler = (composition: Composition) => {
  const reports = reportStoreOf(composition);
  return createIncentivesHandler({ incentives: incentiveService(composition, reports), reports, metrics: composition.metrics });
};

export const monthCloseScheduleHandler = (composition: Composition) =>
  createMonthCloseScheduleHandler({
    incentives: incentiveService(composition, reportStoreOf(composition)),
    timeZone: composition.config.timeZone,
    metrics: composition.metrics,
  });

export const projectorHandler = (composition: Composition) =>
  createProjectorHandler(
    createStreamProjector({
      client: composition.client,
      tableName: composition.config.projectionsTable,
      eventStore: composition.store,
      timeZone: composition.config.timeZone,
      generation: activeGeneration(composition),
    }),
    { metrics: composition.metrics },
  );

const required = (value: string | undefined, name: string): string => {
  if (!value) throw new Error(`${name} is not set: the publisher cannot know where to send events`);
  return value;
};

/** On AWS only: the local runtime publishes to its own bus (functions/local/streamConsumers.ts). */
export const publisherHandler = ({ config, metrics }: Composition) =>
  createPublisherHandler({
    metrics,
    eventBridge: new EventBridgeClient({}),
    busName: required(config.eventBus, EVENT_BUS_ENV),
    deadLetter: sqsDeadLetterSink(new SQSClient({}), required(config.publishDeadLetterQueueUrl, PUBLISH_DLQ_URL_ENV)),
  });
