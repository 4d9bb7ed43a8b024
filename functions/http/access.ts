import type { RecordedDealEvent } from '../../domain/envelope.ts';
import type { Actor } from '../../domain/roles.ts';
import type { Dimension } from '../../domain/scorecard/dimensions.ts';
import type { PayoutView } from '../incentives/incentiveService.ts';
import { HttpProblem } from './problem.ts';

/**
 * Who sees what, beyond the route's roles: admins and leadership see everything; sales and ops people
 * see what is their own. The rule is stated once here, and each resource says what "their own" means.
 */
export const seesEverything = (caller: Actor): boolean => caller.roles.some((role) => role === 'admin' || role === 'leadership');

/** A deal is a person's own if they sold it, own it after handoff, delivered it, or recorded something on it. */
export const canSeeDeal = (caller: Actor, events: readonly RecordedDealEvent[]): boolean => {
  if (seesEverything(caller)) return true;
  return events.some((event) => {
    if (event.actor.id === caller.id) return true;
    switch (event.type) {
      case 'DealClosed':
        return event.data.seller.id === caller.id;
      case 'HandoffCompleted':
        return event.data.opsOwner.id === caller.id;
      case 'DeliveryCompleted':
        return event.data.deliveredBy.id === caller.id;
      default:
        return false;
    }
  });
};

/** Everyone sees the organisation's and teams' scorecards; a person's scorecard is that person's own. */
export const requireScorecardAccess = (caller: Actor, dimension: Dimension): void => {
  if (seesEverything(caller)) return;
  if (dimension.startsWith('person:') && dimension !== `person:${caller.id}`) {
    throw new HttpProblem(403, 'not-your-scorecard', `only admins and leadership see another person's scorecard`);
  }
};

/** Everyone sees the pool and how it was computed; a statement is its person's own. */
export const payoutVisibleTo = (caller: Actor, payout: PayoutView): PayoutView =>
  seesEverything(caller) ? payout : { ...payout, statements: payout.statements.filter((statement) => statement.personId === caller.id) };
