/**
 * The projections (read models) table, shared by the projector, the queries, the rebuild, the local
 * stack and the CDK app. Every key starts with the projection generation (`g<N>#`), so a rebuild
 * writes a new generation beside the live one and switches reads when done (expand and contract).
 */
export const projectionsTable = {
  partitionKey: 'p', // g<N>#deal#<dealId> | g<N>#scorecard#<dimension> | control
  sortKey: 'k', // view | <YYYY-MM> | ledger | active-generation
} as const;
