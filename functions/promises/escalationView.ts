import * as z from '../../domain/zod.ts';
import { CloseDealBody } from '../../domain/deal/commands.ts';
import { Instant, type Instant as InstantValue } from '../../domain/instant.ts';
import { Decision } from '../../domain/promises/escalationCommands.ts';
import { escalationAsItStands, type Escalation } from '../../domain/promises/escalationDecider.ts';
import { PromiseCheckAnswer } from '../../domain/promises/promiseCheckAnswer.ts';
import { Actor } from '../../domain/roles.ts';

/** An escalation as the API shows it (API.md, "The promise desk"). */
export const EscalationView = z.strictObject({
  escalationId: z.string(),
  dealId: z.string(),
  status: z.enum(['open', 'approved', 'rejected']),
  /** As it stands: for an open one at the instant asked about, for a decided one at its decision. */
  level: z.literal([1, 2, 3]),
  dueBy: Instant,
  openedAt: Instant,
  check: PromiseCheckAnswer,
  proposal: CloseDealBody,
  decision: z.nullable(z.strictObject({ by: Actor, at: Instant, decision: Decision, deliverBy: z.optional(Instant), note: z.string() })),
});
export type EscalationView = z.infer<typeof EscalationView>;

export const escalationView = (escalation: Escalation, at: InstantValue): EscalationView => {
  const { level, dueBy } = escalationAsItStands(escalation, at);
  return {
  escalationId: escalation.escalationId,
  dealId: escalation.dealId,
  status: escalation.status,
    level,
    dueBy,
  openedAt: escalation.openedAt,
  check: escalation.check,
  proposal: escalation.proposal,
  decision: escalation.decision,
  };
};
