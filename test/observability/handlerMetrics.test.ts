import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createComposition, monthCloseScheduleHandler, projectorHandler, type Composition } from '../../functions/handlers/composition.ts';
import { configDefaults } from '../../functions/config.ts';
import { readStoredItem } from '../../functions/eventStore/dynamoEventStore.ts';
import { createPublisherHandler } from '../../functions/handlers/publisher.ts';
import { serveComposition, type RunningApi } from '../../functions/local/localApi.ts';
import { MetricName, metricsRecorder } from '../../functions/observability/metrics.ts';
import type { DeadLetter } from '../../functions/publishing/domainEventPublisher.ts';
import { FolderReportStore } from '../../functions/reports/reportStore.ts';
import { freshEventsTable, freshProjectionsTable } from '../support/dynamo.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { storedEventItems, streamEventOf, streamRecordOf } from '../support/projection.ts';
import { closeDealBody, deliveryBody, handoffBody } from '../support/sampleDeals.ts';
import { metricsWrittenDuring, named } from './emfLines.ts';

/*
 * The handlers as the Lambdas and the local runtime wire them (functions/handlers/composition.ts), on DynamoDB
 * Local, each reading back the EMF lines it wrote to stdout: what CloudWatch turns into the metrics the
 * alarms and the dashboard watch. The clock of the closes stands on 1 December 2026.
 */

const SECRET = 'metrics-webhook-secret-5e2a';
const sales = await tokenFor('P-SALES-1', 'sales');
const ops = await tokenFor('P-OPS-1', 'ops');
const admin = await tokenFor('P-ADMIN', 'admin');

let composition: Composition;
let api: RunningApi;
let reportsDir: string;

beforeAll(async () => {
  // The local runtime may run in Powertools dev mode; metrics must still reach the log there.
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  const { client, tableName } = await freshEventsTable();
  const projections = await freshProjectionsTable(client);
  reportsDir = await mkdtemp(join(tmpdir(), 'handshake-metrics-'));
  composition = createComposition({
    config: { ...configDefaults, eventsTable: tableName, projectionsTable: projections.tableName },
    client,
    reports: new FolderReportStore(reportsDir),
    secretsEnv: { HANDSHAKE_DELIGHTED_SECRET: SECRET, HANDSHAKE_TYPEFORM_SECRET: SECRET },
    now: () => new Date('2026-12-01T00:00:00Z'),
    metrics: metricsRecorder(),
  });
  api = await serveComposition(composition, { port: 0 });
});

