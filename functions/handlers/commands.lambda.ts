import { readConfig } from '../config.ts';
import { createDynamoClient } from '../dynamo/dynamoClient.ts';
import { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { createCommandsHandler } from './commands.ts';

// Built once per Lambda container, outside the handler, so warm invocations reuse the client.
const config = readConfig();

export const handler = createCommandsHandler({
  store: new DynamoEventStore(createDynamoClient(config), config.eventsTable),
  tenantId: config.tenantId,
});
