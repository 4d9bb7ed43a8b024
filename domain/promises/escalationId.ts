import * as z from 'zod';

export const EscalationId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"')
  .meta({ example: 'E-1' });
export type EscalationId = z.infer<typeof EscalationId>;