afterAll(async () => {
  await api.close();
  await rm(reportsDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

/** Every metric name this file saw a wired handler write. */
const seen = new Set<string>();
const written: typeof metricsWrittenDuring = async (act) => {
  const output = await metricsWrittenDuring(act);
  for (const metric of output.metrics) seen.add(metric.name);
  return output;
};

const deliveredDeal = async (dealId: string, deliveredAt: string) => {
  expect((await call(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody(dealId) })).status).toBe(201);
  expect((await call(api, 'POST', `/v1/deals/${dealId}/handoff`, { token: sales, body: handoffBody() })).status).toBe(201);
  return call(api, 'POST', `/v1/deals/${dealId}/delivery`, { token: ops, body: deliveryBody({ at: deliveredAt }) });
};

describe('commands', () => {
  it('given a deal closed, when the request is accepted, then CommandAccepted is counted once for CloseDeal', async () => {
    const { result, metrics } = await written(() => call(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody('D-MET-1') }));

    expect(result.status).toBe(201);
    expect(metrics).toEqual([{ name: MetricName.commandAccepted, unit: 'Count', value: 1, dimensions: { CommandType: 'CloseDeal' } }]);
  });

  it('given the same close sent again, when it is answered as a replay, then nothing is counted: nothing new was recorded', async () => {
    const { result, metrics } = await written(() => call(api, 'POST', '/v1/deals', { token: sales, body: closeDealBody('D-MET-1') }));

    expect(result.headers.get('idempotent-replayed')).toBe('true');
    expect(metrics).toEqual([]);
  });

  it('given a close with no customer, when it is refused, then CommandRejected names the command and the problem', async () => {
    const { customer: _omitted, ...body } = closeDealBody('D-MET-2');

    const { result, metrics } = await written(() => call(api, 'POST', '/v1/deals', { token: sales, body }));

    expect(result.status).toBe(400);
    expect(metrics).toEqual([
      { name: MetricName.commandRejected, unit: 'Count', value: 1, dimensions: { CommandType: 'CloseDeal', Reason: 'validation-failed' } },
    ]);
  });

  it('given a sales person delivering, when the role refuses them, then the refusal is counted against Deliver', async () => {
    const { metrics } = await written(() => call(api, 'POST', '/v1/deals/D-MET-1/delivery', { token: sales, body: deliveryBody() }));

    expect(named(metrics, MetricName.commandRejected)).toEqual([
      expect.objectContaining({ dimensions: { CommandType: 'Deliver', Reason: expect.stringMatching(/./) } }),
    ]);
    expect(named(metrics, MetricName.commandAccepted)).toEqual([]);
  });

  it('given a delivery a day before the deadline with the scope sold, when recorded, then the promise is counted kept', async () => {
    const { result, metrics } = await written(() => deliveredDeal('D-MET-KEPT', '2026-10-19T16:00:00Z'));

    expect(result.status).toBe(201);
    expect(named(metrics, MetricName.promiseKept)).toEqual([expect.objectContaining({ value: 1, dimensions: {} })]);
    expect(named(metrics, MetricName.promiseMissed)).toEqual([]);
    expect(named(metrics, MetricName.commandAccepted).map((metric) => metric.dimensions.CommandType)).toEqual(['CloseDeal', 'HandOff', 'Deliver']);
  });

  it('given a delivery five days after the deadline, when recorded, then the promise is counted missed', async () => {
    const { metrics } = await written(() => deliveredDeal('D-MET-LATE', '2026-10-25T12:00:00Z'));

    expect(named(metrics, MetricName.promiseMissed)).toEqual([expect.objectContaining({ value: 1 })]);
    expect(named(metrics, MetricName.promiseKept)).toEqual([]);
  });
});

describe('NPS webhooks', () => {
  const body = readFileSync(new URL('../fixtures/nps/delighted-survey-response-created.json', import.meta.url));
  const signed = (secret: string) => ({ 'X-Delighted-Webhook-Signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` });
  const send = (secret: string) =>
    call(api, 'POST', '/v1/nps/delighted', { rawBody: body.toString('utf8'), headers: { 'content-type': 'application/json', ...signed(secret) } });

  it('given a Delighted webhook signed with the wrong secret, when refused, then WebhookRejected is counted for Delighted', async () => {
    const { result, metrics } = await written(() => send('not-the-secret'));

    expect(result.status).toBe(401);
    expect(metrics).toEqual([{ name: MetricName.webhookRejected, unit: 'Count', value: 1, dimensions: { Provider: 'delighted' } }]);
  });

  it('given the same webhook correctly signed, when recorded, then it is accepted and its 9 counts as a promoter', async () => {
    const { result, metrics } = await written(() => send(SECRET));

    expect(result.status).toBe(201);
    expect(metrics).toEqual([
      { name: MetricName.webhookAccepted, unit: 'Count', value: 1, dimensions: { Provider: 'delighted' } },
      { name: MetricName.npsResponses, unit: 'Count', value: 1, dimensions: { NpsCategory: 'promoter' } },
    ]);
  });

  it('given it delivered again, when acknowledged, then it is counted a duplicate and no answer is counted twice', async () => {
    const { metrics } = await written(() => send(SECRET));

    expect(metrics).toEqual([{ name: MetricName.webhookDuplicate, unit: 'Count', value: 1, dimensions: { Provider: 'delighted' } }]);
  });
});

describe('the projector', () => {
  it('given the stored events and one unreadable record, when projected as one batch, then the batch, its failed record and the lag are counted', async () => {
    const items = await storedEventItems(composition.client, composition.config.eventsTable);
    const unreadable = streamRecordOf({ s: { S: 'deal#D-MET-BROKEN' }, v: { N: '1' } });
    const batch = streamEventOf([...items.map(streamRecordOf), unreadable]);
    const newest = Math.max(...items.map((item) => Date.parse(readStoredItem(item).event.recordedAt)));
    const handler = projectorHandler(composition);
    const before = Date.now();

    const { result, metrics } = await written(() => handler(batch));

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: unreadable.dynamodb!.SequenceNumber }]);
    expect(named(metrics, MetricName.projectorBatches)).toEqual([expect.objectContaining({ value: 1 })]);
    expect(named(metrics, MetricName.projectorRecordsFailed)).toEqual([expect.objectContaining({ value: 1 })]);
    const [lag] = named(metrics, MetricName.projectionLag);
    expect(lag).toMatchObject({ unit: 'Milliseconds' });
    // Now minus the newest event's recordedAt, now being a moment while the batch ran.
    expect(lag!.value).toBeGreaterThanOrEqual(before - newest);
    expect(lag!.value).toBeLessThanOrEqual(Date.now() - newest);
  });
});

