import type { Instant } from '../instant.ts';
import type { Decider } from '../decider.ts';
import type { PlanEvent } from './events.ts';
import { IncentiveRuleViolation } from './incentiveRuleViolation.ts';
import { samePlanContent, type IncentivePlan } from './plan.ts';

export interface PlanRegistry {
  plans: IncentivePlan[];
}

export type PublishPlan = { type: 'PublishPlan'; plan: IncentivePlan; at: Instant };

/**
 * Every published plan version. A version, once published, never changes: payouts already paid were
 * computed with it. Publishing the same version again with the same content is a retry and records nothing.
 */
export const planRegistryDecider = {
  initialState: (): PlanRegistry => ({ plans: [] }),
  evolve: (state: PlanRegistry, event: PlanEvent): PlanRegistry => ({ plans: [...state.plans, event.data.plan] }),
  decide: (command: PublishPlan, state: PlanRegistry): PlanEvent[] => {
    const { plan } = command;
    const published = state.plans.find((existing) => existing.version === plan.version);
    if (published && published.planId === plan.planId && samePlanContent(published, plan)) return [];
    if (published) {
      throw new IncentiveRuleViolation(
        'plan-version-published',
        published.planId === plan.planId
          ? `version ${plan.version} of plan ${plan.planId} is already published with other content; publish a new version`
          : `version ${plan.version} is already published as plan ${published.planId}; plan versions are numbered across plans`,
        'version',
      );
    }
    // Corrections of a closed month are paid on later statements: one pool, one currency, or they could not be netted.
    const currency = state.plans[0]?.currency;
    if (currency !== undefined && plan.currency !== currency) {
      throw new IncentiveRuleViolation(
        'plan-currency-changed',
        `plans pay in ${currency}; a plan in ${plan.currency} could not net corrections of months paid in ${currency}`,
        'currency',
      );
    }
    return [{ type: 'IncentivePlanPublished', occurredAt: command.at, data: { plan } }];
  },
  startsStream: () => false,
} satisfies Decider<PlanRegistry, PublishPlan, PlanEvent>;
