import * as z from '../zod.ts';
import { Money } from '../money.ts';
import { EngagementLevel } from './engagementLevel.ts';
import { decimalOfThousandths } from './thousandths.ts';

const PersonId = z.string().check(z.minLength(1), z.maxLength(128));

/** A year: an SLA longer than that is no deadline. */
const MAX_SLA_HOURS = 8760;
const SlaHours = decimalOfThousandths({ min: 0, max: MAX_SLA_HOURS, exclusiveMin: true }).check(
  z.meta({ description: 'hours to decide at this level, at most 3 decimals', example: 24 }),
);

/** When a rule fires: every condition given must hold (PROMISES.md, "Rules of engagement"). */
export const RuleConditions = z.strictObject({
  /** Fires when the check's `beyondCapacity` is this. */
  beyondCapacity: z.optional(z.boolean()),
  /** Fires when deliverBy - at < n x 24 h. */
  leadDaysBelow: z.optional(decimalOfThousandths({ min: 0, max: 36_500, exclusiveMin: true })),
  /** Fires for a value in the same currency of at least this amount. */
  valueAtLeast: z.optional(Money),
  /** Fires when there is (true) or is not (false) an unplanned line or team. */
  unplannedWork: z.optional(z.boolean()),
  /** Fires when the check's loadPercent is above p (never when it has none). */
  loadPercentAbove: z.optional(z.number().check(z.minimum(0))),
}).check(
  z.refine((when) => Object.values(when).some((condition) => condition !== undefined), {
    // A rule with no condition would fire on every proposal: that is a mistake, not a policy both sides agreed.
    message: 'must name at least one condition: beyondCapacity, leadDaysBelow, valueAtLeast, unplannedWork or loadPercentAbove',
    // An unknown or invalid condition has its own issue; saying "no condition" on top would mislead.
    when: (payload) => payload.issues.length === 0,
  }),
);
export type RuleConditions = z.infer<typeof RuleConditions>;

export const EngagementRule = z.strictObject({
  id: z.string().check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9._-]*$/, 'must be letters, digits, dot, underscore or hyphen'),
  ),
  when: RuleConditions,
  level: EngagementLevel,
});
export type EngagementRule = z.infer<typeof EngagementRule>;

/** A version of the rules both sides agreed on; immutable once published. */
export const RulesOfEngagement = z.strictObject({
  version: z.int().check(z.positive()),
  /** One person of each side: rules imposed by one side alone are not rules of engagement. */
  agreedBy: z.strictObject({ sales: PersonId, ops: PersonId }),
  slaHours: z.strictObject({ 1: SlaHours, 2: SlaHours, 3: SlaHours }),
  rules: z.array(EngagementRule).check(
    z.maxLength(100),
    z.superRefine((rules, ctx) => {
      // A verdict names the rules that fired by id: two rules with one id could not be told apart.
      const seen = new Set<string>();
      rules.forEach((rule, index) => {
        if (typeof rule?.id !== 'string') return;
        if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `${rule.id} is the id of an earlier rule` });
        seen.add(rule.id);
      });
    }),
  ),
});
export type RulesOfEngagement = z.infer<typeof RulesOfEngagement>;
export type SlaHoursByLevel = RulesOfEngagement['slaHours'];

/** Key order and absent optionals aside, is it the same text? Publishing a version again is a retry only when it is. */
export const sameRulesContent = (a: RulesOfEngagement, b: RulesOfEngagement): boolean => canonical(a) === canonical(b);

const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};
