import type { Decider } from '../../domain/decider.ts';
import {
  catalogueEntryDecider,
  type CatalogueEntryVersions,
  type PublishCatalogueEntry,
} from '../../domain/promises/catalogueEntryDecider.ts';
import type { Catalogue, CatalogueEntry, Sku } from '../../domain/promises/catalogue.ts';
import type { PromiseDeskEvent, PromiseDeskEventOf } from '../../domain/promises/events.ts';
import { streamKinds } from '../../domain/streams.ts';

/**
 * The whole catalogue lives on ONE org-level stream rather than one stream per SKU: every close and
 * every check needs all of it, and one stream is read with one Query, while per-SKU streams would need
 * a list of SKUs kept somewhere else. Each SKU still has its own version numbers (1, 2, 3...): the
 * SKU's rules are the domain's catalogueEntryDecider, applied to that SKU's slice of the stream.
 */
export const CATALOGUE_STREAM_ID = streamKinds.catalogue.streamId('org');

export type CatalogueVersions = ReadonlyMap<Sku, CatalogueEntryVersions>;

const versionsOf = (state: CatalogueVersions, sku: Sku): CatalogueEntryVersions =>
  state.get(sku) ?? catalogueEntryDecider.initialState();

export const catalogueStreamDecider = {
  initialState: (): CatalogueVersions => new Map(),
  evolve: (state: CatalogueVersions, event: PromiseDeskEvent): CatalogueVersions => {
    if (event.type !== 'CatalogueEntryPublished') return state;
    const sku = event.data.entry.sku;
    return new Map(state).set(sku, catalogueEntryDecider.evolve(versionsOf(state, sku), event));
  },
  decide: (command: PublishCatalogueEntry, state: CatalogueVersions): PromiseDeskEventOf<'CatalogueEntryPublished'>[] =>
    catalogueEntryDecider.decide(command, versionsOf(state, command.entry.sku)),
  startsStream: (): boolean => false,
} satisfies Decider<CatalogueVersions, PublishCatalogueEntry, PromiseDeskEvent>;

/** The entry in force of each SKU, with its version. */
export const entriesInForce = (state: CatalogueVersions): { entry: CatalogueEntry; version: number }[] =>
  [...state.values()].flatMap((versions) => (versions.entry ? [{ entry: versions.entry, version: versions.version }] : []));

export const catalogueInForce = (state: CatalogueVersions): Catalogue =>
  new Map(entriesInForce(state).map(({ entry }) => [entry.sku, entry]));