describe('month closes', () => {
  it('given October over, when an admin closes it, then one close and its pool, in its currency, are counted', async () => {
    const { result, metrics } = await written(() => call(api, 'POST', '/v1/months/2026-10/close', { token: admin }));

    expect(result.status).toBe(201);
    expect(metrics).toEqual([
      { name: MetricName.monthCloses, unit: 'Count', value: 1, dimensions: {} },
      { name: MetricName.poolTotal, unit: 'None', value: result.json.pool.amount, dimensions: { Currency: result.json.pool.currency } },
    ]);
  });

  it('given October closed, when it is closed again, then no second close is counted', async () => {
    const { result, metrics } = await written(() => call(api, 'POST', '/v1/months/2026-10/close', { token: admin }));

    expect(result.status).toBe(200);
    expect(metrics).toEqual([]);
  });

  it('given the schedule told to close December on 1 December, when the close fails, then MonthCloseFailures is counted as the run throws', async () => {
    const run = monthCloseScheduleHandler(composition);

    const { result, metrics } = await written(() => run({ month: '2026-12' }).then(() => 'closed', (error: Error) => error.message));

    expect(result).toMatch(/2026-12 has not ended/);
    expect(metrics).toEqual([{ name: MetricName.monthCloseFailures, unit: 'Count', value: 1, dimensions: {} }]);
  });
});

describe('the publisher', () => {
  it('given a bus that refuses every entry for good, when a batch is published, then each dead-lettered event is a publish failure', async () => {
    const items = (await storedEventItems(composition.client, composition.config.eventsTable)).slice(0, 3);
    const refusingBus = {
      send: async (command: { input: { Entries?: unknown[] } }) => ({
        FailedEntryCount: command.input.Entries?.length ?? 0,
        Entries: (command.input.Entries ?? []).map(() => ({ ErrorCode: 'ValidationException', ErrorMessage: 'refused for the test' })),
      }),
    } as unknown as EventBridgeClient;
    const parked: DeadLetter[] = [];
    const handler = createPublisherHandler({
      eventBridge: refusingBus,
      busName: 'handshake-test',
      deadLetter: { send: async (letters) => void parked.push(...letters) },
      metrics: composition.metrics,
    });

    const { metrics } = await written(() => handler(streamEventOf(items.map(streamRecordOf))));

    expect(parked).toHaveLength(3);
    expect(metrics).toEqual([{ name: MetricName.publishFailures, unit: 'Count', value: 3, dimensions: {} }]);
  });
});

describe('what the alarms and the dashboard watch', () => {
  it('given every scenario above, when their metrics are gathered, then each metric declared in metrics.ts was written by a wired handler', () => {
    expect([...seen].sort()).toEqual(Object.values(MetricName).sort());
  });
});
