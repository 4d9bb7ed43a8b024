/**
 * The projections (read models) table, shared by the projector, the queries, the rebuild, the local
 * stack and the CDK app. Every key starts with the projection generation (`g<N>#`), so a rebuild
 * writes a new generation beside the live one and switches reads when done (expand and contract).
 *
 * Four kinds of item, told apart by their keys (projectionKeys.ts builds every one):
 * - a stream's view (`g<N>#<stream id>` / `view`): lastVersion, and state, contributions and documents packed below;
 * - a scorecard item (`g<N>#scorecard#<dimension>` / `<YYYY-MM>` or `ledger`): one number attribute
 *   per counter (scorecardCounters.ts names them), changed only by ADD, so concurrent writers sum;
 * - a listed document (`g<N>#delivered#<YYYY-MM>` / deal id, `g<N>#unattributed-nps` / answer,
 *   `g<N>#open-deals` / deal id, `g<N>#escalations#<status>` / escalation id): document;
 * - the generation pointer (`control` / `active-generation`): activeGeneration and claimedGeneration.
 * Attribute names are short because they count toward every item's size, and a view is rewritten on
 * every event of its stream.
 */
export const projectionsTable = {
  partitionKey: 'p',
  sortKey: 'k',
  /** On a view: the last version of the stream folded in; the next write is conditional on it. */
  lastVersion: 'lv',
  /**
   * On a view: its state, contributions and documents (the three below, by the same names) as one JSON
   * object, deflated into a binary. A view is rewritten on every event of its stream, in a transaction
   * that bills 2 write units per started KB: ~3 KB of JSON deflates to well under 1 KB.
   */
  packed: 'z',
  /** On a view written before views were packed: the stream's folded state as JSON, so the next event evolves it without reading the stream. */
  state: 'st',
  /** On a view written before views were packed: what the stream counted for on the scorecards when last written (JSON, by scorecard item), so the
   * next write adds only the difference and a redelivered event adds nothing. */
  contributions: 'c',
  /** On a view written before views were packed: the keys of the documents its stream listed when last written (JSON, `[partition without the generation, sort key]` pairs), so
   * a document the stream no longer lists (a deal delivered, an escalation decided) is deleted with the next write.
   * Absent on views written before documents could move: those listed only documents that never do. */
  documents: 'dk',
  /** On a listed document: its body as JSON. */
  document: 'd',
  /** On the pointer: the generation reads and live projection use. */
  activeGeneration: 'g',
  /** On the pointer: the highest generation ever claimed by a rebuild, so none is filled twice. */
  claimedGeneration: 'h',
} as const;
