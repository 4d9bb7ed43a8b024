import { toEpochMs, type Instant } from '../instant.ts';
import type { DealCommand } from './commands.ts';
import type { DealEvent } from './events.ts';
import { isNewerNpsAnswer } from './npsAnswers.ts';
import { DealRuleViolation } from './ruleViolation.ts';
import { handoffsOf, isRecorded, type Deal, type DealState } from './state.ts';

const requireDeal = (state: DealState): Deal => {
  if (!isRecorded(state)) throw new DealRuleViolation('unknown-deal', 'no deal with this id has been closed');
  return state;
};

const requireNotCancelled = (deal: Deal): void => {
  if (deal.cancellation) throw new DealRuleViolation('deal-cancelled', `deal ${deal.dealId} was cancelled`);
};

/** After delivery only an NPS answer or a cancellation (a refund) may follow. */
const requireNotDelivered = (deal: Deal): void => {
  if (deal.delivery) throw new DealRuleViolation('deal-delivered', `deal ${deal.dealId} was already delivered`);
};

const requireNotBeforeClose = (deal: Deal, at: Instant, what: string): void => {
  if (toEpochMs(at) < toEpochMs(deal.closedAt)) {
    throw new DealRuleViolation('before-close', `${what} at ${at} is before the deal closed at ${deal.closedAt}`);
  }
};

const requireOpen = (deal: Deal, at: Instant, what: string): void => {
  requireNotCancelled(deal);
  requireNotDelivered(deal);
  requireNotBeforeClose(deal, at, what);
};

/** The handoff operations holds now: made, and not sent back. */
const requireHandoffInForce = (deal: Deal): NonNullable<Deal['handoff']> => {
  if (!deal.handoff) {
    throw new DealRuleViolation('handoff-required', `deal ${deal.dealId} must be handed off to operations first`);
  }
  if (deal.status === 'handoff-returned') {
    throw new DealRuleViolation('handoff-returned', `operations returned deal ${deal.dealId}'s handoff: sales must hand it off again first`);
  }
  return deal.handoff;
};

/**
 * Decides what a command means for the deal, given everything recorded so far.
 * Returns the new events, or throws a DealRuleViolation naming the rule it breaks.
 */
export const decide = (command: DealCommand, state: DealState): DealEvent[] => {
  switch (command.type) {
    case 'CloseDeal': {
      if (isRecorded(state)) {
        throw new DealRuleViolation('deal-already-closed', `deal ${state.dealId} was already closed`);
      }
      const { closedAt, escalationId: _named, ...sold } = command.body;
      return [{ type: 'DealClosed', occurredAt: closedAt, data: { ...sold, engagement: command.engagement ?? null } }];
    }
    case 'HandOff': {
      const deal = requireDeal(state);
      requireOpen(deal, command.body.at, 'handoff');
      // After operations returned it, sales hands it off again with what was missing.
      if (deal.handoff && deal.status !== 'handoff-returned') {
        throw new DealRuleViolation('already-handed-off', `deal ${deal.dealId} was already handed off`);
      }
      // A handoff made again answers the return: dated before it, it would count in a month the return had not happened in.
      const returned = deal.status === 'handoff-returned' ? handoffsOf(deal).at(-1)?.returned : null;
      if (returned && toEpochMs(command.body.at) < toEpochMs(returned.at)) {
        throw new DealRuleViolation('before-return', `the handoff at ${command.body.at} is before the return at ${returned.at}`);
      }
      const { at, ...data } = command.body;
      return [{ type: 'HandoffCompleted', occurredAt: at, data }];
    }
    case 'ReturnHandoff': {
      const deal = requireDeal(state);
      requireOpen(deal, command.body.at, 'handoff return');
      const handoff = requireHandoffInForce(deal);
      if (toEpochMs(command.body.at) < toEpochMs(handoff.at)) {
        throw new DealRuleViolation('before-handoff', `the return at ${command.body.at} is before the handoff at ${handoff.at}`);
      }
      const { at, ...data } = command.body;
      return [{ type: 'HandoffReturned', occurredAt: at, data }];
    }
    case 'ChangeScope': {
      const deal = requireDeal(state);
      requireOpen(deal, command.body.at, 'scope change');
      const { at, ...data } = command.body;
      return [{ type: 'ScopeChanged', occurredAt: at, data }];
    }
    case 'RevisePromise': {
      const deal = requireDeal(state);
      requireOpen(deal, command.body.at, 'promise revision');
      requireNotBeforeClose(deal, command.body.deliverBy, 'the revised deliver-by date');
      const { at, ...data } = command.body;
      return [{ type: 'PromiseRevised', occurredAt: at, data }];
    }
    case 'Deliver': {
      const deal = requireDeal(state);
      requireOpen(deal, command.body.at, 'delivery');
      requireHandoffInForce(deal);
      const { at, ...data } = command.body;
      return [{ type: 'DeliveryCompleted', occurredAt: at, data }];
    }
    case 'CancelDeal': {
      const deal = requireDeal(state);
      requireNotCancelled(deal);
      requireNotBeforeClose(deal, command.body.at, 'cancellation');
      const { at, ...data } = command.body;
      return [{ type: 'DealCancelled', occurredAt: at, data }];
    }
    case 'RecordNpsResponse': {
      // The customer's voice is kept even after a cancellation: it still counts for the organisation.
      const deal = requireDeal(state);
      // A response already recorded (or an older version of it) is a retry: nothing new to record.
      if (!isNewerNpsAnswer(deal.npsResponses, command.body)) return [];
      return [{ type: 'NpsResponseRecorded', occurredAt: command.body.respondedAt, data: command.body }];
    }
  }
};
