import type { Composition } from '../composition.ts';
import { createEscalationSweepHandler, type OpenEscalations } from './escalationSweep.ts';
import { openEscalationsFromEvents } from './escalationSweepOpenIds.ts';

/**
 * The sweep as AWS and the local runtime run it. The open escalations come from the events table
 * until the escalation projection is wired in here (`openEscalationsFromProjection`).
 */
export const escalationSweepHandler = (composition: Composition, escalations?: OpenEscalations) =>
  createEscalationSweepHandler({
    store: composition.store,
    tenantId: composition.config.tenantId,
    escalations: escalations ?? openEscalationsFromEvents(composition.client, composition.config.eventsTable),
    ...(composition.now ? { now: composition.now } : {}),
  });
