import type { Decider } from '../decider.ts';
import type { Instant } from '../instant.ts';
import type { CatalogueEntry } from './catalogue.ts';
import type { PromiseDeskEvent, PromiseDeskEventOf } from './events.ts';
import { PromiseDeskRuleViolation } from './promiseDeskRuleViolation.ts';

/** One SKU's published versions: the latest is in force. */
export interface CatalogueEntryVersions {
  version: number;
  entry: CatalogueEntry | null;
}

export type PublishCatalogueEntry = { type: 'PublishCatalogueEntry'; entry: CatalogueEntry; at: Instant };

/** A SKU's entry: every PUT is a new version, recorded as it is said (PROMISES.md, "Catalogue"). */
export const catalogueEntryDecider = {
  initialState: (): CatalogueEntryVersions => ({ version: 0, entry: null }),
  evolve: (state: CatalogueEntryVersions, event: PromiseDeskEvent): CatalogueEntryVersions =>
    event.type === 'CatalogueEntryPublished' ? { version: event.data.version, entry: event.data.entry } : state,
  decide: (command: PublishCatalogueEntry, state: CatalogueEntryVersions): PromiseDeskEventOf<'CatalogueEntryPublished'>[] => {
    if (state.entry && state.entry.sku !== command.entry.sku) {
      throw new PromiseDeskRuleViolation(
        'catalogue-sku-mismatch',
        `this is the entry of SKU ${state.entry.sku}, not ${command.entry.sku}`,
        'sku',
      );
    }
    return [{ type: 'CatalogueEntryPublished', occurredAt: command.at, data: { version: state.version + 1, entry: command.entry } }];
  },
  startsStream: (): boolean => false,
} satisfies Decider<CatalogueEntryVersions, PublishCatalogueEntry, PromiseDeskEvent>;
