import { parseArgs } from 'node:util';
import type { SingleBar } from 'cli-progress';
import { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { createStreamProjector } from '../projections/streamProjector.ts';
import { ActiveGeneration } from '../projections/generations.ts';
import { rebuildProjections, type RebuildProgress } from '../projections/rebuild.ts';
import { isUnreachable, Unreachable } from './localStackAddress.ts';
import { operatorConnection } from './operatorConnection.ts';
import { progressBar, timeLeft } from './progressBar.ts';

const streamWords: Record<string, [one: string, many: string]> = {
  deal: ['deal', 'deals'],
  nps: ['NPS answer naming no known deal', 'NPS answers naming no known deal'],
  plans: ['stream of plan versions', 'streams of plan versions'],
  closes: ['stream of month closes', 'streams of month closes'],
};

/** "1 deal and 2 NPS answers naming no known deal": each kind of stream counted under its own name. */
export const describeStreams = (streams: Record<string, number>): string => {
  const parts = Object.entries(streams)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => (a === 'deal' ? -1 : b === 'deal' ? 1 : a.localeCompare(b)))
    .map(([kind, count]) => {
      const [one, many] = streamWords[kind] ?? [`${kind} stream`, `${kind} streams`];
      return `${count} ${count === 1 ? one : many}`;
    });
  if (parts.length === 0) return 'no streams';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
};

/** `npx handshake projections rebuild [--aws]`: replay every event into fresh projections, then switch. */
export const projectionsRebuild = async (args: string[]): Promise<void> => {
  const { values } = parseArgs({ args, options: { aws: { type: 'boolean' } } });
  const { config, client, address } = operatorConnection({ aws: values.aws });
  const generations = new ActiveGeneration(client, config.projectionsTable);
  let bar: SingleBar | undefined;
  let phase: RebuildProgress['phase'] | undefined;
  const onProgress = (progress: RebuildProgress) => {
    if (progress.phase !== phase) {
      bar?.stop();
      phase = progress.phase;
      bar = progressBar(`${phase.padEnd(20)} [{bar}] {percentage}% | {value}/{total} | {rate}/s | {left}`);
      bar.start(progress.total, 0, { rate: 0, left: 'estimating' });
    }
    bar?.setTotal(progress.total);
    bar?.update(progress.done, { rate: Math.round(progress.perSecond), left: timeLeft(progress.done, progress.total, progress.perSecond) });
  };
  try {
    const result = await rebuildProjections({
      client,
      eventsTable: config.eventsTable,
      projectionsTable: config.projectionsTable,
      timeZone: config.timeZone,
      generations,
      onProgress,
      catchUpProjector: (generation) =>
        createStreamProjector({
          client,
          tableName: config.projectionsTable,
          eventStore: new DynamoEventStore(client, config.eventsTable),
          timeZone: config.timeZone,
          generation: async () => generation,
        }),
    });
    bar?.stop();
    console.log(
      `Rebuilt generation ${result.generation} (was ${result.previousGeneration}): ${result.events} events of ${describeStreams(result.streams)} ` +
        `into ${result.items} items in ${result.seconds.toFixed(1)} s (${Math.round(result.events / result.seconds)} events/s); ` +
        `${result.caughtUp} streams caught up after the switch. Reads now use generation ${result.generation}.`,
    );
  } catch (error) {
    if (address && isUnreachable(error)) throw new Unreachable('DynamoDB', address, error);
    throw error;
  } finally {
    bar?.stop();
    client.destroy();
  }
};
