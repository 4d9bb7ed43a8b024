import * as z from '../zod.ts';
import { TeamId } from '../deal/events.ts';
import { ScopeLine } from '../deal/scope.ts';
import { ceilDiv } from './integerDivision.ts';
import { decimalOfThousandths, thousandthsOf } from './thousandths.ts';

/** A unit of work as scope lines name it. */
export const Sku = ScopeLine.shape.sku;
export type Sku = z.infer<typeof Sku>;

/** An operations team, named as handoffs name it. */
export const OpsTeam = TeamId;
export type OpsTeam = z.infer<typeof OpsTeam>;

/** About two years of one person's working minutes: a unit dearer than that is a project, not a unit. */
export const MAX_MINUTES_PER_UNIT = 1_000_000;

/** What one unit of a SKU costs which ops team, in minutes (PROMISES.md, "Catalogue"). */
export const CatalogueEntry = z.strictObject({
  sku: Sku,
  description: z.string().check(z.minLength(1), z.maxLength(500)),
  opsTeam: OpsTeam,
  minutesPerUnit: decimalOfThousandths({ min: 0, max: MAX_MINUTES_PER_UNIT }).check(
    z.meta({ description: 'minutes of the ops team per unit, at most 3 decimals', example: 0.5 }),
  ),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

/** The entries in force, by SKU: the latest version of each. */
export type Catalogue = ReadonlyMap<Sku, CatalogueEntry>;

export const catalogueOf = (entries: Iterable<CatalogueEntry>): Catalogue => new Map([...entries].map((entry) => [entry.sku, entry]));

/** Work of a scope line in minutes: ceil(quantity x minutesPerUnit), in integer thousandths so no float error creeps in. */
export const workMinutesOf = (quantity: number, minutesPerUnit: number): number => {
  const thousandths = quantity * thousandthsOf(minutesPerUnit);
  if (Number.isSafeInteger(thousandths)) return ceilDiv(thousandths, 1000);
  // Past 2^53 a float product is no longer exact; such a line never fits a schedule, but it is still counted right.
  const exact = BigInt(quantity) * BigInt(thousandthsOf(minutesPerUnit));
  return Number((exact + 999n) / 1000n);
};
