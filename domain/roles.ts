import * as z from './zod.ts';

export const Role = z.enum(['admin', 'leadership', 'sales', 'ops']);
export type Role = z.infer<typeof Role>;

/** Who said so: the person (or system) behind a recorded fact. */
export const Actor = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  roles: z._default(z.array(Role), []),
});
export type Actor = z.infer<typeof Actor>;
