import type { Decider } from '../decider.ts';
import type { DealCommand } from './commands.ts';
import { decide } from './decide.ts';
import type { DealEvent } from './events.ts';
import { evolve, initialState, type DealState } from './state.ts';

/** A deal's rules: its stream starts when the deal is closed. */
export const dealDecider = {
  initialState,
  evolve,
  decide,
  startsStream: (command: DealCommand) => command.type === 'CloseDeal',
} satisfies Decider<DealState, DealCommand, DealEvent>;
