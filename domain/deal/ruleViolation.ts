/**
 * Why a command cannot be accepted given what is already recorded.
 * `unknown-deal` means there is nothing to act on; every other reason conflicts with the record.
 */
export type DealRule =
  | 'unknown-deal'
  | 'deal-already-closed'
  | 'handoff-required'
  | 'already-handed-off'
  | 'handoff-returned'
  | 'before-handoff'
  | 'before-return'
  | 'deal-cancelled'
  | 'deal-delivered'
  | 'before-close';

export class DealRuleViolation extends Error {
  constructor(
    readonly rule: DealRule,
    message: string,
  ) {
    super(message);
    this.name = 'DealRuleViolation';
  }
}
