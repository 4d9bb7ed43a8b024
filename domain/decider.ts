import type { DomainEvent } from './events.ts';

/**
 * Emmett's decider: a stream's rules as three pure functions, plus which commands start a stream
 * (so the first command of a stream needs no read before its write).
 */
export interface Decider<State, Command, Event extends DomainEvent = DomainEvent> {
  initialState: () => State;
  /** A stream holds one decider's events only (its id names its kind), so it folds what it reads. */
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
  /** A command that starts a stream is assumed to be the first, so it needs no read before its write. */
  startsStream: (command: Command) => boolean;
}
