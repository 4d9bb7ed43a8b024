import type { CloseDealBody } from '../../domain/deal/commands.ts';
import { engagementOfClose } from '../../domain/promises/engagement.ts';
import type { Engagement } from '../../domain/promises/engagementRecord.ts';
import { checkPromise, type PromiseDesk } from '../../domain/promises/promiseCheck.ts';
import type { RulesOfEngagement } from '../../domain/promises/rulesOfEngagement.ts';
import { verdictOf, type Verdict } from '../../domain/promises/verdict.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { readEscalation } from './escalationRecord.ts';
import type { PromiseDeskReader } from './promiseDeskReader.ts';

/** What the rules in force look at: a close reads only what can change their verdict. */
const needsOf = (rules: RulesOfEngagement) => {
  const conditions = rules.rules.map((rule) => rule.when);
  const load = conditions.some((when) => when.beyondCapacity !== undefined || when.loadPercentAbove !== undefined);
  return { load, catalogue: load || conditions.some((when) => when.unplannedWork !== undefined) };
};

const emptyDesk = (timeZone: string): PromiseDesk => ({ timeZone, catalogue: new Map(), capacities: new Map(), commitments: new Map() });

/**
 * How a close stands with the rules of engagement (PROMISES.md, "Closing a deal under the rules"): the
 * check at closedAt, judged by the rules in force. The common close stays cheap: with no rules published
 * nothing more is read, and the catalogue, capacities and open commitments are read only when a rule
 * looks at them. Throws the domain's PromiseDeskRuleViolation when the named escalation does not approve
 * this close: the only refusal.
 */
export const engagementAtClose = async (
  deps: { reader: PromiseDeskReader; store: Pick<DynamoEventStore, 'readStream'>; timeZone: string },
  body: CloseDealBody,
): Promise<Engagement> => {
  const [rules, escalation] = await Promise.all([
    deps.reader.rules(),
    body.escalationId === undefined ? Promise.resolve(undefined) : readEscalation(deps.store, body.escalationId),
  ]);
  const verdict = rules ? await verdictAtClose(deps, body, rules) : verdictOf(body, checkPromise(body, emptyDesk(deps.timeZone)), null);
  return engagementOfClose({
    proposal: body,
    verdict,
    ...(body.escalationId === undefined ? {} : { escalationId: body.escalationId, escalation: escalation ?? null }),
  });
};

const verdictAtClose = async (
  deps: { reader: PromiseDeskReader; timeZone: string },
  body: CloseDealBody,
  rules: RulesOfEngagement,
): Promise<Verdict> => {
  const needs = needsOf(rules);
  const desk = needs.catalogue ? await deps.reader.deskFor(body, { withLoad: needs.load }) : emptyDesk(deps.timeZone);
  return verdictOf(body, checkPromise(body, desk), rules);
};
