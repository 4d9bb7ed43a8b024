import { briefDecider, requireWeekEnded, type PublishedBrief } from '../../domain/cadence/briefDecider.ts';
import { WeeklyBrief, weeklyBriefOf, type ForecastMade, type SellerOfDeal } from '../../domain/cadence/weeklyBrief.ts';
import type { WeekFact } from '../../domain/cadence/weekFact.ts';
import { addMonths, monthOf, type Month } from '../../domain/calendar.ts';
import { weekEndMs, type IsoWeek } from '../../domain/isoWeek.ts';
import type { Capacity } from '../../domain/promises/capacity.ts';
import type { Catalogue } from '../../domain/promises/catalogue.ts';
import type { Commitment } from '../../domain/promises/commitment.ts';
import type { Actor } from '../../domain/roles.ts';
import { streamKinds } from '../../domain/streams.ts';
import { createCommandService, type CommandServiceDeps } from '../commands/commandService.ts';
import type { EscalationsSource } from '../promises/promiseDeskSources.ts';
import type { ReportStore } from '../reports/reportStore.ts';
import { renderBriefHtml } from './briefHtml.ts';
import { briefKeys } from './briefStore.ts';

/** The facts the projector filed by week, and the sellers of every deal. */
export interface WeekFactsSource {
  factsOf(week: IsoWeek): Promise<WeekFact[]>;
  sellers(): Promise<SellerOfDeal[]>;
}

/** The forecasts every seller made for a month, as recorded. */
export interface ForecastsSource {
  forecastsFor(month: Month): Promise<ForecastMade[]>;
}

/** What the promise desk knows of the ops teams: the catalogue names every team that has work priced. */
export interface OpsTeamsSource {
  catalogue(): Promise<Catalogue>;
  catalogueEntries(): Promise<{ entry: { opsTeam: string } }[]>;
  capacity(opsTeam: string): Promise<Capacity | null>;
  commitmentsOf(teams: readonly string[], catalogue: Catalogue, options: { fresh?: boolean }): Promise<Map<string, Commitment[]>>;
}

export interface BriefServiceDeps extends CommandServiceDeps {
  facts: WeekFactsSource;
  escalations: EscalationsSource;
  desk: OpsTeamsSource;
  forecasts: ForecastsSource;
  /** Where briefs are kept (the reports bucket's `briefs/` prefix; locally `.handshake/briefs/`). */
  documents: ReportStore;
  timeZone: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The weekly brief's use cases: gather a week's facts, compute the brief (a pure domain function),
 * store it as JSON and HTML, then record its publication on the week's own stream, from which the
 * publisher announces it on the bus. Publishing a week already published changes nothing.
 */
export const createBriefService = (deps: BriefServiceDeps) => {
  const publish = createCommandService(briefDecider, { ...deps, cachedStreams: 0 });
  const streamIdOf = (week: IsoWeek) => streamKinds.brief.streamId(week);

  const published = async (week: IsoWeek): Promise<NonNullable<PublishedBrief> | null> => {
    const stream = await deps.store.readStream(streamIdOf(week));
    return stream.events.map((stored) => stored.event).filter(streamKinds.brief.holds).reduce(briefDecider.evolve, briefDecider.initialState());
  };

  const opsTeams = async () => {
    const [catalogue, entries] = await Promise.all([deps.desk.catalogue(), deps.desk.catalogueEntries()]);
    const teams = [...new Set(entries.map(({ entry }) => entry.opsTeam))];
    const [capacities, commitments] = await Promise.all([
      Promise.all(teams.map((team) => deps.desk.capacity(team))),
      deps.desk.commitmentsOf(teams, catalogue, { fresh: true }),
    ]);
    return teams.map((opsTeam, index) => ({ opsTeam, capacity: capacities[index] ?? null, commitments: commitments.get(opsTeam) ?? [] }));
  };

  /** The brief of an ended week as the facts stand now. */
  const prepare = async (week: IsoWeek, preparedAt: string): Promise<WeeklyBrief> => {
    const weekEnd = weekEndMs(week, deps.timeZone);
    const month = addMonths(monthOf(weekEnd, deps.timeZone), 1);
    const [facts, sellers, escalations, teams, forecasts] = await Promise.all([
      deps.facts.factsOf(week),
      deps.facts.sellers(),
      // Decided ones too: one decided after the week ended was still open at its end.
      Promise.all((['open', 'approved', 'rejected'] as const).map((status) => deps.escalations.byStatus(status))).then((lists) => lists.flat()),
      opsTeams(),
      deps.forecasts.forecastsFor(month),
    ]);
    return weeklyBriefOf({ week, timeZone: deps.timeZone, preparedAt, facts, escalations, opsTeams: teams, sellers, forecasts });
  };

  const read = async (week: IsoWeek): Promise<{ published: NonNullable<PublishedBrief>; brief: WeeklyBrief } | null> => {
    const record = await published(week);
    if (!record) return null;
    const stored = await deps.documents.get(record.documents.json);
    if (!stored) throw new Error(`the brief of ${week} was published but ${record.documents.json} is missing from the store`);
    return { published: record, brief: WeeklyBrief.parse(JSON.parse(stored.body)) };
  };

  return {
    /**
     * Publishes the week's brief once. A second run answers with the first brief; two racing runs may
     * both store theirs, but only one publication is recorded and its keys are the same.
     */
    publish: async (week: IsoWeek, actor: Actor): Promise<{ created: boolean; published: NonNullable<PublishedBrief>; brief: WeeklyBrief }> => {
      const known = await read(week);
      if (known) return { created: false, ...known };
      const at = deps.now().toISOString();
      const weekEndsAt = new Date(weekEndMs(week, deps.timeZone)).toISOString();
      // The decider refuses it too; asking before gathering saves the reads.
      requireWeekEnded(week, at, weekEndsAt);
      const brief = await prepare(week, at);
      const documents = briefKeys(week);
      await Promise.all([
        deps.documents.put(documents.json, { body: `${JSON.stringify(brief, null, 2)}\n`, contentType: JSON_TYPE }),
        deps.documents.put(documents.html, { body: renderBriefHtml(brief), contentType: 'text/html; charset=utf-8' }),
      ]);
      const result = await publish({
        streamId: streamIdOf(week),
        command: { type: 'PublishBrief', week, at, weekEndsAt, preparedAt: at, documents },
        actor,
        fingerprint: `PublishBrief ${week}`,
      });
      if (result.replayed) return { created: false, ...(await read(week))! };
      return { created: true, published: { week, preparedAt: at, publishedAt: at, documents }, brief };
    },

    read,

    /** The stored HTML of a published brief, or null when the week has none. */
    html: async (week: IsoWeek): Promise<string | null> => {
      const record = await published(week);
      return record ? ((await deps.documents.get(record.documents.html))?.body ?? null) : null;
    },
  };
};

export type BriefService = ReturnType<typeof createBriefService>;
