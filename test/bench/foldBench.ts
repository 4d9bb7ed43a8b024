import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { RecordedEvent } from '../../domain/envelope.ts';
import { projectionFor } from '../../domain/scorecard/streamProjections.ts';
import { readStoredItem } from '../../functions/eventStore/dynamoEventStore.ts';
import { eventsTable as T } from '../../functions/eventStore/eventsTable.ts';
import type { History } from './history.ts';
import { median } from './stats.ts';

/**
 * The projector's CPU path without the network: stored event items parsed and validated as the
 * store reads them, each stream folded by its projection, and what it contributes (counters and
 * documents) taken once per stream, as a rebuild does. Measured step by step so the cost of each
 * step shows, in interleaved rounds so a noisy neighbour hurts every step alike. Timed in CPU time
 * of this process (user + system), not wall time: on a shared machine the wall clock also counts
 * the time other processes held the cores.
 */

export type FoldStep = 'json' | 'parse' | 'fold' | 'full';

export const FOLD_STEPS: Record<FoldStep, string> = {
  json: 'JSON.parse of each stored body',
  parse: 'parse + validate (readStoredItem)',
  fold: 'parse + validate + fold (the floor)',
  full: 'parse + validate + fold + contributions + documents',
};

export interface FoldBenchOptions {
  history: History;
  timeZone: string;
  rounds: number;
}

export interface FoldBenchResult {
  events: number;
  streams: number;
  /** CPU microseconds per event, median over the rounds, per step. */
  microsPerEvent: Record<FoldStep, number>;
  rounds: Record<FoldStep, number[]>;
  /**
   * The fold, contributions and documents beyond reading the events (issue 13's 3 us target): full
   * minus parse + validate, taken within each round so both steps met the same neighbours.
   */
  beyondRead: { microsPerEvent: number; rounds: number[] };
  /** Something every round computed, so no step can be optimised away. */
  checksum: number;
}


/** Items grouped by stream, in version order, as a rebuild's scan hands them over. */
const byStream = (items: readonly Record<string, AttributeValue>[]): Record<string, AttributeValue>[][] => {
  const streams = new Map<string, Record<string, AttributeValue>[]>();
  for (const item of items) {
    const streamId = item[T.partitionKey]!.S!;
    const stream = streams.get(streamId);
    if (stream) stream.push(item);
    else streams.set(streamId, [item]);
  }
  return [...streams.values()];
};

const runStep = (step: FoldStep, streams: readonly Record<string, AttributeValue>[][], timeZone: string): number => {
  let checksum = 0;
  for (const items of streams) {
    if (step === 'json') {
      for (const item of items) checksum += (JSON.parse(item[T.body]!.S!) as { version: number }).version;
      continue;
    }
    const events: RecordedEvent[] = items.map((item) => readStoredItem(item).event);
    if (step === 'parse') {
      checksum += events.length;
      continue;
    }
    const projection = projectionFor(events[0]!.streamId);
    const state = events.reduce(projection.evolve, projection.initialState());
    if (step === 'fold') {
      checksum += state === null ? 0 : 1;
      continue;
    }
    const contributions = projection.contributions(state, timeZone);
    checksum += Object.keys(contributions.months).length + projection.documents(state, timeZone).length;
  }
  return checksum;
};

export const runFoldBench = (options: FoldBenchOptions): FoldBenchResult => {
  const streams = byStream(options.history.items);
  const events = options.history.items.length;
  const steps = Object.keys(FOLD_STEPS) as FoldStep[];
  // A warm-up pass of each step over every stream, so the JIT has seen every path and the wall clock
  // every hour of the history, as in a projector that has been running: a first round measured the learning.
  let checksum = 0;
  for (const step of steps) checksum += runStep(step, streams, options.timeZone);
  const rounds = Object.fromEntries(steps.map((step) => [step, [] as number[]])) as Record<FoldStep, number[]>;
  for (let round = 0; round < options.rounds; round++) {
    // Each round starts at another step, so no step always runs right after the same one.
    for (let offset = 0; offset < steps.length; offset++) {
      const step = steps[(round + offset) % steps.length]!;
      const started = process.cpuUsage();
      checksum += runStep(step, streams, options.timeZone);
      const used = process.cpuUsage(started);
      rounds[step].push((used.user + used.system) / events);
    }
  }
  const microsPerEvent = Object.fromEntries(steps.map((step) => [step, median(rounds[step])])) as Record<FoldStep, number>;
  const beyondRead = rounds.full.map((full, round) => full - rounds.parse[round]!);
  return { events, streams: streams.length, microsPerEvent, rounds, beyondRead: { microsPerEvent: median(beyondRead), rounds: beyondRead }, checksum };
};
