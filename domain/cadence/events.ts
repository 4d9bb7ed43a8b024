import * as z from '../zod.ts';
import { Instant } from '../instant.ts';
import { IsoWeek } from '../isoWeek.ts';

/** Where a week's brief can be fetched, by format. */
export const IssuedBrief = z.strictObject({ json: z.string().check(z.minLength(1)), html: z.string().check(z.minLength(1)) });
export type IssuedBrief = z.infer<typeof IssuedBrief>;

export const briefEventData = {
  /** A week's brief is stored: the bus hears of it from the event stream, like every other fact. */
  WeeklyBriefPublished: z.strictObject({ week: IsoWeek, preparedAt: Instant, documents: IssuedBrief }),
} as const;

export type BriefEventType = keyof typeof briefEventData;

const eventOf = <T extends BriefEventType>(type: T) => z.object({ type: z.literal(type), occurredAt: Instant, data: briefEventData[type] });

/** What a week's brief stream holds: its one publication. */
export const BriefEvent = z.discriminatedUnion('type', [eventOf('WeeklyBriefPublished')]);
export type BriefEvent = z.infer<typeof BriefEvent>;
