import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { EVENTS_TABLE_ENV } from '../../functions/eventStore/eventsTable.ts';
import { functionEntries, type ApiFunction } from '../../functions/http/routes.ts';
import { PROJECTIONS_TABLE_ENV } from '../../functions/projections/projectionsTable.ts';
import { handshakeFunction } from './handshakeFunction.ts';

export interface ApiFunctionsProps {
  /** The event store: commands append to it, queries read it. */
  readonly eventsTable: dynamodb.ITable;
  /** The read models the projector keeps; queries read them. */
  readonly projectionsTable: dynamodb.ITable;
  /** IANA zone in which months are counted. */
  readonly timeZone: string;
}

/** The Lambda functions behind the HTTP API, one per entry in `functionEntries`. */
export class ApiFunctions extends Construct {
  readonly byName: Record<ApiFunction, NodejsFunction>;

  constructor(scope: Construct, id: string, props: ApiFunctionsProps) {
    super(scope, id);

    const common = {
      [EVENTS_TABLE_ENV]: props.eventsTable.tableName,
      HANDSHAKE_TIME_ZONE: props.timeZone,
    };
    // Only what each function reads: commands decide from the event streams alone.
    const environmentOf: Record<ApiFunction, Record<string, string>> = {
      commands: common,
      queries: { ...common, [PROJECTIONS_TABLE_ENV]: props.projectionsTable.tableName },
    };

    // Derived from the route table's entries, so a function added there is deployed without edits here.
    this.byName = Object.fromEntries(
      (Object.keys(functionEntries) as ApiFunction[]).map((name) => [
        name,
        handshakeFunction(this, name, { entry: functionEntries[name], environment: environmentOf[name] }),
      ]),
    ) as Record<ApiFunction, NodejsFunction>;

    props.eventsTable.grantReadWriteData(this.byName.commands);
    // Queries never write: a bug there can neither rewrite history nor corrupt a read model.
    props.eventsTable.grantReadData(this.byName.queries);
    props.projectionsTable.grantReadData(this.byName.queries);
  }
}
