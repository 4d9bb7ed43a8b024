import { besideCommandsOf } from './streams.ts';

/**
 * The version a client sees of a stream (the 201 body's `version`, the ETag, what If-Match holds):
 * how many of its events came from its own commands. Events that arrive beside the commands (a deal's
 * survey answers) keep their place in the stream, so the store's optimistic concurrency still sees
 * them, but a client holding the version from before they arrived is not told it is out of date.
 */
export const commandVersionOf = (streamId: string, events: readonly { type: string }[]): number => {
  const beside = besideCommandsOf(streamId);
  return events.reduce((version, event) => (beside.includes(event.type) ? version : version + 1), 0);
};

/** The command version after each event, in stream order: an event beside the commands shares the one it found. */
export const commandVersionsOf = (streamId: string, events: readonly { type: string }[]): number[] => {
  const beside = besideCommandsOf(streamId);
  let version = 0;
  return events.map((event) => (beside.includes(event.type) ? version : (version += 1)));
};
