import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { eventsTable } from '../../functions/eventStore/eventsTable.ts';

/**
 * The events table: the source of truth. Everything else (read models, scorecards, payouts)
 * can be rebuilt from it, so it is the one resource that must survive any mistake.
 */
export class EventStore extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: eventsTable.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: eventsTable.sortKey, type: dynamodb.AttributeType.NUMBER },
      // Traffic follows the sales calendar (month ends, campaigns); paying per request avoids
      // capacity planning for a workload that is idle most of the day.
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      // Projectors need only what was appended; events are never updated in place.
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      // Losing the events loses every statement ever paid: neither a stray `cdk destroy` nor a
      // console click may delete the table.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
