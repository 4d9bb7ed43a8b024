import { randomUUID } from 'node:crypto';
import { CreateTableCommand, ResourceInUseException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Command, EventStore, EventType, tuple } from '@castore/core';
import { DynamoDBSingleTableEventStorageAdapter } from '@castore/event-storage-adapter-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** Castore's single-table layout: partition key `aggregateId`, sort key `version` (its own attribute names). */
export const ensureCastoreTable = async (client: DynamoDBClient, tableName: string) => {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'aggregateId', AttributeType: 'S' },
          { AttributeName: 'version', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'aggregateId', KeyType: 'HASH' },
          { AttributeName: 'version', KeyType: 'RANGE' },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
};

interface CloseInput {
  dealId: string;
  body: Record<string, unknown>;
  actor: { sub: string };
  correlationId?: string;
}

/**
 * The peer: a deal close as a Castore app writes it. The request body is JSON-parsed (Castore casts,
 * it does not validate) and a Castore Command pushes `DealClosed` at version 1 with the deal's data as
 * payload and the envelope's other fields as metadata. Like our close it does not read the stream
 * first (a new deal is assumed new): one conditional PutItem per close, as ours.
 */
export const createCastoreClose = (client: DynamoDBClient, tableName: string) => {
  const dealClosed = new EventType<'DealClosed', Record<string, unknown>, Record<string, unknown>>({ type: 'DealClosed' });
  const deals = new EventStore({
    eventStoreId: 'deal',
    eventTypes: tuple(dealClosed),
    reducer: (_aggregate, event) => ({ aggregateId: event.aggregateId, version: event.version, ...event.payload }),
    eventStorageAdapter: new DynamoDBSingleTableEventStorageAdapter({ tableName, dynamoDBClient: client }),
  });
  const closeDeal = new Command({
    commandId: 'CLOSE_DEAL',
    requiredEventStores: tuple(deals),
    handler: async (input: CloseInput, [dealStore]) => {
      const timestamp = new Date().toISOString();
      await dealStore.pushEvent({
        aggregateId: input.dealId,
        version: 1,
        type: 'DealClosed',
        timestamp,
        payload: input.body,
        metadata: { eventId: randomUUID(), actor: input.actor, tenantId: 'default', schemaVersion: 1, ...(input.correlationId ? { correlationId: input.correlationId } : {}) },
      });
      return { dealId: input.dealId, version: 1 };
    },
  });
  return async (event: APIGatewayProxyEventV2) => {
    const body = JSON.parse(event.body ?? '') as Record<string, unknown>;
    const claims = (event.requestContext as unknown as { authorizer: { jwt: { claims: { sub: string } } } }).authorizer.jwt.claims;
    const result = await closeDeal.handler(
      { dealId: String(body.dealId), body, actor: { sub: claims.sub }, correlationId: event.requestContext.requestId },
      [deals],
    );
    return { statusCode: 201, body: JSON.stringify(result) };
  };
};
