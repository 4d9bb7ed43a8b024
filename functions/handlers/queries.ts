import { readConfig } from '../config.ts';
import { createDynamoClient } from '../dynamoClient.ts';
import { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { createQueriesHandler } from './queriesHandler.ts';

// Built once per Lambda container, outside the handler, so warm invocations reuse the client.
const config = readConfig();

export const handler = createQueriesHandler({
  store: new DynamoEventStore(createDynamoClient(config), config.eventsTable),
});
