import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { sqsDeadLetterSink } from '../publishing/deadLetterSinks.ts';
import { PUBLISH_DLQ_URL_ENV } from '../publishing/domainEventPublisher.ts';
import { EVENT_BUS_ENV } from '../publishing/eventBus.ts';
import { createPublisherHandler } from './publisher.ts';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the publisher cannot know where to send events`);
  return value;
};

// Built once per Lambda container, outside the handler, so warm invocations reuse the clients.
export const handler = createPublisherHandler({
  eventBridge: new EventBridgeClient({}),
  busName: required(EVENT_BUS_ENV),
  deadLetter: sqsDeadLetterSink(new SQSClient({}), required(PUBLISH_DLQ_URL_ENV)),
});
