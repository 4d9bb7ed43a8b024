import * as z from './zod.ts';

/** An instant: ISO 8601 date-time with an explicit offset (Z or ±hh:mm). */
export const Instant = z.iso.datetime({ offset: true }).check(
  z.meta({ description: 'ISO 8601 instant with offset', example: '2026-10-20T17:00:00Z' }),
);
export type Instant = z.infer<typeof Instant>;

export const toEpochMs = (instant: Instant): number => Date.parse(instant);

export const isAfter = (a: Instant, b: Instant): boolean => toEpochMs(a) > toEpochMs(b);
