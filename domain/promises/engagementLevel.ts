import * as z from '../zod.ts';
import type { Role } from '../roles.ts';

/**
 * Who must say yes to a promise (PROMISES.md, "Rules of engagement"): 0 sales decides alone; 1
 * operations' input; 2 senior leads; 3 the owner; off the table: nobody can approve it.
 */
export const EngagementLevel = z.union([z.literal([0, 1, 2, 3]), z.literal('off-the-table')]).check(
  z.meta({ description: '0..3, or "off-the-table"', example: 1 }),
);
export type EngagementLevel = z.infer<typeof EngagementLevel>;

/** The levels an escalation can be at: the ones someone can approve. */
export type EscalationLevel = 1 | 2 | 3;

/** Off the table is above every level. */
export const levelRank = (level: EngagementLevel): number => (level === 'off-the-table' ? 4 : level);

export const higherLevel = (a: EngagementLevel, b: EngagementLevel): EngagementLevel => (levelRank(b) > levelRank(a) ? b : a);

/** The roles that reach a level: operations' input is given by ops or anyone above; senior leads by leadership or the admin; the owner alone is admin. */
const rolesReaching: Record<EscalationLevel, readonly Role[]> = {
  1: ['ops', 'leadership', 'admin'],
  2: ['leadership', 'admin'],
  3: ['admin'],
};

export const rolesThatReach = (level: EscalationLevel): readonly Role[] => rolesReaching[level];

export const reachesLevel = (roles: readonly Role[], level: EscalationLevel): boolean =>
  roles.some((role) => rolesReaching[level].includes(role));
