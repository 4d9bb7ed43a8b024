import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { lambdaRuntime, nodejsFunctionBundling } from './lambdaBundling.ts';

export { lambdaRuntime };

/** The project root, found from this file rather than the working directory so tests and the CLI agree. */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface HandshakeFunctionProps {
  /** The handler's entry file, relative to the project root (e.g. `functions/handlers/queries.lambda.ts`). */
  readonly entry: string;
  /** Variables the handler reads; the service name is added here. */
  readonly environment: Record<string, string>;
  /** Default 10 seconds: enough for an HTTP request, too little for a stream batch. */
  readonly timeout?: Duration;
  readonly description?: string;
}

/**
 * Every Handshake Lambda function is built the same way: `lambdaRuntime` on arm64, bundled locally
 * by esbuild into one ES module, with a log group that expires and a role of its own. Created in
 * `scope` as `id` (its log group as `<id>Logs`, its role as `<id>Role`), so moving a function here
 * does not change its logical id.
 */
export const handshakeFunction = (scope: Construct, id: string, props: HandshakeFunctionProps): NodejsFunction => {
  // An explicit log group, because the implicit one never expires and is left behind on delete.
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
    retention: logs.RetentionDays.ONE_MONTH,
  });
  // Not the AWSLambdaBasicExecutionRole managed policy, which may write to every log group in the
  // account: this role may write to its own function's log group and nowhere else. Every other
  // permission is granted to it by the construct that owns the resource.
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  logGroup.grantWrite(role);
  return new NodejsFunction(scope, id, {
    entry: path.join(projectRoot, props.entry),
    projectRoot,
    depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
    ...(props.description ? { description: props.description } : {}),
    runtime: lambdaRuntime,
    role,
    architecture: lambda.Architecture.ARM_64,
    // Lambda allocates CPU in proportion to memory; 1 GB keeps zod parsing and cold starts quick.
    memorySize: 1024,
    timeout: props.timeout ?? Duration.seconds(10),
    logGroup,
    environment: {
      ...props.environment,
      POWERTOOLS_SERVICE_NAME: 'handshake',
    },
    bundling: nodejsFunctionBundling,
  });
};
