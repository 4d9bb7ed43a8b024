import * as z from '../zod.ts';

export const ScopeLine = z.strictObject({
  sku: z.string().check(z.minLength(1), z.maxLength(64)),
  description: z.optional(z.string().check(z.maxLength(500))),
  quantity: z.int().check(z.positive()),
});
export type ScopeLine = z.infer<typeof ScopeLine>;

export const Scope = z.array(ScopeLine).check(z.minLength(1), z.maxLength(200));
export type Scope = z.infer<typeof Scope>;

const quantitiesBySku = (scope: readonly ScopeLine[]): Map<string, number> => {
  const totals = new Map<string, number>();
  for (const line of scope) totals.set(line.sku, (totals.get(line.sku) ?? 0) + line.quantity);
  return totals;
};

/** The same SKUs in the same quantities line by line: then surely the same scope, whatever the descriptions (the usual delivery). */
const sameLines = (a: readonly ScopeLine[], b: readonly ScopeLine[]): boolean =>
  a.length === b.length && a.every((line, index) => line.sku === b[index]!.sku && line.quantity === b[index]!.quantity);

/**
 * "As sold" compares what was delivered with what is in force, sku by sku and quantity by quantity.
 * Descriptions and line order are presentation, not promise, so they do not count.
 */
export const isSameScope = (delivered: readonly ScopeLine[], inForce: readonly ScopeLine[]): boolean => {
  if (sameLines(delivered, inForce)) return true;
  const a = quantitiesBySku(delivered);
  const b = quantitiesBySku(inForce);
  if (a.size !== b.size) return false;
  for (const [sku, quantity] of a) if (b.get(sku) !== quantity) return false;
  return true;
};
