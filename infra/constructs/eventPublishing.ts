import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { EVENTS_TABLE_ENV, EVENT_BUS_ENV, PUBLISH_DLQ_URL_ENV } from '../../functions/config.ts';
import { streamConsumerEntries } from '../../functions/handlers/entries.ts';
import { DeadLetterQueue, consumeEventStream } from './deadLetterQueue.ts';
import { handshakeFunction } from './handshakeFunction.ts';

export interface EventPublishingProps {
  /** The event store, whose stream feeds the publisher. */
  readonly eventsTable: dynamodb.ITable;
  /** The bus's name: other systems' rules and cross-account policies refer to it. */
  readonly busName: string;
}

/**
 * Every appended domain event, published on an EventBridge bus for other systems (payroll, CRM,
 * chat) to subscribe to without reading the events table.
 */
export class EventPublishing extends Construct {
  readonly bus: events.EventBus;
  readonly publisher: NodejsFunction;
  /** Stream batches the publisher gave up on (shard and sequence numbers). */
  readonly streamDeadLetters: DeadLetterQueue;
  /** Individual entries PutEvents kept rejecting (the entries themselves). */
  readonly publishDeadLetters: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: EventPublishingProps) {
    super(scope, id);

    this.bus = new events.EventBus(this, 'Bus', {
      eventBusName: props.busName,
      description: 'Handshake domain events, one per event appended to the event store',
    });

    this.publishDeadLetters = new DeadLetterQueue(this, 'PublishDeadLetters', {
      description:
        'EventBridge rejected domain events after retries: subscribers missed them. Fix the cause, then redrive or replay them.',
    });

    this.publisher = handshakeFunction(this, 'Publisher', {
      entry: streamConsumerEntries.publisher,
      description: 'Publishes appended domain events on the event bus',
      // A batch of 100 records is ten PutEvents calls, each retried with backoff.
      timeout: Duration.seconds(60),
      environment: {
        [EVENT_BUS_ENV]: this.bus.eventBusName,
        [EVENTS_TABLE_ENV]: props.eventsTable.tableName,
        [PUBLISH_DLQ_URL_ENV]: this.publishDeadLetters.queue.queueUrl,
      },
    });
    this.bus.grantPutEventsTo(this.publisher);
    this.publishDeadLetters.queue.grantSendMessages(this.publisher);

    this.streamDeadLetters = new DeadLetterQueue(this, 'StreamDeadLetters', {
      description:
        'The publisher gave up on stream records: subscribers missed events. Fix the cause, then replay them from the event store.',
    });
    consumeEventStream(this.publisher, props.eventsTable, this.streamDeadLetters);
  }
}
