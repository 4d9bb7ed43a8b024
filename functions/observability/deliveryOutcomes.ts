import type { DealCommand } from '../../domain/deal/commands.ts';
import { dealDecider } from '../../domain/deal/decider.ts';
import { isRecorded, outcomeOf } from '../../domain/deal/state.ts';

/**
 * Whether each accepted delivery kept its promise, learnt where it is cheapest: the command service
 * decides a Deliver on the deal's state already in hand, so the outcome is folded from that state and
 * the decided events, with no read of its own (the projector knows it too, but only inside its fold,
 * and would count it again on every redelivery and rebuild). Outcomes are kept per command object, so
 * concurrent requests in one process cannot see each other's; the last decision made for a command is
 * the one its append carried.
 */
export const deliveryOutcomes = () => {
  const kept = new WeakMap<DealCommand, boolean>();
  const decider: typeof dealDecider = {
    ...dealDecider,
    decide: (command, state) => {
      const events = dealDecider.decide(command, state);
      if (command.type === 'Deliver' && events.length > 0) {
        const after = events.reduce(dealDecider.evolve, state);
        const outcome = isRecorded(after) ? outcomeOf(after) : null;
        if (outcome) kept.set(command, outcome.promiseKept);
      }
      return events;
    },
  };
  return {
    /** The deal decider, remembering the outcome of every delivery it decides. */
    decider,
    /** Whether the delivery this command decided kept the promise; undefined for any other command. */
    promiseKept: (command: DealCommand): boolean | undefined => kept.get(command),
  };
};
