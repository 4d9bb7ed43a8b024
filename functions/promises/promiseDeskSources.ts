import type { Escalation, EscalationStatus } from '../../domain/promises/escalationDecider.ts';
import type { OpenDeal } from '../../domain/promises/openDeal.ts';

/*
 * What the promise desk reads from the projections: the shape of functions/projections'
 * OpenCommitmentsRepository and EscalationsRepository, named here as interfaces so the desk depends on
 * what it needs rather than on how the projector keeps it.
 */

/** The deals operations still owes, as recorded. */
export interface OpenCommitmentsSource {
  openDeals(): Promise<OpenDeal[]>;
}

/** Escalations by status, for listings. */
export interface EscalationsSource {
  byStatus(status: EscalationStatus): Promise<Escalation[]>;
}
