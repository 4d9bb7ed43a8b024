import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { readStoredItem } from '../eventStore/dynamoEventStore.ts';
import { logger } from '../observability.ts';
import type { DealProjector } from '../projections/dealProjector.ts';

/**
 * The events table's stream, projected record by record. A record that fails is reported back as a
 * batch item failure, so Lambda retries it (and, after bounded retries, parks it on the dead-letter
 * queue) while every other record in the batch is applied.
 */
export const createProjectorHandler = (project: DealProjector) => {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const projectRecord = async (record: DynamoDBRecord): Promise<void> => {
    const image = record.dynamodb?.NewImage;
    if (!image) return; // only inserts carry a new image; events are never updated or deleted
    const { event } = readStoredItem(image as Record<string, AttributeValue>);
    await project(event);
  };
  return async (event: DynamoDBStreamEvent, context?: Context) => {
    const response = await processPartialResponse(event, projectRecord, processor, {
      context: context as Context,
      throwOnFullBatchFailure: false,
    });
    if (response.batchItemFailures.length) {
      logger.warn('records not projected', { failures: response.batchItemFailures.map((failure) => failure.itemIdentifier) });
    }
    return response;
  };
};
