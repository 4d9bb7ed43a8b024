import type { Role } from '../roles.ts';
import type { EscalationLevel } from './engagementLevel.ts';

/**
 * Why a promise-desk command cannot be accepted given what is already recorded. `unknown-escalation`
 * means there is nothing to act on; every other reason conflicts with the record.
 */
export type PromiseDeskRule =
  /** A SKU's stream holds that SKU's entries only. */
  | 'catalogue-sku-mismatch'
  /** An ops team's stream holds that team's capacity only. */
  | 'capacity-team-mismatch'
  /** That version of the rules is published with other content: versions are immutable. */
  | 'rules-version-published'
  /** Versions of the rules are numbered 1, 2, 3...: the next one only. */
  | 'rules-version-not-next'
  | 'unknown-escalation'
  | 'escalation-exists'
  /** The proposal is within rules: sales decides alone. */
  | 'nothing-to-escalate'
  /** The proposal is off the table: nobody can approve it. */
  | 'off-the-table'
  /** A decided escalation is final. */
  | 'escalation-decided'
  | 'decision-before-opening'
  /** An approval may move the date later, never earlier than the proposal's. */
  | 'deliver-by-earlier-than-proposed'
  /** A close names an escalation that is not approved (unknown, open or rejected). */
  | 'escalation-not-approved'
  /** A close names an escalation approved for another deal. */
  | 'escalation-for-another-deal'
  /** A close's value or scope is not the one approved. */
  | 'escalation-terms-differ'
  /** A close promises earlier than the approved date. */
  | 'deliver-by-earlier-than-approved';

export class PromiseDeskRuleViolation extends Error {
  constructor(
    readonly rule: PromiseDeskRule,
    message: string,
    /** The request field at fault, when one is. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PromiseDeskRuleViolation';
  }
}

/**
 * The decider's roles do not reach the escalation's level as it stands at the decision's `at`: a
 * late decider may find an escalation has risen beyond them. Not a conflict with the record but a
 * matter of authority.
 */
export class NotEntitledToDecide extends Error {
  constructor(
    readonly escalationId: string,
    readonly level: EscalationLevel,
    readonly roles: readonly Role[],
    readonly rolesThatReach: readonly Role[],
  ) {
    super(
      `escalation ${escalationId} stands at level ${level}: it takes one of ${rolesThatReach.join(', ')} to decide it` +
        ` (roles given: ${roles.length > 0 ? roles.join(', ') : 'none'})`,
    );
    this.name = 'NotEntitledToDecide';
  }
}
