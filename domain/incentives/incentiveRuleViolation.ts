/** Why an incentive command cannot be accepted given what is already recorded: each is a 409. */
export type IncentiveRule = 'plan-version-published' | 'month-not-ended' | 'month-not-closed';

export class IncentiveRuleViolation extends Error {
  constructor(
    readonly rule: IncentiveRule,
    message: string,
  ) {
    super(message);
    this.name = 'IncentiveRuleViolation';
  }
}
