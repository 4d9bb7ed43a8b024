import type { Decider } from '../decider.ts';
import type { Instant } from '../instant.ts';
import type { Capacity } from './capacity.ts';
import type { OpsTeam } from './catalogue.ts';
import type { PromiseDeskEvent, PromiseDeskEventOf } from './events.ts';
import { PromiseDeskRuleViolation } from './promiseDeskRuleViolation.ts';

/** One ops team's published capacities: the latest is in force. */
export interface CapacityVersions {
  version: number;
  opsTeam: OpsTeam | null;
  capacity: Capacity | null;
}

export type PublishCapacity = { type: 'PublishCapacity'; opsTeam: OpsTeam; capacity: Capacity; at: Instant };

/** An ops team's hours: every PUT is a new version, recorded as it is said (PROMISES.md, "Capacity"). */
export const capacityDecider = {
  initialState: (): CapacityVersions => ({ version: 0, opsTeam: null, capacity: null }),
  evolve: (state: CapacityVersions, event: PromiseDeskEvent): CapacityVersions =>
    event.type === 'CapacityPublished'
      ? { version: event.data.version, opsTeam: event.data.opsTeam, capacity: event.data.capacity }
      : state,
  decide: (command: PublishCapacity, state: CapacityVersions): PromiseDeskEventOf<'CapacityPublished'>[] => {
    if (state.opsTeam !== null && state.opsTeam !== command.opsTeam) {
      throw new PromiseDeskRuleViolation('capacity-team-mismatch', `this is the capacity of ${state.opsTeam}, not ${command.opsTeam}`);
    }
    return [
      {
        type: 'CapacityPublished',
        occurredAt: command.at,
        data: { opsTeam: command.opsTeam, version: state.version + 1, capacity: command.capacity },
      },
    ];
  },
  startsStream: (): boolean => false,
} satisfies Decider<CapacityVersions, PublishCapacity, PromiseDeskEvent>;
