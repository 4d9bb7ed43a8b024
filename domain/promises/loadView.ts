import * as z from '../zod.ts';
import { DealId } from '../deal/events.ts';
import { Instant } from '../instant.ts';
import { IsoWeek, weekRange, weeksBetween } from '../isoWeek.ts';
import { weekCapacityMinutes, type Capacity } from './capacity.ts';
import { OpsTeam } from './catalogue.ts';
import type { Commitment } from './commitment.ts';
import { forwardFill } from './forwardFill.ts';
import { percentHalfUp } from './integerDivision.ts';
import { LoadPercent } from './loadPercent.ts';
import { capacityOverHorizon, planningHorizon } from './planningHorizon.ts';

export const WeekLoad = z.strictObject({
  week: IsoWeek,
  capacityMinutes: z.int().check(z.nonnegative()),
  scheduledMinutes: z.int().check(z.nonnegative()),
  /** 100 x scheduled / capacity, rounded half up like loadPercent; null when the capacity is 0. */
  utilisationPercent: LoadPercent,
});
export type WeekLoad = z.infer<typeof WeekLoad>;

export const ScheduledCommitmentView = z.strictObject({
  dealId: DealId,
  minutes: z.int().check(z.positive()),
  deliverBy: Instant,
  finishWeek: z.nullable(IsoWeek),
  atRisk: z.boolean(),
});

/** An ops team's load as everyone may see it (GET /v1/capacity/{opsTeam}): sales must see what operations carries. */
export const LoadView = z.strictObject({
  opsTeam: OpsTeam,
  at: Instant,
  weeks: z.array(WeekLoad),
  /** In the order operations serves them: deadline, then closedAt, then dealId. */
  commitments: z.array(ScheduledCommitmentView),
});
export type LoadView = z.infer<typeof LoadView>;

/**
 * The team's schedule at `at` (from W0, the week of `at`, as every check schedules it), shown for the
 * weeks `from` .. `from` + weeks - 1. Weeks outside the planning horizon have nothing scheduled. A team
 * with no capacity published has 0 minutes a week, so every commitment of it is at risk.
 */
export const loadViewOf = (input: {
  opsTeam: OpsTeam;
  at: Instant;
  timeZone: string;
  capacity: Capacity | null;
  commitments: readonly Commitment[];
  from: IsoWeek;
  weeks: number;
}): LoadView => {
  const { capacity } = input;
  const horizon = planningHorizon(input.at, input.timeZone);
  const schedule = forwardFill(horizon, capacityOverHorizon(horizon, capacity), input.commitments);
  const firstWeek = horizon.weeks[0] as IsoWeek;
  return {
    opsTeam: input.opsTeam,
    at: input.at,
    weeks: weekRange(input.from, input.weeks).map((week) => {
      const capacityMinutes = capacity ? weekCapacityMinutes(capacity, week) : 0;
      const scheduledMinutes = schedule.scheduledMinutes[weeksBetween(firstWeek, week)] ?? 0;
      return { week, capacityMinutes, scheduledMinutes, utilisationPercent: percentHalfUp(scheduledMinutes, capacityMinutes) };
    }),
    commitments: schedule.commitments.map(({ commitment, finishWeek, atRisk }) => ({
      dealId: commitment.dealId,
      minutes: commitment.minutes,
      deliverBy: commitment.deliverBy,
      finishWeek,
      atRisk,
    })),
  };
};
