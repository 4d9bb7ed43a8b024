import { describe, expect, it } from 'vitest';
import type { CloseDealBody } from '../../../domain/deal/commands.ts';
import { engagementOfClose } from '../../../domain/promises/engagement.ts';
import { Engagement } from '../../../domain/promises/engagementRecord.ts';
import type { EscalationCommand } from '../../../domain/promises/escalationCommands.ts';
import { escalationDecider, type EscalationState } from '../../../domain/promises/escalationDecider.ts';
import type { Verdict } from '../../../domain/promises/verdict.ts';
import { line, promisesRules, proposal, violationOf } from './promiseDeskSpec.ts';

/** Closing under the rules (PROMISES.md): the close's own verdict, and the escalation it names if any. */

const outside: Verdict = { level: 1, rules: ['beyond-capacity'], rulesVersion: 1 };
const escalated = proposal({ scope: [line('OPS-MIN', 1200), line('PAINT-MIN', 30)] });

const escalation = (decision: 'approved' | 'rejected' | null, deliverBy?: string): EscalationState => {
  const commands: EscalationCommand[] = [
    {
      type: 'OpenEscalation',
      body: { escalationId: 'E-1', at: '2027-02-26T09:00:00Z', proposal: escalated },
      check: {
        at: escalated.closedAt,
        fits: false,
        beyondCapacity: true,
        atRisk: [],
        earliestDeliverBy: null,
        loadPercent: 125,
        unplanned: { skus: [], opsTeams: [] },
        teams: [],
        verdict: outside,
      },
      slaHours: promisesRules().slaHours,
    },
  ];
  if (decision) {
    commands.push({
      type: 'DecideEscalation',
      body: { at: '2027-02-26T10:00:00Z', decision, note: 'agreed with ops', ...(deliverBy ? { deliverBy } : {}) },
      by: { id: 'P-OPS-LEAD', roles: ['ops'] },
    });
  }
  return commands.reduce<EscalationState>(
    (state, command) => escalationDecider.decide(command, state).reduce(escalationDecider.evolve, state),
    escalationDecider.initialState(),
  );
};

const close = (body: CloseDealBody, state: EscalationState, escalationId = 'E-1') =>
  engagementOfClose({ proposal: body, verdict: outside, escalationId, escalation: state });

describe('engagementOfClose without an escalation', () => {
  it('given a verdict of level 0, then the close is within rules', () => {
    const engagement = engagementOfClose({ proposal: proposal(), verdict: { level: 0, rules: [], rulesVersion: 3 } });

    expect(engagement).toEqual({ class: 'within-rules', level: 0, rules: [], rulesVersion: 3 });
    expect(Engagement.parse(engagement)).toEqual(engagement);
  });

  it('given no rules published, then the close is within rules under no version', () => {
    expect(engagementOfClose({ proposal: proposal(), verdict: { level: 0, rules: [], rulesVersion: null } })).toEqual({
      class: 'within-rules',
      level: 0,
      rules: [],
      rulesVersion: null,
    });
  });

  it.each([
    [{ level: 1, rules: ['beyond-capacity'], rulesVersion: 1 }],
    [{ level: 3, rules: ['owner-only'], rulesVersion: 2 }],
    [{ level: 'off-the-table', rules: ['overload'], rulesVersion: 1 }],
  ] as [Verdict][])('given a verdict of %j and no escalation, then the close is recorded outside the rules, never refused', (verdict) => {
    expect(engagementOfClose({ proposal: proposal(), verdict })).toEqual({ class: 'outside-rules', ...verdict });
  });
});

describe('engagementOfClose naming an escalation', () => {
  it('given an escalation approved for this deal, value and scope, when the close promises the same date, then it is approved', () => {
    const engagement = close(escalated, escalation('approved'));

    expect(engagement).toEqual({ class: 'approved', level: 1, rules: ['beyond-capacity'], rulesVersion: 1, escalationId: 'E-1' });
    expect(Engagement.parse(engagement)).toEqual(engagement);
  });

  it('given the approved scope in another order with other descriptions, then it is the same scope', () => {
    const reordered = { ...escalated, scope: [{ sku: 'PAINT-MIN', quantity: 30, description: 'touch-up' }, line('OPS-MIN', 1200)] };

    expect(close(reordered, escalation('approved')).class).toBe('approved');
  });

  it('given an approval with a later date, when the close promises that date or later, then it is approved, and earlier is refused', () => {
    const approvedLater = escalation('approved', '2027-03-26T17:00:00Z');

    expect(close({ ...escalated, promise: { deliverBy: '2027-03-26T17:00:00Z' } }, approvedLater).class).toBe('approved');
    expect(close({ ...escalated, promise: { deliverBy: '2027-04-02T17:00:00Z' } }, approvedLater).class).toBe('approved');
    expect(violationOf(() => close(escalated, approvedLater))).toEqual({ rule: 'deliver-by-earlier-than-approved', field: 'promise.deliverBy' });
  });

  it.each([
    ['no such escalation', null, escalated, { rule: 'escalation-not-approved', field: 'escalationId' }],
    ['an escalation still open', escalation(null), escalated, { rule: 'escalation-not-approved', field: 'escalationId' }],
    ['a rejected escalation', escalation('rejected'), escalated, { rule: 'escalation-not-approved', field: 'escalationId' }],
    ['an escalation of another deal', escalation('approved'), { ...escalated, dealId: 'D-OTHER' }, { rule: 'escalation-for-another-deal', field: 'escalationId' }],
    ['another value', escalation('approved'), { ...escalated, value: { amount: 1_000_001, currency: 'USD' } }, { rule: 'escalation-terms-differ', field: 'value' }],
    ['another currency', escalation('approved'), { ...escalated, value: { amount: 1_000_000, currency: 'EUR' } }, { rule: 'escalation-terms-differ', field: 'value' }],
    ['another scope', escalation('approved'), { ...escalated, scope: [line('OPS-MIN', 1201), line('PAINT-MIN', 30)] }, { rule: 'escalation-terms-differ', field: 'scope' }],
    ['an earlier date', escalation('approved'), { ...escalated, promise: { deliverBy: '2027-03-11T17:00:00Z' } }, { rule: 'deliver-by-earlier-than-approved', field: 'promise.deliverBy' }],
  ] as const)('given %s, when a close names it, then the close is refused', (_, state, body, violation) => {
    expect(violationOf(() => close(body as CloseDealBody, state))).toEqual(violation);
  });

  it('given an escalation recorded under another id, when a close names E-2, then it is not that escalation', () => {
    expect(violationOf(() => close(escalated, escalation('approved'), 'E-2'))).toEqual({ rule: 'escalation-not-approved', field: 'escalationId' });
  });
});
