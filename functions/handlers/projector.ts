import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { RecordedEvent } from '../../domain/envelope.ts';
import { readStoredItem } from '../eventStore/dynamoEventStore.ts';
import { logger } from '../observability/logger.ts';
import { flushingMetrics, processMetrics, type MetricsRecorder } from '../observability/metrics.ts';
import type { ProjectionOutcome, ProjectionResult, StreamProjector } from '../projections/streamProjector.ts';

export interface ProjectorHandlerOptions {
  /** Told the outcome of every event projected, e.g. to count them. */
  onOutcome?: (outcome: ProjectionOutcome) => void;
  /** Where batches, failed records and the projection lag are counted (default: this process's recorder). */
  metrics?: MetricsRecorder;
  /** The clock the lag is measured by (default: the system clock). */
  now?: () => Date;
}

/** The latest recordedAt of the batch's events, if it has any. */
const newestRecordedAt = (events: readonly { event: RecordedEvent }[]): string | undefined =>
  events.reduce<string | undefined>(
    (newest, { event }) => (newest === undefined || Date.parse(event.recordedAt) > Date.parse(newest) ? event.recordedAt : newest),
    undefined,
  );

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
export const createProjectorHandler = (project: StreamProjector, options: ProjectorHandlerOptions = {}) => {
  const metrics = options.metrics ?? processMetrics();
  const now = options.now ?? (() => new Date());
  return flushingMetrics(metrics, async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
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
    // How long the newest record took to reach the read models: how stale they were until now.
    const newest = newestRecordedAt(readable);
    metrics.projectorBatch({ failedRecords: failures.length, ...(newest ? { newestRecordedAt: newest } : {}), now: now() });
    if (failures.length === 0) return { batchItemFailures: [] };

    // Reported in stream order: Lambda resumes from the earliest failed record.
    failures.sort((a, b) => a.position - b.position);
    const sequenceNumberAt = (position: number) => event.Records[position]!.dynamodb?.SequenceNumber ?? '';
    logger.warn('records not projected', {
      failures: failures.map(({ position, error }) => ({ record: sequenceNumberAt(position), error: error instanceof Error ? error.message : String(error) })),
    });
    return { batchItemFailures: failures.map(({ position }) => ({ itemIdentifier: sequenceNumberAt(position) })) };
  });
};
