import * as z from '../zod.ts';
import { EngagementLevel } from './engagementLevel.ts';
import { EscalationId } from './escalationId.ts';

/** How a deal was closed with respect to the rules of engagement. */
export const EngagementClass = z.enum(['within-rules', 'approved', 'outside-rules']);
export type EngagementClass = z.infer<typeof EngagementClass>;

/** What a close records of the rules (in DealClosed, and on the deal view): the verdict at closedAt and how it was met. */
export const Engagement = z.strictObject({
  class: EngagementClass,
  level: EngagementLevel,
  rules: z.array(z.string()),
  rulesVersion: z.nullable(z.int().check(z.positive())),
  escalationId: z.optional(EscalationId),
});
export type Engagement = z.infer<typeof Engagement>;
