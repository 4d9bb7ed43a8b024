import { randomUUID } from 'node:crypto';
import { readConfig } from '../config.ts';
import { createDynamoClient } from '../dynamo/dynamoClient.ts';
import { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { createNpsRecorder } from '../nps/recordNpsResponse.ts';
import { webhookSecret } from '../nps/webhookSecrets.ts';
import { createNpsHandler } from './nps.ts';

// Built once per Lambda container, outside the handler, so warm invocations reuse the client.
const config = readConfig();

export const handler = createNpsHandler({
  record: createNpsRecorder({
    store: new DynamoEventStore(createDynamoClient(config), config.eventsTable),
    tenantId: config.tenantId,
    now: () => new Date(),
    newEventId: randomUUID,
  }),
  secret: (provider) => webhookSecret(provider),
});
