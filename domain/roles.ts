import * as z from 'zod';

export const Role = z.enum(['admin', 'leadership', 'sales', 'ops']);
export type Role = z.infer<typeof Role>;

/** Who said so: the person (or system) behind a recorded fact. */
export const Actor = z
  .object({
    id: z.string().min(1).max(128),
    roles: z.array(Role).default([]),
  })
  .strict();
export type Actor = z.infer<typeof Actor>;
