import { toEpochMs, type Instant } from '../instant.ts';
import { isSameScope, type ScopeLine } from './scope.ts';

export interface Outcome {
  onTime: boolean;
  asSold: boolean;
  /** On time AND as sold: the promise the customer was sold is the promise they got. */
  promiseKept: boolean;
  /** 0 when on time; otherwise hours past the deadline in force (after grace), rounded up to 0.01 h. */
  lateByHours: number;
}

export interface PromiseInForce {
  deadline: Instant;
  scope: readonly ScopeLine[];
}

export interface Delivery {
  at: Instant;
  scope: readonly ScopeLine[];
}

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/** How long after the deadline (and its grace) a delivery came: 0 or less is on time. */
const lateMsOf = (deliveredAt: Instant, deadline: Instant, graceMinutes: number): number =>
  toEpochMs(deliveredAt) - (toEpochMs(deadline) + graceMinutes * MS_PER_MINUTE);

export const isOnTime = (deliveredAt: Instant, deadline: Instant, graceMinutes = 0): boolean => lateMsOf(deliveredAt, deadline, graceMinutes) <= 0;

export const assessOutcome = (promise: PromiseInForce, delivery: Delivery, graceMinutes = 0): Outcome => {
  const lateMs = lateMsOf(delivery.at, promise.deadline, graceMinutes);
  const onTime = lateMs <= 0;
  const asSold = isSameScope(delivery.scope, promise.scope);
  // Whole hundredths of an hour (36 s each) in integer maths, so float noise never rounds 0.55 up to 0.56.
  const lateByHours = onTime ? 0 : Math.ceil(lateMs / (MS_PER_HOUR / 100)) / 100;
  return { onTime, asSold, promiseKept: onTime && asSold, lateByHours };
};
