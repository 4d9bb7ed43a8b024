import * as z from '../zod.ts';
import { toEpochMs } from '../instant.ts';
import { EngagementLevel, higherLevel, type EngagementLevel as Level } from './engagementLevel.ts';
import type { PromiseCheck, Proposal } from './promiseCheck.ts';
import type { RuleConditions, RulesOfEngagement } from './rulesOfEngagement.ts';
import { thousandthsOf } from './thousandths.ts';

/** A thousandth of a day. */
const MS_PER_THOUSANDTH_DAY = 86_400;

/** What the rules of engagement say of a checked proposal: who must say yes, because of which rules, under which version. */
export const Verdict = z.strictObject({
  level: EngagementLevel,
  /** The ids of the rules that fired, in the order the rules list them. */
  rules: z.array(z.string()),
  /** null when no rules are published: then every proposal is within rules. */
  rulesVersion: z.nullable(z.int().check(z.positive())),
});
export type Verdict = z.infer<typeof Verdict>;

const fires = (when: RuleConditions, proposal: Proposal, check: PromiseCheck): boolean => {
  const conditions: boolean[] = [];
  if (when.beyondCapacity !== undefined) conditions.push(check.beyondCapacity === when.beyondCapacity);
  if (when.leadDaysBelow !== undefined) {
    const leadMs = toEpochMs(proposal.promise.deliverBy) - toEpochMs(check.at);
    conditions.push(leadMs < thousandthsOf(when.leadDaysBelow) * MS_PER_THOUSANDTH_DAY);
  }
  if (when.valueAtLeast !== undefined) {
    conditions.push(proposal.value.currency === when.valueAtLeast.currency && proposal.value.amount >= when.valueAtLeast.amount);
  }
  if (when.unplannedWork !== undefined) {
    const unplanned = check.unplanned.skus.length > 0 || check.unplanned.opsTeams.length > 0;
    conditions.push(unplanned === when.unplannedWork);
  }
  if (when.loadPercentAbove !== undefined) conditions.push(check.loadPercent !== null && check.loadPercent > when.loadPercentAbove);
  return conditions.length > 0 && conditions.every(Boolean);
};

/**
 * The verdict on a checked proposal: the highest level among the rules that fire (off the table above
 * 3); level 0, within rules, when none fires or no rules are published.
 */
export const verdictOf = (proposal: Proposal, check: PromiseCheck, rules: RulesOfEngagement | null): Verdict => {
  if (!rules) return { level: 0, rules: [], rulesVersion: null };
  let level: Level = 0;
  const fired: string[] = [];
  for (const rule of rules.rules) {
    if (!fires(rule.when, proposal, check)) continue;
    fired.push(rule.id);
    level = higherLevel(level, rule.level);
  }
  return { level, rules: fired, rulesVersion: rules.version };
};
