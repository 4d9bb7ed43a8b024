import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Month } from '../../domain/calendar.ts';
import type { EscalationStatus } from '../../domain/promises/escalationDecider.ts';
import type { IsoWeek } from '../../domain/isoWeek.ts';
import type { Dimension } from '../../domain/scorecard/dimensions.ts';
import type { ProjectedDocument } from '../../domain/scorecard/streamProjections.ts';
import { projectionsTable as T } from './projectionsTable.ts';

/** Every key of the projections table is built here, and only here. */
export type ItemKey = Record<string, AttributeValue>;

const itemKey = (partition: string, sortKey: string): ItemKey => ({ [T.partitionKey]: { S: partition }, [T.sortKey]: { S: sortKey } });

/** Which generation is live: the one item outside every generation. */
export const generationPointerKey: ItemKey = itemKey('control', 'active-generation');

export const generationPrefix = (generation: number): string => `g${generation}#`;

/** The folded view of one stream (a deal, or an NPS answer of its own), keyed by its stream id. */
export const streamViewKey = (generation: number, streamId: string): ItemKey => itemKey(`${generationPrefix(generation)}${streamId}`, 'view');

/** The deals delivered in a month, one item each: a month's payout reads one partition. */
export const deliveredDealsPartition = (generation: number, month: Month): string => `${generationPrefix(generation)}delivered#${month}`;

/** The NPS answers that named no known deal, one item each. */
export const unattributedNpsPartition = (generation: number): string => `${generationPrefix(generation)}unattributed-nps`;

/** Every deal operations still owes, one item each: the promise desk reads its whole load in one Query. */
export const openDealsPartition = (generation: number): string => `${generationPrefix(generation)}open-deals`;

/** The deals that closed or were delivered in a month, one item each naming their teams: the month's teams. */
export const dealTeamsPartition = (generation: number, month: Month): string => `${generationPrefix(generation)}teams#${month}`;

/** The escalations of one status, one item each, keyed by escalation id. */
export const escalationsPartition = (generation: number, status: EscalationStatus): string =>
  `${generationPrefix(generation)}escalations#${status}`;

/** Where an escalation is listed if its status is `status`. */
export const escalationItemKey = (generation: number, status: EscalationStatus, escalationId: string): ItemKey =>
  itemKey(escalationsPartition(generation, status), escalationId);

/** The facts of one week (closes, deliveries, NPS answers), one item each: a week's brief reads one partition. */
export const weekFactsPartition = (generation: number, week: IsoWeek): string => `${generationPrefix(generation)}week-facts#${week}`;

/** The seller of every deal, one item per deal: the sellers the brief expects a forecast from. */
export const sellersPartition = (generation: number): string => `${generationPrefix(generation)}sellers`;

/** Every seller's forecasts, one item each, keyed by person id: the forecast section reads them in one Query. */
export const sellerForecastsPartition = (generation: number): string => `${generationPrefix(generation)}forecasts`;

/** One seller's closes, one item per deal: what tells which sales team a seller forecasts for. */
export const sellerClosesPartition = (generation: number, personId: string): string => `${generationPrefix(generation)}seller-closes#${personId}`;

export const documentItemKey = (generation: number, document: ProjectedDocument): ItemKey => {
  switch (document.kind) {
    case 'delivered-deal':
      return itemKey(deliveredDealsPartition(generation, document.month), document.dealId);
    case 'unattributed-nps':
      return itemKey(unattributedNpsPartition(generation), `${document.provider}:${document.responseId}`);
    case 'open-deal':
      return itemKey(openDealsPartition(generation), document.dealId);
    case 'escalation':
      return escalationItemKey(generation, document.status, document.escalationId);
    case 'week-fact':
      return itemKey(weekFactsPartition(generation, document.week), document.factId);
    case 'seller':
      return itemKey(sellersPartition(generation), document.dealId);
    case 'seller-forecasts':
      return itemKey(sellerForecastsPartition(generation), document.personId);
    case 'seller-close':
      return itemKey(sellerClosesPartition(generation, document.personId), document.dealId);
    case 'deal-teams':
      return itemKey(dealTeamsPartition(generation, document.month), document.dealId);
  }
};

/**
 * A document's key as a view records it, and back: a view names the documents its stream listed,
 * without the generation, so a rebuilt view is the same as the live one it replaces.
 */
export type RecordedDocumentKey = [partition: string, sortKey: string];
export const recordedDocumentKey = (generation: number, key: ItemKey): RecordedDocumentKey => [
  key[T.partitionKey]!.S!.slice(generationPrefix(generation).length),
  key[T.sortKey]!.S!,
];
export const documentKeyOf = (generation: number, [partition, sortKey]: RecordedDocumentKey): ItemKey =>
  itemKey(`${generationPrefix(generation)}${partition}`, sortKey);

/** One dimension's scorecard: an item per month, and its commitment ledger, which sorts after every month. */
export const scorecardPartition = (generation: number, dimension: Dimension): string => `${generationPrefix(generation)}scorecard#${dimension}`;
export const LEDGER_SORT_KEY = 'ledger';

/**
 * A scorecard item named without its generation (`bucket|<dimension>|<month>` or `ledger|<dimension>`):
 * how a view records, by item, what its stream counted for, in the form views have always been stored.
 */
export type ScorecardItemId = string;

export const monthItemId = (dimension: Dimension, month: Month): ScorecardItemId => `bucket|${dimension}|${month}`;
export const ledgerItemId = (dimension: Dimension): ScorecardItemId => `ledger|${dimension}`;

export const scorecardItemKey = (generation: number, id: ScorecardItemId): ItemKey => {
  const [kind, ...rest] = id.split('|');
  // A dimension may itself hold a `|`: the month is the last part, the dimension all between.
  if (kind === 'bucket') return itemKey(scorecardPartition(generation, rest.slice(0, -1).join('|') as Dimension), rest.at(-1)!);
  if (kind === 'ledger') return itemKey(scorecardPartition(generation, rest.join('|') as Dimension), LEDGER_SORT_KEY);
  throw new Error(`unknown scorecard item ${id}`);
};
