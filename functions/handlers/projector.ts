import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { RecordedEvent } from '../../domain/envelope.ts';
import { readStoredItem } from '../eventStore/dynamoEventStore.ts';
import { logger } from '../observability/logger.ts';
import type { ProjectionOutcome, ProjectionResult, StreamProjector } from '../projections/streamProjector.ts';

export interface ProjectorHandlerOptions {
  /** Told the outcome of every event projected, e.g. to count them. */
  onOutcome?: (outcome: ProjectionOutcome) => void;
}

/** A record's event, null for a record that carries none (only inserts have a new image: events are never updated or deleted). */
const eventOf = (record: DynamoDBRecord): RecordedEvent | null => {
  const image = record.dynamodb?.NewImage;
  return image ? readStoredItem(image as Record<string, AttributeValue>).event : null;
};

/**
 * The events table's stream, projected a whole batch at a time. Every record still gets its own
 * outcome: one that fails (unreadable, or its stream could not be projected) is reported back as a
 * batch item failure, so Lambda retries it (and, after bounded retries, parks it on the dead-letter
 * queue) while every other record in the batch is applied.
 */
export const createProjectorHandler = (project: StreamProjector, options: ProjectorHandlerOptions = {}) =>
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const failures: { position: number; error: unknown }[] = [];
    const readable: { position: number; event: RecordedEvent }[] = [];
    event.Records.forEach((record, position) => {
      try {
        const recorded = eventOf(record);
        if (recorded) readable.push({ position, event: recorded });
      } catch (error) {
        failures.push({ position, error });
      }
    });
    let results: ProjectionResult[];
    try {
      results = await project(readable.map((entry) => entry.event));
    } catch (error) {
      results = readable.map(() => ({ error }));
    }
    readable.forEach(({ position }, index) => {
      const result = results[index]!;
      if ('error' in result) failures.push({ position, error: result.error });
      else options.onOutcome?.(result.outcome);
    });
    if (failures.length === 0) return { batchItemFailures: [] };

    // Reported in stream order: Lambda resumes from the earliest failed record.
    failures.sort((a, b) => a.position - b.position);
    const sequenceNumberAt = (position: number) => event.Records[position]!.dynamodb?.SequenceNumber ?? '';
    logger.warn('records not projected', {
      failures: failures.map(({ position, error }) => ({ record: sequenceNumberAt(position), error: error instanceof Error ? error.message : String(error) })),
    });
    return { batchItemFailures: failures.map(({ position }) => ({ itemIdentifier: sequenceNumberAt(position) })) };
  };
