import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { EVENTS_TABLE_ENV, PROJECTIONS_TABLE_ENV } from '../../functions/config.ts';
import { streamConsumerEntries } from '../../functions/handlers/entries.ts';
import { projectionsTable } from '../../functions/projections/projectionsTable.ts';
import { DeadLetterQueue, consumeEventStream } from './deadLetterQueue.ts';
import { handshakeFunction } from './handshakeFunction.ts';

export interface ProjectionsProps {
  /** The event store, whose stream feeds the projector. */
  readonly eventsTable: dynamodb.ITable;
  /** IANA zone in which months are counted. */
  readonly timeZone: string;
}

/**
 * The read models (deal views, scorecards) and the projector that keeps them from the events
 * table's stream. Everything here can be rebuilt from the events.
 */
export class Projections extends Construct {
  readonly table: dynamodb.Table;
  readonly projector: NodejsFunction;
  readonly deadLetters: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: ProjectionsProps) {
    super(scope, id);

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: projectionsTable.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: projectionsTable.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // Rebuildable, but a rebuild replays every event ever appended: not something a stray
      // `cdk destroy` should force on month-end.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.projector = handshakeFunction(this, 'Projector', {
      entry: streamConsumerEntries.projector,
      description: 'Keeps the read models from the events table stream',
      // A batch of 100 records, each a read-modify-write of a few projection items.
      timeout: Duration.seconds(60),
      environment: {
        [EVENTS_TABLE_ENV]: props.eventsTable.tableName,
        [PROJECTIONS_TABLE_ENV]: this.table.tableName,
        HANDSHAKE_TIME_ZONE: props.timeZone,
      },
    });
    props.eventsTable.grantReadData(this.projector);
    this.table.grantReadWriteData(this.projector);

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      description:
        'The projector gave up on stream records: read models are missing events. Fix the cause, then rebuild the projections.',
    });
    consumeEventStream(this.projector, props.eventsTable, this.deadLetters);
  }
}
