import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { projectionsTable as T } from './projectionsTable.ts';
import { generationPrefix } from './generations.ts';

export type ItemKey = Record<string, AttributeValue>;

/** The folded view of one stream (a deal, or an NPS answer of its own), keyed by its stream id. */
export const streamViewKey = (generation: number, streamId: string): ItemKey => ({
  [T.partitionKey]: { S: `${generationPrefix(generation)}${streamId}` },
  [T.sortKey]: { S: 'view' },
});

/** A document such as `unattributed-nps|<provider>:<id>`: partition by kind, one item each. */
export const documentItemKey = (generation: number, documentKey: string): ItemKey => {
  const [kind, ...rest] = documentKey.split('|');
  return { [T.partitionKey]: { S: `${generationPrefix(generation)}${kind}` }, [T.sortKey]: { S: rest.join('|') } };
};

export const documentPartition = (generation: number, kind: string): string => `${generationPrefix(generation)}${kind}`;

export const scorecardPartition = (generation: number, dimension: string): string =>
  `${generationPrefix(generation)}scorecard#${dimension}`;

/** Maps a contribution key (`bucket|<dimension>|<month>` or `ledger|<dimension>`) to its stored item. */
export const contributionItemKey = (generation: number, contributionKey: string): ItemKey => {
  const [kind, ...rest] = contributionKey.split('|');
  if (kind === 'bucket') {
    const month = rest.pop()!;
    return { [T.partitionKey]: { S: scorecardPartition(generation, rest.join('|')) }, [T.sortKey]: { S: month } };
  }
  if (kind === 'ledger') {
    return { [T.partitionKey]: { S: scorecardPartition(generation, rest.join('|')) }, [T.sortKey]: { S: 'ledger' } };
  }
  throw new Error(`unknown contribution key ${contributionKey}`);
};

/** The counters of a scorecard item: every numeric attribute but the keys. */
export const countersOf = (item: Record<string, AttributeValue> | undefined): Record<string, number> => {
  const counters: Record<string, number> = {};
  for (const [name, value] of Object.entries(item ?? {})) {
    if (name !== T.partitionKey && name !== T.sortKey && value.N !== undefined) counters[name] = Number(value.N);
  }
  return counters;
};
