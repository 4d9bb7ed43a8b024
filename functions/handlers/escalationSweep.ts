import { randomUUID } from 'node:crypto';
import { Instant } from '../../domain/instant.ts';
import type { EscalationCommand } from '../../domain/promises/escalationCommands.ts';
import { escalationDecider } from '../../domain/promises/escalationDecider.ts';
import type { Actor } from '../../domain/roles.ts';
import { streamKinds } from '../../domain/streams.ts';
import { createCommandService } from '../commands/commandService.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';
import { logger } from '../observability/logger.ts';

/** Who records a rise on schedule, as the EscalationRaised event's actor. */
export const SWEEP_ACTOR: Actor = { id: 'escalation-sweep-schedule', roles: ['admin'] };

/** The escalations still waiting for a decision (the escalation projection's open list). */
export interface OpenEscalations {
  openEscalationIds(): Promise<string[]>;
}

export interface ScheduledSweep {
  /** When the schedule was due (EventBridge Scheduler's `<aws.scheduler.scheduled-time>`). */
  scheduledTime?: string;
}

export interface SweepResult {
  at: Instant;
  swept: number;
  /** The escalations that had a rise recorded by this run. */
  raised: string[];
}

/**
 * Records each rise of every open escalation up to the time the run was due (PROMISES.md,
 * "Escalations"), so a rise reaches the bus and someone hears of it. Idempotent: a rise is
 * recorded once, whatever the number of runs, because the decider records only the rises the
 * stream does not hold yet. A run redriven later records nothing the due time did not reach.
 */
export const createEscalationSweepHandler = (deps: {
  store: DynamoEventStore;
  tenantId: string;
  escalations: OpenEscalations;
  now?: () => Date;
  newEventId?: () => string;
}) => {
  const now = deps.now ?? (() => new Date());
  // No stream cache: every run must decide on what the stream holds, not on what an earlier run saw.
  const sweep = createCommandService(escalationDecider, {
    store: deps.store,
    tenantId: deps.tenantId,
    now,
    newEventId: deps.newEventId ?? randomUUID,
    cachedStreams: 0,
  });
  return async (event: ScheduledSweep = {}): Promise<SweepResult> => {
    const at = event.scheduledTime === undefined ? now().toISOString() : Instant.parse(event.scheduledTime);
    const ids = await deps.escalations.openEscalationIds();
    const raised: string[] = [];
    const failed: string[] = [];
    for (const escalationId of ids) {
      const command: EscalationCommand = { type: 'SweepEscalation', at };
      try {
        const result = await sweep({
          streamId: streamKinds.escalation.streamId(escalationId),
          command,
          actor: SWEEP_ACTOR,
          fingerprint: `sweep:${at}`,
        });
        if (!result.replayed) raised.push(escalationId);
      } catch (error) {
        // One bad stream must not keep the others from rising; the run fails at the end so it is retried.
        failed.push(escalationId);
        logger.error('escalation sweep failed', { escalationId, error: (error as Error).message });
      }
    }
    logger.info('escalations swept', { at, swept: ids.length, raised: raised.length, failed: failed.length });
    if (failed.length > 0) throw new Error(`the sweep at ${at} failed for ${failed.join(', ')}`);
    return { at, swept: ids.length, raised };
  };
};
