import type { CloseDealBody } from '../../domain/deal/commands.ts';
import type { DealEventOf } from '../../domain/deal/events.ts';
import type { EngagementClass } from '../../domain/promises/engagementRecord.ts';
import type { EscalationLevel } from '../../domain/promises/engagementLevel.ts';
import type { Decision } from '../../domain/promises/escalationCommands.ts';
import type { PromiseDeskEventOf } from '../../domain/promises/events.ts';
import { dealClosed } from './dealSpec.ts';

/**
 * Events of the promise desk for scorecard specs: escalations of a proposal by P-SELLER (T-SALES), with
 * SLAs of 24, 48 and 72 hours, and closes recorded under each class of engagement.
 */

export const SLA_HOURS = { 1: 24, 2: 48, 3: 72 } as const;

const proposal = (dealId: string): CloseDealBody => ({
  dealId,
  closedAt: '2026-10-05T09:00:00Z',
  customer: { id: 'C-1', name: 'Acme Paving' },
  seller: { id: 'P-SELLER' },
  salesTeam: 'T-SALES',
  value: { amount: 1_000_000, currency: 'USD' },
  scope: [{ sku: 'OPS-MIN', quantity: 1200 }],
  promise: { deliverBy: '2026-10-20T17:00:00Z' },
});

export const escalationOpened = (
  escalationId: string,
  at: string,
  level: EscalationLevel = 1,
  dealId = `D-${escalationId}`,
): PromiseDeskEventOf<'EscalationOpened'> => ({
  type: 'EscalationOpened',
  occurredAt: at,
  data: {
    escalationId,
    dealId,
    proposal: proposal(dealId),
    check: {
      at,
      fits: false,
      beyondCapacity: true,
      atRisk: [],
      earliestDeliverBy: '2026-10-26T00:00:00Z',
      loadPercent: 125,
      unplanned: { skus: [], opsTeams: [] },
      teams: [],
      verdict: { level, rules: ['beyond-capacity'], rulesVersion: 1 },
    },
    level,
    dueBy: new Date(Date.parse(at) + SLA_HOURS[level] * 3_600_000).toISOString(),
    slaHours: SLA_HOURS,
  },
});

export const escalationRaised = (
  escalationId: string,
  at: string,
  fromLevel: EscalationLevel,
  level: EscalationLevel,
): PromiseDeskEventOf<'EscalationRaised'> => ({
  type: 'EscalationRaised',
  occurredAt: at,
  data: { escalationId, fromLevel, level, dueBy: new Date(Date.parse(at) + SLA_HOURS[level] * 3_600_000).toISOString() },
});

export const escalationDecided = (
  escalationId: string,
  at: string,
  decision: Decision,
  level: EscalationLevel,
): PromiseDeskEventOf<'EscalationDecided'> => ({
  type: 'EscalationDecided',
  occurredAt: at,
  data: { escalationId, decision, note: 'decided', by: { id: 'P-DECIDER', roles: ['admin'] }, level },
});

/** The sample deal's close, recorded under a class of engagement (null: before the promise desk existed). */
export const closedUnder = (
  engagementClass: EngagementClass | null,
  overrides: Parameters<typeof dealClosed>[0] = {},
): DealEventOf<'DealClosed'> => {
  const closed = dealClosed(overrides);
  const level = engagementClass === 'within-rules' ? 0 : engagementClass === 'approved' ? 1 : 'off-the-table';
  return {
    ...closed,
    data: {
      ...closed.data,
      engagement:
        engagementClass === null
          ? null
          : { class: engagementClass, level, rules: level === 0 ? [] : ['beyond-capacity'], rulesVersion: 1, ...(engagementClass === 'approved' ? { escalationId: 'E-1' } : {}) },
    },
  };
};
