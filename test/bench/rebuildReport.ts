import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { runRebuildBench } from './rebuildBench.ts';
import { median } from './stats.ts';

/** Issue 13's target: the rebuild at half the rate of a plain Scan of the events table or better. */
const TARGET_OF_SCAN = 0.5;

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const n = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 0 });

/** `BENCH=rebuild`: the rebuild beside a plain parallel Scan of the loaded history, printed; always true (nothing to check beyond the rebuild's own). */
export const rebuildBench = async (
  stack: { eventsTable: string; projectionsTable: string },
  newClient: () => DynamoDBClient,
  timeZone: string,
  progress: (line: string) => void,
): Promise<boolean> => {
  const rebuildSegments = setting('BENCH_REBUILD_SEGMENTS', 4);
  const scanSegments = (process.env.BENCH_SCAN_SEGMENTS ?? `1,${rebuildSegments},8`).split(',').map(Number);
  const rounds = setting('BENCH_REBUILD_ROUNDS', 2);
  console.log(
    `\nRebuild vs a plain Scan on DynamoDB Local (in memory): ${rounds} interleaved rounds of a consistent parallel Scan of the events table ` +
      `(TotalSegments ${[...new Set([...scanSegments, rebuildSegments])].join(', ')}; every item read, nothing done) and a rebuild (${rebuildSegments} segments, no grace)`,
  );
  const result = await runRebuildBench({ ...stack, timeZone, newClient, rebuildSegments, scanSegments, rounds, onProgress: progress });
  for (const [segments, rates] of [...result.scan].sort(([a], [b]) => a - b)) {
    console.log(`  Scan, ${String(segments).padStart(2)} segments   ${n(median(rates)).padStart(8)} events/s   (rounds ${rates.map(n).join(', ')})`);
  }
  console.log(`  rebuild, ${rebuildSegments} segments ${n(median(result.rebuild)).padStart(8)} events/s   (rounds ${result.rebuild.map(n).join(', ')}; ${n(result.events)} events, ${n(result.items)} items written)`);
  const ratio = median(result.ratio);
  console.log(
    `      rebuild / Scan at ${rebuildSegments} segments: ${(100 * ratio).toFixed(0)}% (rounds ${result.ratio.map((r) => `${(100 * r).toFixed(0)}%`).join(', ')}) ` +
      `${ratio >= TARGET_OF_SCAN ? 'within' : 'UNDER'} the >= ${100 * TARGET_OF_SCAN}% target; last rebuild: read + fold ${result.phases['reading events'].toFixed(1)} s, ` +
      `write ${result.phases['writing projections'].toFixed(1)} s, switch + catch-up check ${result.phases['catching up'].toFixed(1)} s`,
  );
  // The floor a rebuild cannot beat: reading every event and writing every item, even perfectly overlapped.
  const scanSeconds = result.events / median(result.scan.get(rebuildSegments)!);
  const floorSeconds = Math.max(scanSeconds, result.writeFloor.seconds);
  const { writeFloor } = result;
  console.log(
    `  write floor: the rebuild's ${n(writeFloor.items)} items written alone with its writer (BatchWriteItem, 25 a request, 8 in flight): ` +
      `${writeFloor.seconds.toFixed(1)} s, ${n(writeFloor.itemsPerSecond)} items/s (${(writeFloor.items / result.events).toFixed(2)} items per event)`,
  );
  console.log(
    `      rebuild / max(Scan, writes) = ${n(result.events / floorSeconds)} events/s: ${(100 * median(result.rebuild) / (result.events / floorSeconds)).toFixed(0)}% ` +
      `(the Scan alone takes ${scanSeconds.toFixed(1)} s, the writes alone ${writeFloor.seconds.toFixed(1)} s)`,
  );
  return true;
};
