import type { Role } from '../../domain/roles.ts';

/** The Lambda functions that serve the HTTP API; each has an entry file listed in functions/handlers/entries.ts. */
export type ApiFunction = 'commands' | 'queries' | 'nps' | 'incentives' | 'promises' | 'briefs';

export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  /** API Gateway path syntax: `{name}` is a path parameter. */
  path: string;
  function: ApiFunction;
  /** `jwt`: a bearer token checked by the authorizer; `none`: the handler authenticates (e.g. a signature). */
  auth: 'jwt' | 'none';
  /** Roles allowed to call the route; admin is always allowed where any role is. */
  roles: readonly Role[];
  summary: string;
}


const everyone: readonly Role[] = ['admin', 'leadership', 'sales', 'ops'];

/**
 * Declared once: the local runtime serves these and the CDK app deploys these. Kept literal (`as const`)
 * so each function's handler map is typed by the keys below: a missing or misspelt route does not compile.
 */
export const routes = [
  { method: 'POST', path: '/v1/deals', function: 'commands', auth: 'jwt', roles: ['admin', 'sales'], summary: 'Close a deal with its promise' },
  { method: 'POST', path: '/v1/deals/{dealId}/handoff', function: 'commands', auth: 'jwt', roles: ['admin', 'sales'], summary: 'Hand the deal off to operations' },
  { method: 'POST', path: '/v1/deals/{dealId}/handoff-return', function: 'commands', auth: 'jwt', roles: ['admin', 'ops'], summary: 'Return the handoff to sales, naming what it lacks' },
  { method: 'POST', path: '/v1/deals/{dealId}/scope-changes', function: 'commands', auth: 'jwt', roles: ['admin', 'sales'], summary: 'Record a change order' },
  { method: 'POST', path: '/v1/deals/{dealId}/promise-revisions', function: 'commands', auth: 'jwt', roles: ['admin', 'sales'], summary: 'Revise the deliver-by date' },
  { method: 'POST', path: '/v1/deals/{dealId}/delivery', function: 'commands', auth: 'jwt', roles: ['admin', 'ops'], summary: 'Record the delivery' },
  { method: 'POST', path: '/v1/deals/{dealId}/cancellation', function: 'commands', auth: 'jwt', roles: ['admin', 'sales', 'ops'], summary: 'Cancel the deal (or refund it after delivery)' },
  { method: 'PUT', path: '/v1/forecasts/{month}/{personId}', function: 'commands', auth: 'jwt', roles: ['admin', 'sales'], summary: "Submit a seller's forecast for a month (the seller, or an admin)" },
  { method: 'GET', path: '/v1/deals/{dealId}', function: 'queries', auth: 'jwt', roles: everyone, summary: 'A deal: status, promise, outcome and timeline' },
  { method: 'GET', path: '/v1/scorecards/{month}', function: 'queries', auth: 'jwt', roles: everyone, summary: "A month's joint sales-ops scorecard for the organisation, a team or a person" },
  { method: 'GET', path: '/v1/scorecards', function: 'queries', auth: 'jwt', roles: everyone, summary: 'Scorecards for a range of months (a trend)' },
  { method: 'POST', path: '/v1/nps/delighted', function: 'nps', auth: 'none', roles: [], summary: "Delighted's webhook (X-Delighted-Webhook-Signature)" },
  { method: 'POST', path: '/v1/nps/typeform', function: 'nps', auth: 'none', roles: [], summary: "Typeform's webhook (Typeform-Signature)" },
  { method: 'POST', path: '/v1/nps/responses', function: 'nps', auth: 'jwt', roles: ['admin'], summary: 'Import NPS answers in bulk (the CSV import uses this)' },
  { method: 'GET', path: '/v1/nps/unattributed', function: 'queries', auth: 'jwt', roles: ['admin', 'leadership'], summary: 'NPS answers that name no known deal, waiting for attribution' },
  { method: 'PUT', path: '/v1/incentive-plans/{planId}', function: 'incentives', auth: 'jwt', roles: ['admin'], summary: 'Publish an incentive plan version (immutable once published)' },
  { method: 'GET', path: '/v1/incentive-plans', function: 'incentives', auth: 'jwt', roles: ['admin', 'leadership'], summary: 'Every published plan version' },
  { method: 'GET', path: '/v1/payouts/{month}', function: 'incentives', auth: 'jwt', roles: everyone, summary: "A month's pool and statements: a live preview while open, frozen once closed" },
  { method: 'POST', path: '/v1/months/{month}/close', function: 'incentives', auth: 'jwt', roles: ['admin'], summary: 'Close a month: freeze its statements and issue its reports' },
  { method: 'GET', path: '/v1/reports/{month}', function: 'incentives', auth: 'jwt', roles: ['admin', 'leadership'], summary: "Links to a closed month's JSON report, payroll CSV and HTML report" },
  // One route per format, so each has its own operation in the contract (a client knows what it gets back).
  { method: 'GET', path: '/v1/reports/{month}/json', function: 'incentives', auth: 'jwt', roles: ['admin', 'leadership'], summary: "A closed month's report as JSON" },
  { method: 'GET', path: '/v1/reports/{month}/csv', function: 'incentives', auth: 'jwt', roles: ['admin', 'leadership'], summary: "A closed month's payroll CSV" },
  { method: 'GET', path: '/v1/reports/{month}/html', function: 'incentives', auth: 'jwt', roles: ['admin', 'leadership'], summary: "A closed month's HTML report, with its trend charts" },
  { method: 'PUT', path: '/v1/catalog/{sku}', function: 'promises', auth: 'jwt', roles: ['admin', 'ops'], summary: "Publish a new version of what a unit of a SKU costs operations" },
  { method: 'GET', path: '/v1/catalog', function: 'promises', auth: 'jwt', roles: everyone, summary: 'The catalogue in force: the latest version of every SKU' },
  { method: 'PUT', path: '/v1/capacity/{opsTeam}', function: 'promises', auth: 'jwt', roles: ['admin', 'ops'], summary: "Publish a new version of an ops team's hours" },
  { method: 'GET', path: '/v1/capacity/{opsTeam}', function: 'promises', auth: 'jwt', roles: everyone, summary: "An ops team's load: capacity, scheduled minutes and commitments per week" },
  { method: 'POST', path: '/v1/promise-checks', function: 'promises', auth: 'jwt', roles: everyone, summary: 'Can we promise this by then? A capable-to-promise check and its verdict; nothing is stored' },
  { method: 'PUT', path: '/v1/rules-of-engagement', function: 'promises', auth: 'jwt', roles: ['admin'], summary: 'Publish a version of the rules of engagement (immutable once published)' },
  { method: 'GET', path: '/v1/rules-of-engagement', function: 'promises', auth: 'jwt', roles: everyone, summary: 'The rules of engagement in force' },
  { method: 'POST', path: '/v1/escalations', function: 'promises', auth: 'jwt', roles: ['admin', 'sales'], summary: 'Escalate a proposal beyond what sales may commit alone' },
  { method: 'POST', path: '/v1/escalations/{escalationId}/decision', function: 'promises', auth: 'jwt', roles: ['admin', 'leadership', 'ops'], summary: 'Approve or reject an escalation (the role must reach its level as it stands)' },
  { method: 'GET', path: '/v1/escalations/{escalationId}', function: 'promises', auth: 'jwt', roles: everyone, summary: 'An escalation as it stands' },
  { method: 'GET', path: '/v1/escalations', function: 'promises', auth: 'jwt', roles: everyone, summary: 'Escalations by status, with level and due time' },
  { method: 'POST', path: '/v1/briefs/{week}', function: 'briefs', auth: 'jwt', roles: ['admin'], summary: "Publish an ended week's brief (the schedule does it every Monday); a second run answers the first brief" },
  { method: 'GET', path: '/v1/briefs/{week}', function: 'briefs', auth: 'jwt', roles: everyone, summary: "A week's brief, as JSON" },
  { method: 'GET', path: '/v1/briefs/{week}/html', function: 'briefs', auth: 'jwt', roles: everyone, summary: "A week's brief, as the HTML page it was published as" },
  { method: 'GET', path: '/v1/openapi.json', function: 'queries', auth: 'none', roles: [], summary: 'This API as an OpenAPI 3.1 document' },
] as const satisfies readonly Route[];

type DeclaredRoute = (typeof routes)[number];
// Distributes over the declared routes one at a time, so a method is never paired with another route's path.
type KeyOfRoute<R> = R extends { method: infer M extends string; path: infer P extends string } ? `${M} ${P}` : never;

/** API Gateway's routeKey of a route; of a declared route, typed as that route's key. */
export const routeKey = <R extends Pick<Route, 'method' | 'path'>>(route: R): KeyOfRoute<R> =>
  `${route.method} ${route.path}` as KeyOfRoute<R>;

/** `METHOD /path` of every declared route: API Gateway's routeKey. */
export type RouteKey = KeyOfRoute<DeclaredRoute>;

/** The route keys one function serves: the keys its handler map must have, no more and no fewer. */
export type RouteKeyOf<F extends ApiFunction> = KeyOfRoute<Extract<DeclaredRoute, { function: F }>>;
