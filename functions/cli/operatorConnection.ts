import { readConfig, type Config } from '../config.ts';
import { createDynamoClient } from '../dynamo/dynamoClient.ts';

/**
 * Operator commands talk to the local stack's DynamoDB unless told otherwise: with --aws (or an
 * explicit HANDSHAKE_DYNAMODB_ENDPOINT) they use the environment's AWS account and table names.
 */
export const operatorConnection = (options: { aws?: boolean } = {}) => {
  const env = { ...process.env };
  if (!options.aws) env.HANDSHAKE_DYNAMODB_ENDPOINT ??= `http://127.0.0.1:${env.HANDSHAKE_DYNAMODB_PORT ?? 8000}`;
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const config: Config = readConfig(env);
  return { config, client: createDynamoClient(config) };
};
