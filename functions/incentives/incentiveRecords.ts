import { CLOSES_STREAM_ID, PLANS_STREAM_ID } from '../../domain/incentives/events.ts';
import { monthClosingDecider, type MonthClosing, type MonthClosings } from '../../domain/incentives/monthClosing.ts';
import type { IncentivePlan } from '../../domain/incentives/plan.ts';
import { planRegistryDecider } from '../../domain/incentives/planRegistry.ts';
import { isIncentiveEvent } from '../../domain/events.ts';
import type { DynamoEventStore, StreamRead } from '../eventStore/dynamoEventStore.ts';

const incentiveEvents = (stream: StreamRead) => stream.events.map((stored) => stored.event).filter(isIncentiveEvent);

/** A closed month as recorded: its frozen payout and, once stored, its reports. */
export type ClosedMonth = MonthClosing & { closed: NonNullable<MonthClosing['closed']> };

export const isClosed = (closing: MonthClosing): closing is ClosedMonth => closing.closed !== null;

/** Reads the incentive pool's own streams: the plan versions and the months' closes. */
export class IncentiveRecords {
  constructor(private readonly store: DynamoEventStore) {}

  async plans(): Promise<IncentivePlan[]> {
    const stream = await this.store.readStream(PLANS_STREAM_ID);
    return incentiveEvents(stream).reduce(planRegistryDecider.evolve, planRegistryDecider.initialState()).plans;
  }

  /** Every close so far, and the version of the stream they were read at. */
  async closings(): Promise<{ version: number; state: MonthClosings }> {
    // A close and its statement parts land in one transaction, but a Query is not isolated from a
    // transaction in flight: a read that caught only part of one is read again.
    for (let attempt = 1; ; attempt++) {
      const stream = await this.store.readStream(CLOSES_STREAM_ID);
      const state = incentiveEvents(stream).reduce(monthClosingDecider.evolve, monthClosingDecider.initialState());
      const incomplete = Object.values(state.months).some((closing) => closing.missingParts > 0);
      if (!incomplete) return { version: stream.version, state };
      if (attempt >= 3) throw new Error(`${CLOSES_STREAM_ID} holds a close whose statements are incomplete`);
    }
  }
}
