import { expect } from 'vitest';
import type { DealCommand } from '../../domain/deal/commands.ts';
import { decide } from '../../domain/deal/decide.ts';
import { DealEvent, type DealEventOf } from '../../domain/deal/events.ts';
import { DealRuleViolation, type DealRule } from '../../domain/deal/ruleViolation.ts';
import type { ScopeLine } from '../../domain/deal/scope.ts';
import { foldDeal, isRecorded, type Deal } from '../../domain/deal/state.ts';
import type { HandoffGap, Initiator } from '../../domain/deal/events.ts';

/**
 * Decider specification: given the recorded events, when a command arrives, then these events
 * (or this broken rule). Every given event and every produced event must be a valid DealEvent, the
 * decider must not touch the state it was handed, and what it decides must fold into the deal.
 */
export const given = (events: DealEvent[]) => {
  for (const event of events) DealEvent.parse(event);
  return {
    when: (command: DealCommand) => {
      const run = (): DealEvent[] => {
        const state = foldDeal(events);
        const before = structuredClone(state);
        try {
          return decide(command, state);
        } finally {
          expect(state, 'decide must not mutate the state it is given').toEqual(before);
        }
      };
      return {
        then: (expected: DealEvent[]): void => {
          const produced = run();
          expect(produced).toEqual(expected);
          for (const event of produced) expect(DealEvent.safeParse(event).success, `${event.type} is a valid DealEvent`).toBe(true);
          expect(() => foldDeal([...events, ...produced]), 'decided events fold into the deal').not.toThrow();
        },
        thenThrows: (rule: DealRule): void => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown, `expected the command to break ${rule}`).toBeInstanceOf(DealRuleViolation);
          expect((thrown as DealRuleViolation).rule).toBe(rule);
        },
      };
    },
  };
};

/** The deal after these events; fails the test if the events do not add up to a recorded deal. */
export const dealAfter = (events: DealEvent[]): Deal => {
  const state = foldDeal(events);
  if (!isRecorded(state)) throw new Error('expected a recorded deal');
  return state;
};

// ---------------------------------------------------------------------------------------------
// A sample deal: closed 2 Oct 2026, promised for 20 Oct 2026 17:00 UTC.

export const DEAL_ID = 'D-1001';
export const CLOSED_AT = '2026-10-02T15:00:00Z';
export const DELIVER_BY = '2026-10-20T17:00:00Z';

export const SOLD_SCOPE: ScopeLine[] = [
  { sku: 'SEALCOAT-SQFT', description: 'Sealcoat lot A', quantity: 12000 },
  { sku: 'STRIPING-LINE', description: 'Restripe parking lines', quantity: 40 },
];

export const dealClosed = (
  overrides: { dealId?: string; closedAt?: string; deliverBy?: string; scope?: ScopeLine[] } = {},
): DealEventOf<'DealClosed'> => ({
  type: 'DealClosed',
  occurredAt: overrides.closedAt ?? CLOSED_AT,
  data: {
    dealId: overrides.dealId ?? DEAL_ID,
    customer: { id: 'C-7', name: 'Acme Paving' },
    seller: { id: 'P-SALES-1' },
    salesTeam: 'T-SALES',
    value: { amount: 1_250_000, currency: 'USD' },
    scope: overrides.scope ?? SOLD_SCOPE,
    promise: { deliverBy: overrides.deliverBy ?? DELIVER_BY },
    engagement: null,
  },
});

export const handedOff = (at = '2026-10-03T09:00:00Z'): DealEventOf<'HandoffCompleted'> => ({
  type: 'HandoffCompleted',
  occurredAt: at,
  data: {
    opsOwner: { id: 'P-OPS-1' },
    opsTeam: 'T-OPS',
    checklist: { scopeDocumented: true, deliveryDateConfirmed: true, customerContact: true, specialTerms: false },
  },
});

export const scopeChanged = (
  at: string,
  scope: ScopeLine[],
  initiatedBy: Initiator,
): DealEventOf<'ScopeChanged'> => ({
  type: 'ScopeChanged',
  occurredAt: at,
  data: { scope, initiatedBy, reason: `${initiatedBy} asked for it` },
});

export const promiseRevised = (
  at: string,
  deliverBy: string,
  initiatedBy: Initiator,
): DealEventOf<'PromiseRevised'> => ({
  type: 'PromiseRevised',
  occurredAt: at,
  data: { deliverBy, initiatedBy, reason: `${initiatedBy} asked for it` },
});

export const delivered = (at: string, scope: ScopeLine[] = SOLD_SCOPE): DealEventOf<'DeliveryCompleted'> => ({
  type: 'DeliveryCompleted',
  occurredAt: at,
  data: { deliveredBy: { id: 'P-OPS-1' }, scope },
});

export const cancelled = (at: string, reason = 'customer withdrew'): DealEventOf<'DealCancelled'> => ({
  type: 'DealCancelled',
  occurredAt: at,
  data: { reason },
});

export const npsRecorded = (respondedAt: string, score: number, responseId: string): DealEventOf<'NpsResponseRecorded'> => ({
  type: 'NpsResponseRecorded',
  occurredAt: respondedAt,
  data: { provider: 'delighted', responseId, score, dealId: DEAL_ID, respondedAt },
});

export const handoffReturned = (
  at: string,
  gaps: HandoffGap[] = ['deliveryDateConfirmed'],
  note?: string,
): DealEventOf<'HandoffReturned'> => ({
  type: 'HandoffReturned',
  occurredAt: at,
  data: { gaps, ...(note === undefined ? {} : { note }) },
});
