import type { Month } from '../calendar.ts';
import type { EngagementClass } from '../promises/engagementRecord.ts';
import type { Dimension } from './dimensions.ts';

/** What the scorecards count: the shapes every kind of stream's contributions are written in. */

/** The tallies a class of close counts in: closes in the month it closed, deliveries and kept promises in the month delivered. */
export const CLASS_TALLIES = {
  'within-rules': { closed: 'closedWithinRules', delivered: 'deliveredWithinRules', kept: 'keptWithinRules' },
  approved: { closed: 'closedApproved', delivered: 'deliveredApproved', kept: 'keptApproved' },
  'outside-rules': { closed: 'closedOutsideRules', delivered: 'deliveredOutsideRules', kept: 'keptOutsideRules' },
} as const satisfies Record<EngagementClass, Record<'closed' | 'delivered' | 'kept', string>>;

export type ClassTally = (typeof CLASS_TALLIES)[EngagementClass][keyof (typeof CLASS_TALLIES)[EngagementClass]];

/** The engagement section's plain tallies. */
export type EngagementTally =
  | ClassTally
  | 'escalationsOpened'
  | 'escalationsApproved'
  | 'escalationsRejected'
  | 'escalationsRaised'
  | 'escalationsDecidedByOwner';

/** Amounts in minor units, by ISO currency: deals in different currencies are never summed together. */
export type ByCurrency = Record<string, number>;

/** The counts of a month's scorecard that are plain tallies. */
export type Tally =
  | 'closed'
  | 'cancelled'
  | 'handoffs'
  /** Handoffs made in the month that operations returned (whenever it did): what keeps them from being right first time. */
  | 'returnedHandoffs'
  /** Returns recorded in the month, whenever the handoff they returned was made. */
  | 'handoffReturns'
  | 'checklistTrue'
  | 'delivered'
  | 'onTime'
  | 'asSold'
  | 'promiseKept'
  | 'dueNext30Days'
  | 'promoters'
  | 'passives'
  | 'detractors'
  | EngagementTally;

/** What one dimension's scorecard counts in one month. A count never given reads as 0. */
export type MonthCounts = Partial<Record<Tally, number>> & {
  /** Value of the deals closed in the month. */
  revenue?: ByCurrency;
  /** Hours from close to handoff, in tenths, as a histogram (tenths -> handoffs) so a median can be read exactly. */
  handoffLags?: Record<number, number>;
  /** Seconds from an escalation's opening to its decision, as a histogram (seconds -> escalations), for an exact median. */
  decisionSeconds?: Record<number, number>;
};

/**
 * Open commitments of one dimension, kept as +/- changes in the month they happened (opened at the
 * close, closed again at delivery or cancellation) and summed up to the month asked.
 */
export interface CommitmentLedger {
  open?: Record<Month, number>;
  openValue?: Record<Month, ByCurrency>;
}

/** What a stream, as it stands, counts for: the same months and ledger on the scorecard of each of its dimensions. */
export interface Contributions {
  dimensions: Dimension[];
  months: Record<Month, MonthCounts>;
  ledger: CommitmentLedger;
}
