import type { Composition } from './composition.ts';
import { ActiveGeneration } from '../projections/generations.ts';
import { EscalationsRepository } from '../projections/escalationsRepository.ts';
import { createEscalationSweepHandler, type OpenEscalations } from './escalationSweep.ts';
import { openEscalationsFromProjection } from './escalationSweepOpenIds.ts';

/** The open escalations as the escalation projection lists them: one Query. */
const openEscalationsOf = ({ client, config }: Composition): OpenEscalations => {
  const generations = new ActiveGeneration(client, config.projectionsTable);
  return openEscalationsFromProjection(new EscalationsRepository(client, config.projectionsTable, () => generations.current()));
};

/** The sweep as AWS and the local runtime run it. */
export const escalationSweepHandler = (composition: Composition, escalations?: OpenEscalations) =>
  createEscalationSweepHandler({
    store: composition.store,
    tenantId: composition.config.tenantId,
    escalations: escalations ?? openEscalationsOf(composition),
    ...(composition.now ? { now: composition.now } : {}),
  });
