import type { TestProject } from 'vitest/node';
import { freePort, startDynamoDbLocal } from '../../functions/local/dynamoDbLocal.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}

/** One real DynamoDB Local (in memory) for the whole run; each test file makes its own tables. */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const database = await startDynamoDbLocal({ port: await freePort() });
  project.provide('dynamoDbEndpoint', database.endpoint);
  return () => database.stop();
}
