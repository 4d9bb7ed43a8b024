import { monthClosingDecider, type MonthClosing, type MonthClosings } from '../../domain/incentives/monthClosing.ts';
import type { IncentivePlan } from '../../domain/incentives/plan.ts';
import { planRegistryDecider } from '../../domain/incentives/planRegistry.ts';
import { streamKinds } from '../../domain/streams.ts';
import type { DynamoEventStore } from '../eventStore/dynamoEventStore.ts';

const { plans, closes } = streamKinds;

/** A closed month as recorded: its frozen payout and, once stored, its reports. */
export type ClosedMonth = MonthClosing & { closed: NonNullable<MonthClosing['closed']> };

export const isClosed = (closing: MonthClosing): closing is ClosedMonth => closing.closed !== null;

/** Reads the incentive pool's own streams: the plan versions and the months' closes. */
export class IncentiveRecords {
  constructor(private readonly store: DynamoEventStore) {}

  async plans(): Promise<IncentivePlan[]> {
    const stream = await this.store.readStream(plans.streamId());
    return stream.events.map((stored) => stored.event).filter(plans.holds).reduce(planRegistryDecider.evolve, planRegistryDecider.initialState()).plans;
  }

  /** Every close so far, and the version of the stream they were read at. */
  async closings(): Promise<{ version: number; state: MonthClosings }> {
    // A close and its statement parts land in one transaction, but a Query is not isolated from a
    // transaction in flight: a read that caught only part of one is read again.
    for (let attempt = 1; ; attempt++) {
      const stream = await this.store.readStream(closes.streamId());
      const state = stream.events.map((stored) => stored.event).filter(closes.holds).reduce(monthClosingDecider.evolve, monthClosingDecider.initialState());
      const incomplete = Object.values(state.months).some((closing) => closing.missingParts > 0);
      if (!incomplete) return { version: stream.version, state };
      if (attempt >= 3) throw new Error(`${closes.streamId()} holds a close whose statements are incomplete`);
    }
  }
}
