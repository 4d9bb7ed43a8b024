import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { RecordedEvent } from '../../domain/envelope.ts';
import { readStoredItem } from '../eventStore/dynamoEventStore.ts';
import { logger } from '../observability/logger.ts';
import type { BatchProjectionResult, BatchProjector } from '../projections/batchProjector.ts';
import type { ProjectionOutcome } from '../projections/dealProjector.ts';

/** A per-event projector; one made by createDealProjector also carries the whole-batch path. */
export type EventProjector = ((event: RecordedEvent) => Promise<ProjectionOutcome>) & { projectBatch?: BatchProjector };

export interface ProjectorHandlerOptions {
  /** Told the outcome of every event projected, e.g. to count them. */
  onOutcome?: (outcome: ProjectionOutcome) => void;
}

const eventOf = (record: DynamoDBRecord): RecordedEvent | null => {
  const image = record.dynamodb?.NewImage;
  if (!image) return null; // only inserts carry a new image; events are never updated or deleted
  return readStoredItem(image as Record<string, AttributeValue>).event;
};

/**
 * The events table's stream, projected a batch at a time when the projector can (a few transactions for
 * the whole batch), record by record otherwise. Either way every record gets its own outcome: one that
 * fails is reported back as a batch item failure, so Lambda retries it (and, after bounded retries,
 * parks it on the dead-letter queue) while every other record in the batch is applied.
 */
export const createProjectorHandler = (project: EventProjector, options: ProjectorHandlerOptions = {}) => {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);

  /** Projects the batch up front; the record handler below then only reports what became of each record. */
  const projectRecords = async (records: readonly DynamoDBRecord[], projectBatch: BatchProjector) => {
    const results = new Map<DynamoDBRecord, BatchProjectionResult | null>();
    const parsed: { record: DynamoDBRecord; event: RecordedEvent }[] = [];
    for (const record of records) {
      try {
        const event = eventOf(record);
        if (event) parsed.push({ record, event });
        else results.set(record, null);
      } catch (error) {
        results.set(record, { error });
      }
    }
    let projected: BatchProjectionResult[];
    try {
      projected = await projectBatch(parsed.map(({ event }) => event));
    } catch (error) {
      projected = parsed.map(() => ({ error }));
    }
    parsed.forEach(({ record }, index) => results.set(record, projected[index]!));
    return results;
  };

  return async (event: DynamoDBStreamEvent, context?: Context) => {
    const results = project.projectBatch ? await projectRecords(event.Records, project.projectBatch) : new Map<DynamoDBRecord, BatchProjectionResult | null>();
    const reportRecord = async (record: DynamoDBRecord): Promise<void> => {
      if (!results.has(record)) {
        const parsed = eventOf(record);
        if (!parsed) return;
        const outcome = await project(parsed);
        options.onOutcome?.(outcome);
        return;
      }
      const result = results.get(record);
      if (!result) return;
      if ('error' in result) throw result.error;
      options.onOutcome?.(result.outcome);
    };
    const response = await processPartialResponse(event, reportRecord, processor, {
      context: context as Context,
      throwOnFullBatchFailure: false,
    });
    if (response.batchItemFailures.length) {
      logger.warn('records not projected', { failures: response.batchItemFailures.map((failure) => failure.itemIdentifier) });
    }
    return response;
  };
};
