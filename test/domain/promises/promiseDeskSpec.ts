import { expect } from 'vitest';
import type { CloseDealBody } from '../../../domain/deal/commands.ts';
import type { ScopeLine } from '../../../domain/deal/scope.ts';
import { Capacity, type CapacityInput } from '../../../domain/promises/capacity.ts';
import { catalogueOf, type CatalogueEntry } from '../../../domain/promises/catalogue.ts';
import type { Commitment } from '../../../domain/promises/commitment.ts';
import { PromiseDeskRuleViolation } from '../../../domain/promises/promiseDeskRuleViolation.ts';
import type { PromiseDesk } from '../../../domain/promises/promiseCheck.ts';
import type { RulesOfEngagement } from '../../../domain/promises/rulesOfEngagement.ts';

/**
 * The desk of the specs: a Monday morning in March 2027 (2027-W09), T-OPS working 10 hours a week
 * (600 minutes), and a catalogue where one unit of a SKU is one minute of its team, so a proposal's
 * minutes are the quantities of its scope.
 */
export const AT = '2027-03-01T09:00:00Z';

export const entry = (sku: string, opsTeam: string, minutesPerUnit = 1): CatalogueEntry => ({
  sku,
  description: `${sku}, per unit`,
  opsTeam,
  minutesPerUnit,
});

export const capacity = (input: CapacityInput): Capacity => Capacity.parse(input);

export const commitment = (dealId: string, minutes: number, deliverBy: string, closedAt = '2027-02-01T09:00:00Z'): Commitment => ({
  dealId,
  minutes,
  deliverBy,
  closedAt,
});

export const desk = (overrides: Partial<PromiseDesk> & { commitmentsOf?: Record<string, Commitment[]> } = {}): PromiseDesk => {
  const { commitmentsOf = {}, ...rest } = overrides;
  return {
    timeZone: 'UTC',
    catalogue: catalogueOf([entry('OPS-MIN', 'T-OPS'), entry('PAINT-MIN', 'T-PAINT'), entry('WELD-MIN', 'T-WELD')]),
    capacities: new Map([['T-OPS', capacity({ weeklyHours: 10 })]]),
    commitments: new Map(Object.entries(commitmentsOf)),
    ...rest,
  };
};

export const line = (sku: string, quantity: number): ScopeLine => ({ sku, quantity });

/** A close-deal body asking T-OPS for `minutes` minutes by `deliverBy`. */
export const proposal = (overrides: Partial<CloseDealBody> & { minutes?: number } = {}): CloseDealBody => {
  const { minutes = 1200, ...rest } = overrides;
  return {
    dealId: 'D-NEW',
    customer: { id: 'C-1', name: 'Acme Paving' },
    seller: { id: 'P-SELLER' },
    salesTeam: 'T-SALES',
    value: { amount: 1_000_000, currency: 'USD' },
    scope: [line('OPS-MIN', minutes)],
    promise: { deliverBy: '2027-03-12T17:00:00Z' },
    closedAt: AT,
    ...rest,
  };
};

/** The rules of PROMISES.md. */
export const promisesRules = (overrides: Partial<RulesOfEngagement> = {}): RulesOfEngagement => ({
  version: 1,
  agreedBy: { sales: 'P-SALES-LEAD', ops: 'P-OPS-LEAD' },
  slaHours: { 1: 24, 2: 48, 3: 72 },
  rules: [
    { id: 'beyond-capacity', when: { beyondCapacity: true }, level: 1 },
    { id: 'short-lead', when: { leadDaysBelow: 5 }, level: 1 },
    { id: 'big-deal', when: { valueAtLeast: { amount: 5_000_000, currency: 'USD' } }, level: 2 },
    { id: 'custom-work', when: { unplannedWork: true }, level: 1 },
    { id: 'overload', when: { loadPercentAbove: 150 }, level: 'off-the-table' },
  ],
  ...overrides,
});

/** What a call threw; a failure when it threw nothing. */
export const thrownBy = (act: () => unknown): unknown => {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw, and it did not');
};

/** The broken rule (and field) of a PromiseDeskRuleViolation thrown by a call. */
export const violationOf = (act: () => unknown): { rule: string; field?: string } => {
  const error = thrownBy(act);
  expect(error).toBeInstanceOf(PromiseDeskRuleViolation);
  const { rule, field } = error as PromiseDeskRuleViolation;
  return field === undefined ? { rule } : { rule, field };
};
