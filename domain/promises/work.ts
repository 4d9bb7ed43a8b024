import type { ScopeLine } from '../deal/scope.ts';
import { workMinutesOf, type Catalogue, type OpsTeam, type Sku } from './catalogue.ts';
import { byCodeUnits } from './codeUnitOrder.ts';

/** What a deal's scope asks of operations: minutes per ops team, and the lines the catalogue cannot price. */
export interface WorkOfScope {
  /** Only teams with work: a SKU of 0 minutes per unit asks nothing of its team. */
  minutesByTeam: ReadonlyMap<OpsTeam, number>;
  /** SKUs not in the catalogue, once each, in code-unit order: they add no minutes and are named in answers. */
  unplannedSkus: Sku[];
}

export const workOfScope = (scope: readonly ScopeLine[], catalogue: Catalogue): WorkOfScope => {
  const minutesByTeam = new Map<OpsTeam, number>();
  const unplanned = new Set<Sku>();
  for (const line of scope) {
    const entry = catalogue.get(line.sku);
    if (!entry) {
      unplanned.add(line.sku);
      continue;
    }
    const minutes = workMinutesOf(line.quantity, entry.minutesPerUnit);
    if (minutes > 0) minutesByTeam.set(entry.opsTeam, (minutesByTeam.get(entry.opsTeam) ?? 0) + minutes);
  }
  return { minutesByTeam, unplannedSkus: [...unplanned].sort(byCodeUnits) };
};
