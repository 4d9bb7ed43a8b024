import * as z from '../zod.ts';
import { CloseDealBody } from '../deal/commands.ts';
import { Instant, toEpochMs } from '../instant.ts';
import type { Actor } from '../roles.ts';
import { EscalationId } from './escalationId.ts';
import type { PromiseCheckAnswer } from './promiseCheckAnswer.ts';
import type { SlaHoursByLevel } from './rulesOfEngagement.ts';

const Note = z.string().check(z.minLength(1), z.maxLength(2000));

/** POST /v1/escalations, exactly as the public API takes it. */
export const OpenEscalationBody = z.strictObject({
  escalationId: EscalationId,
  at: Instant,
  proposal: CloseDealBody,
});
export type OpenEscalationBody = z.infer<typeof OpenEscalationBody>;

export const Decision = z.enum(['approved', 'rejected']);
export type Decision = z.infer<typeof Decision>;

/** POST /v1/escalations/{escalationId}/decision, exactly as the public API takes it. */
export const EscalationDecisionBody = z.strictObject({
  at: Instant,
  decision: Decision,
  /** An approval with changes: a later date than the proposal's. */
  deliverBy: z.optional(Instant),
  note: Note,
}).check(
  z.superRefine((body, ctx) => {
    if (body.decision === 'rejected' && body.deliverBy !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['deliverBy'], message: 'only an approval sets a date; a rejection has none' });
    }
    const bothValid = Instant.safeParse(body.at).success && Instant.safeParse(body.deliverBy).success;
    if (bothValid && body.deliverBy !== undefined && toEpochMs(body.deliverBy) < toEpochMs(body.at)) {
      ctx.addIssue({ code: 'custom', path: ['deliverBy'], message: 'must not be before at' });
    }
  }),
);
export type EscalationDecisionBody = z.infer<typeof EscalationDecisionBody>;

/**
 * What someone asks of an escalation. The check is run by whoever opens it (it needs the load) and
 * comes in with the command, with the SLAs of the rules that judged it, so deciding stays pure.
 */
export type EscalationCommand =
  | { type: 'OpenEscalation'; body: OpenEscalationBody; check: PromiseCheckAnswer; slaHours: SlaHoursByLevel }
  | { type: 'DecideEscalation'; body: EscalationDecisionBody; by: Actor }
  /** Records each rise of an open escalation up to `at`, so it reaches the bus. */
  | { type: 'SweepEscalation'; at: Instant };
