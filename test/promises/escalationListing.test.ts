import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Escalation, EscalationStatus } from '../../domain/promises/escalationDecider.ts';
import { DynamoEventStore } from '../../functions/eventStore/dynamoEventStore.ts';
import { createPromisesHandler } from '../../functions/handlers/promises.ts';
import { readEscalation } from '../../functions/promises/escalationRecord.ts';
import { PromiseDeskReader } from '../../functions/promises/promiseDeskReader.ts';
import { useTestApi } from '../support/httpFixture.ts';
import { call, tokenFor } from '../support/localApi.ts';
import { escalationBody, hoursAfter, rulesBody, shortLeadProposal, T0 } from '../support/promiseDesk.ts';

/*
 * GET /v1/escalations?status= through the handler, with the listing handed in as the escalations
 * projection's repository would give it. Depends on that projection only through its interface: once
 * it is merged, the same listing comes from the real EscalationsRepository.
 */

const { api } = useTestApi();
let listed: Escalation[] = [];
const asked: EscalationStatus[] = [];

const listingEvent = (query: Record<string, string>): APIGatewayProxyEventV2 =>
  ({
    routeKey: 'GET /v1/escalations',
    rawPath: '/v1/escalations',
    queryStringParameters: query,
    headers: {},
    isBase64Encoded: false,
    requestContext: { requestId: 'r-1', authorizer: { jwt: { claims: { sub: 'P-OPS', roles: '[ops]' } } } },
  }) as unknown as APIGatewayProxyEventV2;

let handler: ReturnType<typeof createPromisesHandler>;
beforeAll(async () => {
  const admin = await tokenFor('P-ADMIN', 'admin');
  const sales = await tokenFor('P-SALES-1', 'sales');
  expect((await call(api, 'PUT', '/v1/rules-of-engagement', { token: admin, body: rulesBody() })).status).toBe(201);
  expect((await call(api, 'POST', '/v1/escalations', { token: sales, body: escalationBody('E-LIST', shortLeadProposal('D-LIST')) })).status).toBe(201);
  const store = new DynamoEventStore(api.client, api.tableName);
  listed = [(await readEscalation(store, 'E-LIST'))!];
  handler = createPromisesHandler({
    store,
    tenantId: 'default',
    timeZone: 'UTC',
    reader: new PromiseDeskReader({ store, openCommitments: { openDeals: async () => [] }, timeZone: 'UTC' }),
    escalations: {
      byStatus: async (status) => {
        asked.push(status);
        return status === 'open' ? listed : [];
      },
    },
  });
});

describe('listing escalations', () => {
  it('given an open escalation, when the open ones are listed after one SLA, then it is listed at the level it has risen to', async () => {
    const response = await handler(listingEvent({ status: 'open', at: hoursAfter(T0, 25) }));
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body as string);
    expect(body.items).toEqual([expect.objectContaining({ escalationId: 'E-LIST', status: 'open', level: 2, dueBy: hoursAfter(T0, 72) })]);
    expect(asked.at(-1)).toBe('open');
  });

  it('given the approved ones asked for, when none are, then an empty list', async () => {
    const response = await handler(listingEvent({ status: 'approved' }));
    expect(JSON.parse(response.body as string)).toEqual({ items: [] });
    expect(asked.at(-1)).toBe('approved');
  });

  it('given an unknown status, when escalations are listed, then 400 naming query.status', async () => {
    const response = await handler(listingEvent({ status: 'pending' }));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body as string).errors[0].path).toBe('query.status');
  });
});
