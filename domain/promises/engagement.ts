import { isSameScope } from '../deal/scope.ts';
import { toEpochMs } from '../instant.ts';
import { Engagement } from './engagementRecord.ts';
import type { EscalationState } from './escalationDecider.ts';
import type { Proposal } from './promiseCheck.ts';
import { PromiseDeskRuleViolation } from './promiseDeskRuleViolation.ts';
import type { Verdict } from './verdict.ts';

/**
 * Classifies a close (PROMISES.md, "Closing a deal under the rules"). A signed deal is never refused
 * for the rules: it is within rules (level 0), approved (it names an escalation approved for this deal,
 * value and scope, and promises no earlier than the approved date) or outside rules. Naming an
 * escalation that does not approve this close is the only refusal: a PromiseDeskRuleViolation.
 */
export const engagementOfClose = (input: {
  proposal: Proposal;
  /** The verdict of the check run at the close's closedAt. */
  verdict: Verdict;
  /** The escalation the close names, if it names one. */
  escalationId?: string;
  /** That escalation as recorded (null when none has that id). */
  escalation?: EscalationState;
}): Engagement => {
  const { proposal, verdict, escalationId } = input;
  const judged = { level: verdict.level, rules: verdict.rules, rulesVersion: verdict.rulesVersion };
  if (escalationId === undefined) return { class: verdict.level === 0 ? 'within-rules' : 'outside-rules', ...judged };

  const escalation = input.escalation ?? null;
  if (!escalation || escalation.escalationId !== escalationId) {
    throw new PromiseDeskRuleViolation('escalation-not-approved', `no escalation ${escalationId} has been opened`, 'escalationId');
  }
  if (escalation.status !== 'approved') {
    throw new PromiseDeskRuleViolation(
      'escalation-not-approved',
      `escalation ${escalationId} is ${escalation.status}, not approved`,
      'escalationId',
    );
  }
  if (escalation.dealId !== proposal.dealId) {
    throw new PromiseDeskRuleViolation(
      'escalation-for-another-deal',
      `escalation ${escalationId} approved deal ${escalation.dealId}, not ${proposal.dealId}`,
      'escalationId',
    );
  }
  const approved = escalation.proposal;
  if (approved.value.amount !== proposal.value.amount || approved.value.currency !== proposal.value.currency) {
    throw new PromiseDeskRuleViolation(
      'escalation-terms-differ',
      `escalation ${escalationId} approved a value of ${approved.value.amount} ${approved.value.currency}, not ${proposal.value.amount} ${proposal.value.currency}`,
      'value',
    );
  }
  if (!isSameScope(proposal.scope, approved.scope)) {
    throw new PromiseDeskRuleViolation('escalation-terms-differ', `escalation ${escalationId} approved another scope`, 'scope');
  }
  const approvedDeliverBy = escalation.decision?.deliverBy ?? approved.promise.deliverBy;
  if (toEpochMs(proposal.promise.deliverBy) < toEpochMs(approvedDeliverBy)) {
    throw new PromiseDeskRuleViolation(
      'deliver-by-earlier-than-approved',
      `escalation ${escalationId} approved delivery by ${approvedDeliverBy}; the close promises ${proposal.promise.deliverBy}`,
      'promise.deliverBy',
    );
  }
  return { class: 'approved', ...judged, escalationId };
};
