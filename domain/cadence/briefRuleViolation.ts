/** Why a brief cannot be published as asked: each is a 409. */
export type BriefRule = 'week-not-ended';

export class BriefRuleViolation extends Error {
  constructor(
    readonly rule: BriefRule,
    message: string,
  ) {
    super(message);
    this.name = 'BriefRuleViolation';
  }
}
