/** Where every domain event is published for other systems (payroll, CRM, chat). */
export const EVENT_BUS_ENV = 'HANDSHAKE_EVENT_BUS';
/** EventBridge `source` of every domain event: the event store. */
export const EVENT_SOURCE = 'handshake.deals';
/** Replays carry their own detail-type so that nobody consumes a replay by accident. */
export const replayDetailType = (type: string): string => `${type}.Replayed`;
