import type { Decider } from '../decider.ts';
import { toEpochMs, type Instant } from '../instant.ts';
import type { IsoWeek } from '../isoWeek.ts';
import { BriefRuleViolation } from './briefRuleViolation.ts';
import type { BriefEvent, IssuedBrief } from './events.ts';

/** A week's brief as published, or null before it is. */
export type PublishedBrief = { week: IsoWeek; preparedAt: Instant; publishedAt: Instant; documents: IssuedBrief } | null;

/** `weekEndsAt` is the first instant after the week in the business time zone. */
export type BriefCommand = { type: 'PublishBrief'; week: IsoWeek; at: Instant; weekEndsAt: Instant; preparedAt: Instant; documents: IssuedBrief };

/** A week still running has no brief: its facts are not all in. */
export const requireWeekEnded = (week: IsoWeek, at: Instant, weekEndsAt: Instant): void => {
  if (toEpochMs(at) < toEpochMs(weekEndsAt)) throw new BriefRuleViolation('week-not-ended', `${week} has not ended: it ends at ${weekEndsAt}`);
};

/**
 * A week has one brief: publishing it again records nothing, so a retried or repeated run (the
 * schedule and an admin on the same Monday) announces it once.
 */
export const briefDecider = {
  initialState: (): PublishedBrief => null,
  evolve: (_state: PublishedBrief, event: BriefEvent): PublishedBrief => ({
    week: event.data.week,
    preparedAt: event.data.preparedAt,
    publishedAt: event.occurredAt,
    documents: event.data.documents,
  }),
  decide: (command: BriefCommand, state: PublishedBrief): BriefEvent[] => {
    if (state) return [];
    requireWeekEnded(command.week, command.at, command.weekEndsAt);
    return [{ type: 'WeeklyBriefPublished', occurredAt: command.at, data: { week: command.week, preparedAt: command.preparedAt, documents: command.documents } }];
  },
  startsStream: () => true,
} satisfies Decider<PublishedBrief, BriefCommand, BriefEvent>;
