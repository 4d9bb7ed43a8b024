/** EventBridge `source` of every domain event: the event store. */
export const EVENT_SOURCE = 'handshake.deals';
/** Replays carry their own detail-type so that nobody consumes a replay by accident. */
export const replayDetailType = (type: string): string => `${type}.Replayed`;
