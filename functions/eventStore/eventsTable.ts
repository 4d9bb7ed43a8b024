/**
 * The events table's shape, shared by the store, the local stack and the CDK app.
 * Attribute names are short because they count toward every item's size (writes pay per KB).
 */
export const eventsTable = {
  partitionKey: 's', // stream id: <kind>#<id>, e.g. deal#<dealId> (the kinds are in domain/streams.ts)
  sortKey: 'v', // version within the stream: 1..n
  body: 'e', // the whole event envelope as one JSON string (JSON.parse beats unmarshalling a map)
  idempotencyKey: 'k', // the client's Idempotency-Key, when one was given
  fingerprint: 'f', // hash of the request that produced the event, to spot a key reused for other content
  type: 't', // the event type, readable without parsing the body
} as const;
