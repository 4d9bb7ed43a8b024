/** Why an incentive command cannot be accepted given what is already recorded: each is a 409. */
export type IncentiveRule =
  | 'plan-version-published'
  | 'plan-currency-changed'
  | 'plan-effective-in-closed-month'
  | 'month-not-ended'
  | 'month-not-closed';

export class IncentiveRuleViolation extends Error {
  constructor(
    readonly rule: IncentiveRule,
    message: string,
    /** The request field at fault, when one is. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'IncentiveRuleViolation';
  }
}
