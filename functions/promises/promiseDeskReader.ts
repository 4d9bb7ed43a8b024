import type { OpenDeal } from '../../domain/promises/openDeal.ts';
import type { Capacity } from '../../domain/promises/capacity.ts';
import { capacityDecider } from '../../domain/promises/capacityDecider.ts';
import type { Catalogue, OpsTeam } from '../../domain/promises/catalogue.ts';
import type { Commitment } from '../../domain/promises/commitment.ts';
import type { PromiseDeskEvent } from '../../domain/promises/events.ts';
import type { PromiseDesk, Proposal } from '../../domain/promises/promiseCheck.ts';
import { rulesInForce, rulesOfEngagementDecider } from '../../domain/promises/rulesOfEngagementDecider.ts';
import type { RulesOfEngagement } from '../../domain/promises/rulesOfEngagement.ts';
import { workOfScope } from '../../domain/promises/work.ts';
import { streamKinds } from '../../domain/streams.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { CATALOGUE_STREAM_ID, catalogueInForce, catalogueStreamDecider, entriesInForce, type CatalogueVersions } from './catalogueStream.ts';
import type { OpenCommitmentsSource } from './promiseDeskSources.ts';

export const RULES_STREAM_ID = streamKinds.rules.streamId();
export const capacityStreamId = (opsTeam: OpsTeam): string => streamKinds.capacity.streamId(opsTeam);

export interface PromiseDeskReaderDeps {
  store: Pick<DynamoEventStore, 'readStream'>;
  openCommitments: OpenCommitmentsSource;
  timeZone: string;
  /**
   * How long what is in force is trusted without reading again. Another process's publication is
   * seen at most this late; this process's own publications are seen at once (see `published`).
   */
  cacheMs?: number;
  now?: () => number;
}

interface Cached<T> {
  value: Promise<T>;
  readAt: number;
}

const DEFAULT_CACHE_MS = 2_000;
/** The cache's key for the load projection's open deals (stream ids all hold a `#`). */
const OPEN_DEALS = 'open-deals';

/**
 * What is in force at the promise desk (catalogue, capacities, rules) read straight from the event
 * store, each stream folded by its decider, remembered briefly; and the open commitments of the teams a
 * check needs, priced with the catalogue in force.
 */
export class PromiseDeskReader {
  private readonly cache = new Map<string, Cached<unknown>>();
  private readonly cacheMs: number;
  private readonly now: () => number;

  constructor(private readonly deps: PromiseDeskReaderDeps) {
    this.cacheMs = deps.cacheMs ?? DEFAULT_CACHE_MS;
    this.now = deps.now ?? Date.now;
  }

  /** This process wrote to the stream: what it remembers of it is stale. */
  published(streamId: string): void {
    this.cache.delete(streamId);
  }

  private fold<S>(streamId: string, initial: () => S, evolve: (state: S, event: PromiseDeskEvent) => S): Promise<S> {
    const cached = this.cache.get(streamId);
    if (cached && this.now() - cached.readAt < this.cacheMs) return cached.value as Promise<S>;
    const value = this.deps.store
      .readStream(streamId)
      .then((stream) => stream.events.map((stored) => stored.event as PromiseDeskEvent).reduce(evolve, initial()));
    // A failed read is not remembered: the next caller tries again.
    value.catch(() => this.cache.delete(streamId));
    this.cache.set(streamId, { value, readAt: this.now() });
    return value;
  }

  catalogueVersions(): Promise<CatalogueVersions> {
    return this.fold(CATALOGUE_STREAM_ID, catalogueStreamDecider.initialState, catalogueStreamDecider.evolve);
  }

  async catalogue(): Promise<Catalogue> {
    return catalogueInForce(await this.catalogueVersions());
  }

  async catalogueEntries() {
    return entriesInForce(await this.catalogueVersions());
  }

  async capacity(opsTeam: OpsTeam): Promise<Capacity | null> {
    return (await this.fold(capacityStreamId(opsTeam), capacityDecider.initialState, capacityDecider.evolve)).capacity;
  }

  async rules(): Promise<RulesOfEngagement | null> {
    return rulesInForce(await this.fold(RULES_STREAM_ID, rulesOfEngagementDecider.initialState, rulesOfEngagementDecider.evolve));
  }

  /**
   * The open deals as the load projection holds them. The projection already trails the events by the
   * stream's delay, so a check may use what this process read a moment ago (the same short window as
   * the catalogue, capacity and rules): a check or a close then costs no Query of every open deal.
   * `fresh` reads the projection now, for the capacity view people look at after a change.
   */
  private openDeals(fresh: boolean): Promise<readonly OpenDeal[]> {
    const cached = this.cache.get(OPEN_DEALS);
    if (!fresh && cached && this.now() - cached.readAt < this.cacheMs) return cached.value as Promise<readonly OpenDeal[]>;
    const value = this.deps.openCommitments.openDeals();
    value.catch(() => this.cache.delete(OPEN_DEALS));
    this.cache.set(OPEN_DEALS, { value, readAt: this.now() });
    return value;
  }

  /** The open commitments of these teams, each deal's scope in force priced with the catalogue in force. */
  async commitmentsOf(teams: readonly OpsTeam[], catalogue: Catalogue, options: { fresh?: boolean } = {}): Promise<Map<OpsTeam, Commitment[]>> {
    const wanted = new Set(teams);
    const byTeam = new Map<OpsTeam, Commitment[]>(teams.map((team) => [team, []]));
    if (wanted.size === 0) return byTeam;
    for (const deal of await this.openDeals(options.fresh ?? false)) {
      for (const [team, minutes] of workOfScope(deal.scope, catalogue).minutesByTeam) {
        if (!wanted.has(team)) continue;
        byTeam.get(team)!.push({ dealId: deal.dealId, minutes, deliverBy: deal.deliverBy, closedAt: deal.closedAt });
      }
    }
    return byTeam;
  }

  /**
   * The desk a proposal is checked against: only the capacities of the teams its scope has work for,
   * and the commitments of those that have a capacity published (no schedule is drawn for the others).
   * `withLoad: false` leaves the commitments out, for a caller that knows no rule looks at the load.
   */
  async deskFor(proposal: Proposal, options: { withLoad?: boolean } = {}): Promise<PromiseDesk> {
    const catalogue = await this.catalogue();
    const teams = [...workOfScope(proposal.scope, catalogue).minutesByTeam.keys()];
    const capacities = new Map<OpsTeam, Capacity>();
    for (const [team, capacity] of await Promise.all(teams.map(async (team) => [team, await this.capacity(team)] as const))) {
      if (capacity) capacities.set(team, capacity);
    }
    const planned = [...capacities.keys()];
    const commitments = options.withLoad === false ? new Map() : await this.commitmentsOf(planned, catalogue);
    return { timeZone: this.deps.timeZone, catalogue, capacities, commitments };
  }
}
