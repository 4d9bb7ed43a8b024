import * as z from '../zod.ts';
import { monthOf, type Month } from '../calendar.ts';
import type { Deal } from '../deal/state.ts';
import { toEpochMs } from '../instant.ts';
import type { EngagementClass } from '../promises/engagementRecord.ts';
import type { Escalation } from '../promises/escalationDecider.ts';
import { CLASS_TALLIES, type ClassTally, type Contributions, type EngagementTally, type MonthCounts } from './counts.ts';
import type { Dimension } from './dimensions.ts';
import { medianOfHistogram } from './histogram.ts';

/**
 * The engagement section of every scorecard (PROMISES.md, "On the scorecard"): how promises were made
 * with respect to the rules of engagement, whether each class of promise was kept, and how the
 * escalations of the month went.
 */
export interface EngagementSection {
  withinRules: number;
  approved: number;
  outsideRules: number;
  promiseKeptRate: { withinRules: number | null; approved: number | null; outsideRules: number | null };
  escalations: {
    opened: number;
    approved: number;
    rejected: number;
    raised: number;
    decidedByOwner: number;
    medianHoursToDecision: number | null;
  };
}

/** The class a close was made under; null for a deal closed before the promise desk existed (it counts in none). */
// A view folded before DealClosed carried `engagement` has none at all: the same as null.
const classOf = (deal: Deal): EngagementClass | null => deal.engagement?.class ?? null;

export const closeTallyOf = (deal: Deal): ClassTally | null => {
  const engagementClass = classOf(deal);
  return engagementClass && CLASS_TALLIES[engagementClass].closed;
};

/** The delivery and kept tallies of the deal's class, or null when it closed before the promise desk. */
export const deliveryTalliesOf = (deal: Deal): { delivered: ClassTally; kept: ClassTally } | null => {
  const engagementClass = classOf(deal);
  return engagementClass && CLASS_TALLIES[engagementClass];
};

const MS_PER_SECOND = 1_000;

/** The dimensions an escalation counts for: the proposal's organisation, sales team and seller. */
export const escalationDimensionsOf = (escalation: Escalation): Dimension[] => [
  'org',
  `team:${escalation.proposal.salesTeam}`,
  `person:${escalation.proposal.seller.id}`,
];

/**
 * What an escalation, as it stands, counts for, in the month it was opened. Its time to decision goes
 * into a histogram of whole seconds, so the month's median is read exactly, whichever escalations it spans.
 */
export const escalationContributions = (escalation: Escalation, timeZone: string): Contributions => {
  const counts: MonthCounts = { escalationsOpened: 1 };
  // Decided: the level it stood at when decided; open: the rises the sweep has recorded.
  if (escalation.level > escalation.opening.level) counts.escalationsRaised = 1;
  if (escalation.decision) {
    counts[escalation.decision.decision === 'approved' ? 'escalationsApproved' : 'escalationsRejected'] = 1;
    if (escalation.level === 3) counts.escalationsDecidedByOwner = 1;
    const seconds = Math.max(0, Math.round((toEpochMs(escalation.decision.at) - toEpochMs(escalation.openedAt)) / MS_PER_SECOND));
    counts.decisionSeconds = { [seconds]: 1 };
  }
  const month: Month = monthOf(escalation.openedAt, timeZone);
  return { dimensions: escalationDimensionsOf(escalation), months: { [month]: counts }, ledger: {} };
};

const SECONDS_PER_TENTH_HOUR = 360;

/** The median over a histogram of seconds, in hours rounded half up to one decimal. */
const medianHours = (secondsHistogram: Record<number, number> | undefined): number | null => {
  const seconds = medianOfHistogram(new Map(Object.entries(secondsHistogram ?? {}).map(([value, count]) => [Number(value), count])));
  // A median is a whole or a half second: its tenths of an hour are never a float's hair from a tie.
  return seconds === null ? null : Math.round(seconds / SECONDS_PER_TENTH_HOUR) / 10;
};

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The engagement section from a month's counts. */
export const readEngagement = (counts: MonthCounts): EngagementSection => {
  const n = (tally: EngagementTally) => counts[tally] ?? 0;
  const keptRate = (engagementClass: EngagementClass) => {
    const tallies = CLASS_TALLIES[engagementClass];
    return rate(n(tallies.kept), n(tallies.delivered));
  };
  return {
    withinRules: n('closedWithinRules'),
    approved: n('closedApproved'),
    outsideRules: n('closedOutsideRules'),
    promiseKeptRate: { withinRules: keptRate('within-rules'), approved: keptRate('approved'), outsideRules: keptRate('outside-rules') },
    escalations: {
      opened: n('escalationsOpened'),
      approved: n('escalationsApproved'),
      rejected: n('escalationsRejected'),
      raised: n('escalationsRaised'),
      decidedByOwner: n('escalationsDecidedByOwner'),
      medianHoursToDecision: medianHours(counts.decisionSeconds),
    },
  };
};

const Rate = z.nullable(z.number().check(z.minimum(0), z.maximum(1)));
const Count = z.int().check(z.nonnegative());

export const EngagementSectionSchema = z.strictObject({
  withinRules: Count,
  approved: Count,
  outsideRules: Count,
  promiseKeptRate: z.strictObject({ withinRules: Rate, approved: Rate, outsideRules: Rate }),
  escalations: z.strictObject({
    opened: Count,
    approved: Count,
    rejected: Count,
    raised: Count,
    decidedByOwner: Count,
    medianHoursToDecision: z.nullable(z.number().check(z.nonnegative())),
  }),
}) satisfies z.ZodMiniType<EngagementSection>;
