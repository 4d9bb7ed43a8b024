import type { Decider } from '../decider.ts';
import type { CloseDealBody } from '../deal/commands.ts';
import { toEpochMs, type Instant } from '../instant.ts';
import type { Actor } from '../roles.ts';
import { reachesLevel, rolesThatReach, type EscalationLevel } from './engagementLevel.ts';
import type { Decision, EscalationCommand } from './escalationCommands.ts';
import { dueAfter, risesUntil, standingAt, type EscalationStanding } from './escalationStanding.ts';
import type { PromiseDeskEvent, PromiseDeskEventOf } from './events.ts';
import type { PromiseCheckAnswer } from './promiseCheckAnswer.ts';
import { NotEntitledToDecide, PromiseDeskRuleViolation } from './promiseDeskRuleViolation.ts';
import type { SlaHoursByLevel } from './rulesOfEngagement.ts';

export type EscalationStatus = 'open' | 'approved' | 'rejected';

export interface EscalationDecision {
  by: Actor;
  at: Instant;
  decision: Decision;
  deliverBy?: Instant;
  note: string;
}

/** An escalation as recorded. */
export interface Escalation {
  escalationId: string;
  dealId: string;
  proposal: CloseDealBody;
  check: PromiseCheckAnswer;
  openedAt: Instant;
  slaHours: SlaHoursByLevel;
  /** The level it opened at and when that was due: where every rise is counted from. */
  opening: EscalationStanding;
  /** The level and due time as last recorded (opening, a rise, or the decision). */
  level: EscalationLevel;
  dueBy: Instant;
  status: EscalationStatus;
  decision: EscalationDecision | null;
}

/** Nothing recorded yet, or the escalation. */
export type EscalationState = Escalation | null;

type EscalationEvent = PromiseDeskEventOf<'EscalationOpened' | 'EscalationRaised' | 'EscalationDecided'>;

const requireEscalation = (state: EscalationState): Escalation => {
  if (!state) throw new PromiseDeskRuleViolation('unknown-escalation', 'no escalation with this id has been opened');
  return state;
};

/** The rises not yet recorded, as events: each at the moment its due time passed. */
const unrecordedRises = (escalation: Escalation, at: Instant): PromiseDeskEventOf<'EscalationRaised'>[] =>
  risesUntil(escalation.opening, escalation.slaHours, at)
    .filter((rise) => rise.level > escalation.level)
    .map((rise) => ({
      type: 'EscalationRaised',
      occurredAt: rise.at,
      data: { escalationId: escalation.escalationId, fromLevel: rise.fromLevel, level: rise.level, dueBy: rise.dueBy },
    }));

/**
 * An escalation of a proposal beyond what sales may commit alone (PROMISES.md, "Escalations"): opened
 * at its verdict's level, risen a level per SLA missed, decided once by someone whose role reaches the
 * level it stands at. Time comes with every command: its level is computed, never read from a clock.
 */
export const escalationDecider = {
  initialState: (): EscalationState => null,
  evolve: (state: EscalationState, event: PromiseDeskEvent): EscalationState => {
    switch (event.type) {
      case 'EscalationOpened': {
        const { data } = event;
        return {
          escalationId: data.escalationId,
          dealId: data.dealId,
          proposal: data.proposal,
          check: data.check,
          openedAt: event.occurredAt,
          slaHours: data.slaHours,
          opening: { level: data.level, dueBy: data.dueBy },
          level: data.level,
          dueBy: data.dueBy,
          status: 'open',
          decision: null,
        };
      }
      case 'EscalationRaised':
        return state && { ...state, level: event.data.level, dueBy: event.data.dueBy };
      case 'EscalationDecided': {
        if (!state) return state;
        const { decision, deliverBy, note, by, level } = event.data;
        return {
          ...state,
          level,
          status: decision,
          decision: { by, at: event.occurredAt, decision, ...(deliverBy === undefined ? {} : { deliverBy }), note },
        };
      }
      default:
        return state;
    }
  },
  decide: (command: EscalationCommand, state: EscalationState): EscalationEvent[] => {
    switch (command.type) {
      case 'OpenEscalation': {
        const { body, check, slaHours } = command;
        if (state) throw new PromiseDeskRuleViolation('escalation-exists', `escalation ${state.escalationId} was already opened`, 'escalationId');
        const { level } = check.verdict;
        if (level === 0) {
          throw new PromiseDeskRuleViolation('nothing-to-escalate', 'the proposal is within the rules of engagement: sales decides it alone');
        }
        if (level === 'off-the-table') {
          throw new PromiseDeskRuleViolation(
            'off-the-table',
            `the proposal is off the table (rules ${check.verdict.rules.join(', ')}): nobody can approve it`,
          );
        }
        return [
          {
            type: 'EscalationOpened',
            occurredAt: body.at,
            data: {
              escalationId: body.escalationId,
              dealId: body.proposal.dealId,
              proposal: body.proposal,
              check,
              level,
              dueBy: dueAfter(body.at, slaHours, level),
              slaHours,
            },
          },
        ];
      }
      case 'DecideEscalation': {
        const escalation = requireEscalation(state);
        const { body, by } = command;
        if (escalation.decision) {
          throw new PromiseDeskRuleViolation(
            'escalation-decided',
            `escalation ${escalation.escalationId} was already ${escalation.decision.decision} at ${escalation.decision.at}; a decision is final`,
          );
        }
        if (toEpochMs(body.at) < toEpochMs(escalation.openedAt)) {
          throw new PromiseDeskRuleViolation(
            'decision-before-opening',
            `a decision at ${body.at} is before the escalation was opened at ${escalation.openedAt}`,
            'at',
          );
        }
        const proposed = escalation.proposal.promise.deliverBy;
        if (body.deliverBy !== undefined && toEpochMs(body.deliverBy) < toEpochMs(proposed)) {
          throw new PromiseDeskRuleViolation(
            'deliver-by-earlier-than-proposed',
            `an approval may set a later date than the proposal's ${proposed}, not an earlier one`,
            'deliverBy',
          );
        }
        // The level as it stands at the decision's `at`, counted from the opening: a late decider may find it risen.
        const { level } = standingAt(escalation.opening, escalation.slaHours, body.at);
        if (!reachesLevel(by.roles, level)) {
          throw new NotEntitledToDecide(escalation.escalationId, level, by.roles, rolesThatReach(level));
        }
        const { at, ...decision } = body;
        return [
          ...unrecordedRises(escalation, body.at),
          { type: 'EscalationDecided', occurredAt: at, data: { escalationId: escalation.escalationId, ...decision, by, level } },
        ];
      }
      case 'SweepEscalation': {
        const escalation = requireEscalation(state);
        return escalation.decision ? [] : unrecordedRises(escalation, command.at);
      }
    }
  },
  startsStream: (command: EscalationCommand): boolean => command.type === 'OpenEscalation',
} satisfies Decider<EscalationState, EscalationCommand, PromiseDeskEvent>;

/**
 * An escalation's level and due time as they stand at `at` (PROMISES.md: "its level as it stands"):
 * for an open one, risen per SLA missed by then, whether or not a sweep has recorded it yet; for a
 * decided one, as it stood at the decision's `at`.
 */
export const escalationAsItStands = (escalation: Escalation, at: Instant): EscalationStanding =>
  escalation.decision ? { level: escalation.level, dueBy: escalation.dueBy } : standingAt(escalation.opening, escalation.slaHours, at);
