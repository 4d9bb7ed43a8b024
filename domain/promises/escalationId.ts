import * as z from '../zod.ts';

export const EscalationId = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"'),
  z.meta({ example: 'E-1' }),
);
export type EscalationId = z.infer<typeof EscalationId>;
