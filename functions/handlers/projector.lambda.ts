import { readConfig } from '../config.ts';
import { createDynamoClient } from '../dynamo/dynamoClient.ts';
import { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { ActiveGeneration } from '../projections/generations.ts';
import { createStreamProjector } from '../projections/streamProjector.ts';
import { createProjectorHandler } from './projector.ts';

// Built once per Lambda container, outside the handler, so warm invocations reuse the client.
const config = readConfig();
const client = createDynamoClient(config);
const generations = new ActiveGeneration(client, config.projectionsTable);

export const handler = createProjectorHandler(
  createStreamProjector({
    client,
    tableName: config.projectionsTable,
    eventStore: new DynamoEventStore(client, config.eventsTable),
    timeZone: config.timeZone,
    generation: () => generations.current(),
  }),
);
