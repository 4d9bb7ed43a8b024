import { readConfig, type Config } from '../config.ts';
import { createDynamoClient } from '../dynamo/dynamoClient.ts';
import { dynamoDbAddress, type Address } from './localStackAddress.ts';

/**
 * Operator commands talk to the running local stack's DynamoDB (found through its data folder) unless
 * told otherwise: with --aws they use the environment's AWS account and table names.
 */
export const operatorConnection = (options: { aws?: boolean } = {}) => {
  const env = { ...process.env };
  let address: Address | undefined;
  if (!options.aws) {
    address = dynamoDbAddress(env);
    env.HANDSHAKE_DYNAMODB_ENDPOINT = address.url;
  }
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const config: Config = readConfig(env);
  return { config, client: createDynamoClient(config), address };
};
