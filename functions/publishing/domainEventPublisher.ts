import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { RecordedEvent } from '../../domain/envelope.ts';
import { jitteredDelay, sleep } from '../dynamo/backoff.ts';
import { logger } from '../observability/logger.ts';
import { EVENT_SOURCE } from './eventBus.ts';

/** PutEvents takes at most 10 entries, together at most 256 KB. */
export const MAX_ENTRIES_PER_PUT = 10;
export const MAX_PUT_BYTES = 256 * 1024;

/** The per-entry errors EventBridge documents as worth retrying; the others fail the same way again. */
const RETRYABLE_ERRORS = new Set(['InternalFailure', 'ThrottlingException']);

/** An entry EventBridge did not take, with why: what a person needs to redrive it. */
export interface DeadLetter {
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  errorCode: string;
  errorMessage: string;
  /** PutEvents calls that carried the entry. */
  attempts: number;
  failedAt: string;
  /** The entry as it was sent (Detail is the whole envelope), ready to be put again. */
  entry: Omit<PutEventsRequestEntry, 'Time'> & { Time?: string };
}

export interface DeadLetterSink {
  send(letters: DeadLetter[]): Promise<void>;
}

export interface PublishOutcome {
  published: RecordedEvent[];
  deadLettered: DeadLetter[];
  /**
   * Neither on the bus nor dead-lettered (PutEvents or the dead-letter sink itself failed), and every
   * event after the first of them: the caller has the stream deliver them again.
   */
  unsent: RecordedEvent[];
}

export const toBusEntry = (event: RecordedEvent, busName: string): PutEventsRequestEntry => ({
  EventBusName: busName,
  Source: EVENT_SOURCE,
  DetailType: event.type,
  Detail: JSON.stringify(event),
  // recordedAt, not occurredAt: the bus announces that the store recorded a fact, and archives and
  // replays select by this time. occurredAt can be backdated weeks (a delivery entered late), which
  // would file the announcement under a past window nobody replays; it stays in the detail.
  Time: new Date(event.recordedAt),
  Resources: [],
});

/** EventBridge's own measure of an entry against the 256 KB limit. */
export const entrySize = (entry: PutEventsRequestEntry): number => {
  const bytes = (text: string | undefined) => (text ? Buffer.byteLength(text, 'utf8') : 0);
  return (
    (entry.Time ? 14 : 0) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0)
  );
};

/** Consecutive chunks of at most 10 entries and 256 KB each, in order. */
export const chunkEntries = <T extends { entry: PutEventsRequestEntry }>(items: T[]): T[][] => {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = entrySize(item.entry);
    if (current.length === MAX_ENTRIES_PER_PUT || (current.length > 0 && bytes + size > MAX_PUT_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
};

export interface DomainEventPublisherOptions {
  eventBridge: EventBridgeClient;
  busName: string;
  deadLetter: DeadLetterSink;
  /** PutEvents calls per entry at most, the first included (default 4). */
  maxAttempts?: number;
  /** First pause before retrying failed entries; doubles each time, with full jitter (default 100 ms). */
  baseDelayMs?: number;
}

interface Pending {
  event: RecordedEvent;
  entry: PutEventsRequestEntry;
}

/**
 * Puts domain events on the EventBridge bus. PutEvents answers 200 even when entries fail, so every
 * answer's FailedEntryCount is checked: only the failed entries are retried, with backoff, and entries
 * that still fail (or fail in a way no retry fixes) go to the dead-letter sink.
 */
export class DomainEventPublisher {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;

  constructor(private readonly options: DomainEventPublisherOptions) {
    this.maxAttempts = options.maxAttempts ?? 4;
    this.baseDelayMs = options.baseDelayMs ?? 100;
  }

  async publish(events: RecordedEvent[]): Promise<PublishOutcome> {
    const outcome: PublishOutcome = { published: [], deadLettered: [], unsent: [] };
    const tooLarge: DeadLetter[] = [];
    const sendable: Pending[] = [];
    for (const event of events) {
      const entry = toBusEntry(event, this.options.busName);
      if (entrySize(entry) > MAX_PUT_BYTES) {
        tooLarge.push(this.letter({ event, entry }, 'EntryTooLarge', `the entry is over ${MAX_PUT_BYTES} bytes`, 0));
      } else {
        sendable.push({ event, entry });
      }
    }
    if (tooLarge.length && !(await this.park(tooLarge, outcome))) {
      outcome.unsent.push(...events);
      return outcome;
    }
    const chunks = chunkEntries(sendable);
    for (const [index, chunk] of chunks.entries()) {
      const done = await this.putChunk(chunk, outcome);
      if (!done) {
        // The stream delivers everything from the first unsent record again: sending later chunks now
        // would only publish them twice.
        const published = new Set(outcome.published);
        outcome.unsent.push(...chunks.slice(index).flat().flatMap((item) => (published.has(item.event) ? [] : [item.event])));
        break;
      }
    }
    return outcome;
  }

  /** Sends one chunk until every entry is on the bus or dead-lettered; false when that could not be done. */
  private async putChunk(chunk: Pending[], outcome: PublishOutcome): Promise<boolean> {
    let pending = chunk;
    const letters: DeadLetter[] = [];
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      let answer;
      try {
        answer = await this.options.eventBridge.send(new PutEventsCommand({ Entries: pending.map((item) => item.entry) }));
      } catch (error) {
        // The SDK has already retried the call itself; the stream's own retries take it from here.
        logger.error('PutEvents failed', { entries: pending.length, error: error as Error });
        return false;
      }
      const retry: Pending[] = [];
      let lastError = { code: '', message: '' };
      pending.forEach((item, position) => {
        const result = answer.Entries?.[position];
        if (result?.EventId && !result.ErrorCode) {
          outcome.published.push(item.event);
          return;
        }
        const code = result?.ErrorCode ?? 'MissingResult';
        const message = result?.ErrorMessage ?? 'PutEvents gave no result for this entry';
        lastError = { code, message };
        if (RETRYABLE_ERRORS.has(code) && attempt < this.maxAttempts) retry.push(item);
        else letters.push(this.letter(item, code, message, attempt));
      });
      if (retry.length > 0) {
        logger.warn('PutEvents rejected entries; retrying them', {
          failedEntryCount: answer.FailedEntryCount,
          retrying: retry.length,
          attempt,
          lastError,
        });
        await sleep(jitteredDelay(attempt - 1, this.baseDelayMs));
      }
      pending = retry;
    }
    return letters.length === 0 || this.park(letters, outcome);
  }

  private async park(letters: DeadLetter[], outcome: PublishOutcome): Promise<boolean> {
    try {
      await this.options.deadLetter.send(letters);
    } catch (error) {
      logger.error('dead-letter sink failed', { letters: letters.length, error: error as Error });
      return false;
    }
    outcome.deadLettered.push(...letters);
    logger.error('domain events dead-lettered: subscribers missed them', {
      events: letters.map((letter) => ({ eventId: letter.eventId, errorCode: letter.errorCode })),
    });
    return true;
  }

  private letter(item: Pending, errorCode: string, errorMessage: string, attempts: number): DeadLetter {
    const { Time, ...entry } = item.entry;
    return {
      eventId: item.event.eventId,
      streamId: item.event.streamId,
      version: item.event.version,
      type: item.event.type,
      errorCode,
      errorMessage,
      attempts,
      failedAt: new Date().toISOString(),
      entry: { ...entry, ...(Time ? { Time: Time.toISOString() } : {}) },
    };
  }
}
