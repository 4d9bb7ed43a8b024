import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { RecordedEvent } from '../../domain/envelope.ts';
import { readStoredItem } from '../eventStore/dynamoEventStore.ts';
import { logger } from '../observability/logger.ts';
import { flushingMetrics, processMetrics, type MetricsRecorder } from '../observability/metrics.ts';
import { DomainEventPublisher, type DeadLetterSink } from '../publishing/domainEventPublisher.ts';

export interface PublisherHandlerDeps {
  eventBridge: EventBridgeClient;
  busName: string;
  deadLetter: DeadLetterSink;
  /** PutEvents calls per entry at most, and the first backoff (tests shorten it). */
  retry?: { maxAttempts?: number; baseDelayMs?: number };
  /** Where events the bus refused for good are counted (default: this process's recorder). */
  metrics?: MetricsRecorder;
}

/**
 * The events table's stream, published on the bus: each record is read back as a validated event,
 * and the batch goes out in PutEvents calls of up to 10 entries. A record that does not read as an
 * event is a batch item failure (Lambda retries it, then hands it to the on-failure destination);
 * the records after it wait for that redelivery rather than being published twice. Entries the bus
 * keeps rejecting are dead-lettered by the publisher, so they do not hold the stream up.
 */
export const createPublisherHandler = (deps: PublisherHandlerDeps) => {
  const publisher = new DomainEventPublisher({
    eventBridge: deps.eventBridge,
    busName: deps.busName,
    deadLetter: deps.deadLetter,
    ...deps.retry,
  });
  const metrics = deps.metrics ?? processMetrics();
  return flushingMetrics(metrics, async (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
    const read = new Map<string, RecordedEvent>();
    const readRecord = async (record: DynamoDBRecord): Promise<void> => {
      const image = record.dynamodb?.NewImage;
      if (record.eventName !== 'INSERT' || !image) return; // events are only ever inserted
      // The stream image carries only S and N attributes here, which both shapes spell the same.
      read.set(record.dynamodb!.SequenceNumber!, readStoredItem(image as Record<string, AttributeValue>).event);
    };
    const parsed = await processPartialResponse(event, readRecord, new BatchProcessor(EventType.DynamoDBStreams), {
      context: context as Context,
      throwOnFullBatchFailure: false,
    });
    const unreadable = new Set(parsed.batchItemFailures.map((failure) => failure.itemIdentifier));
    const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';
    const firstUnreadable = event.Records.findIndex((record) => unreadable.has(sequenceOf(record)));
    // Lambda delivers everything from the lowest failed record again, so only what precedes it goes out now.
    const publishable = firstUnreadable === -1 ? event.Records : event.Records.slice(0, firstUnreadable);
    const toPublish = publishable.flatMap((record) => {
      const stored = read.get(sequenceOf(record));
      return stored ? [{ sequenceNumber: sequenceOf(record), event: stored }] : [];
    });
    const outcome = await publisher.publish(toPublish.map((item) => item.event));
    // Only the dead-lettered are failures: the unsent come round again with the stream's redelivery.
    metrics.publishFailures(outcome.deadLettered.length);
    const unsent = new Set(outcome.unsent);
    const failures = [
      ...toPublish.filter((item) => unsent.has(item.event)).map((item) => item.sequenceNumber),
      ...(firstUnreadable === -1 ? [] : event.Records.slice(firstUnreadable).map(sequenceOf)),
    ];
    if (failures.length) {
      logger.warn('stream records left for redelivery', { unreadable: [...unreadable], notPublished: failures.length });
    }
    return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
  });
};
