import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { createStreamProjector } from '../projections/streamProjector.ts';
import { ActiveGeneration } from '../projections/generations.ts';
import { rebuildProjections, type RebuildProgress } from '../projections/rebuild.ts';
import { operatorConnection } from './operatorConnection.ts';

/** `npx handshake projections rebuild [--aws]`: replay every event into fresh projections, then switch. */
export const projectionsRebuild = async (args: string[]): Promise<void> => {
  const { values } = parseArgs({ args, options: { aws: { type: 'boolean' } } });
  const { config, client } = operatorConnection({ aws: values.aws });
  const generations = new ActiveGeneration(client, config.projectionsTable);
  let bar: SingleBar | undefined;
  let phase: RebuildProgress['phase'] | undefined;
  const onProgress = (progress: RebuildProgress) => {
    if (progress.phase !== phase) {
      bar?.stop();
      phase = progress.phase;
      bar = new SingleBar({
        format: `${phase.padEnd(20)} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta}s`,
        barCompleteChar: '#',
        barIncompleteChar: '.',
        noTTYOutput: true,
        notTTYSchedule: 2000,
      });
      bar.start(progress.total, 0, { rate: 0 });
    }
    bar?.setTotal(progress.total);
    bar?.update(progress.done, { rate: Math.round(progress.perSecond) });
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
      `Rebuilt generation ${result.generation} (was ${result.previousGeneration}): ${result.events} events of ${result.deals} deals ` +
        `into ${result.items} items in ${result.seconds.toFixed(1)} s (${Math.round(result.events / result.seconds)} events/s); ` +
        `${result.caughtUp} deals caught up after the switch. Reads now use generation ${result.generation}.`,
    );
  } finally {
    bar?.stop();
    client.destroy();
  }
};
