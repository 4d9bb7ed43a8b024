import { addMonths, type Month } from '../../domain/calendar.ts';
import { monthStreamId, PLANS_STREAM_ID } from '../../domain/incentives/events.ts';
import { monthClosingDecider, type MonthClosing } from '../../domain/incentives/monthClosing.ts';
import type { IncentivePlan } from '../../domain/incentives/plan.ts';
import { planRegistryDecider } from '../../domain/incentives/planRegistry.ts';
import { isIncentiveEvent } from '../../domain/events.ts';
import type { DynamoEventStore, StreamRead } from '../eventStore/dynamoEventStore.ts';

const incentiveEvents = (stream: StreamRead) => stream.events.map((stored) => stored.event).filter(isIncentiveEvent);

/** How far back a close looks for earlier closed months to correct: three years of payroll. */
export const CORRECTION_LOOKBACK_MONTHS = 36;

/** A closed month as recorded: its frozen payout and, once stored, its reports. */
export type ClosedMonth = MonthClosing & { closed: NonNullable<MonthClosing['closed']> };

/** Reads the incentive pool's own streams: the plan versions and the months' closes. */
export class IncentiveRecords {
  constructor(private readonly store: DynamoEventStore) {}

  async plans(): Promise<IncentivePlan[]> {
    const stream = await this.store.readStream(PLANS_STREAM_ID);
    return incentiveEvents(stream).reduce(planRegistryDecider.evolve, planRegistryDecider.initialState()).plans;
  }

  async closing(month: Month): Promise<MonthClosing> {
    const stream = await this.store.readStream(monthStreamId(month));
    return incentiveEvents(stream).reduce(monthClosingDecider.evolve, monthClosingDecider.initialState());
  }

  /** Every closed month from `from` up to, not including, `before`: the months a close may correct. */
  async closedBetween(from: Month, before: Month): Promise<Map<Month, ClosedMonth>> {
    const earliest = [from, addMonths(before, -CORRECTION_LOOKBACK_MONTHS)].sort().at(-1)!;
    const months: Month[] = [];
    for (let month = earliest; month < before; month = addMonths(month, 1)) months.push(month);
    const closings = await Promise.all(months.map(async (month) => [month, await this.closing(month)] as const));
    return new Map(closings.filter((entry): entry is readonly [Month, ClosedMonth] => entry[1].closed !== null));
  }
}
