import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { EVENTS_TABLE_ENV } from '../../functions/eventStore/eventsTable.ts';
import { functionEntries, type ApiFunction } from '../../functions/http/routes.ts';

/** The project root, found from this file rather than the working directory so tests and the CLI agree. */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ApiFunctionsProps {
  readonly tableName: string;
  /** IANA zone in which months are counted. */
  readonly timeZone: string;
}

/** The Lambda functions behind the HTTP API, one per entry in `functionEntries`. */
export class ApiFunctions extends Construct {
  readonly byName: Record<ApiFunction, NodejsFunction>;

  constructor(scope: Construct, id: string, props: ApiFunctionsProps) {
    super(scope, id);

    const build = (name: ApiFunction): NodejsFunction => {
      // An explicit log group, because the implicit one never expires and is left behind on delete.
      const logGroup = new logs.LogGroup(this, `${name}Logs`, {
        retention: logs.RetentionDays.ONE_MONTH,
      });
      return new NodejsFunction(this, name, {
        entry: path.join(projectRoot, functionEntries[name]),
        projectRoot,
        depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.ARM_64,
        // Lambda allocates CPU in proportion to memory; 1 GB keeps zod parsing and cold starts quick.
        memorySize: 1024,
        timeout: Duration.seconds(10),
        logGroup,
        environment: {
          [EVENTS_TABLE_ENV]: props.tableName,
          HANDSHAKE_TIME_ZONE: props.timeZone,
          POWERTOOLS_SERVICE_NAME: 'handshake',
          // Stack traces should name the TypeScript lines, not the minified bundle.
          NODE_OPTIONS: '--enable-source-maps',
        },
        bundling: {
          // Bundle with the esbuild in node_modules: synth must work on machines without Docker.
          forceDockerBundling: false,
          format: OutputFormat.ESM,
          target: 'node22',
          // Prefer packages' ES module builds: they tree-shake, the CommonJS ones do not.
          mainFields: ['module', 'main'],
          // CommonJS dependencies inside an ES module bundle still call require() for Node builtins.
          banner: "import { createRequire as __handshakeRequire } from 'node:module'; const require = __handshakeRequire(import.meta.url);",
          minify: true,
          sourceMap: true,
          // Ship the SDK version the tests ran against, not whatever the runtime happens to carry.
          bundleAwsSDK: true,
        },
      });
    };

    // Derived from the route table's entries, so a function added there is deployed without edits here.
    this.byName = Object.fromEntries(
      (Object.keys(functionEntries) as ApiFunction[]).map((name) => [name, build(name)]),
    ) as Record<ApiFunction, NodejsFunction>;
  }
}
