import { describe, expect, it } from 'vitest';
import { catalogueEntryDecider } from '../../../domain/promises/catalogueEntryDecider.ts';
import { CatalogueEntry, catalogueOf, workMinutesOf } from '../../../domain/promises/catalogue.ts';
import { PromiseDeskEvent } from '../../../domain/promises/events.ts';
import { thousandthsOf } from '../../../domain/promises/thousandths.ts';
import { workOfScope } from '../../../domain/promises/work.ts';
import { entry, line, violationOf } from './promiseDeskSpec.ts';

const pathsOf = (input: unknown) => CatalogueEntry.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('CatalogueEntry', () => {
  const sealcoat = { sku: 'SEALCOAT-SQFT', description: 'Sealcoat, per square foot', opsTeam: 'T-OPS', minutesPerUnit: 0.5 };

  it('given the entry of PROMISES.md, then it is valid as it is', () => {
    expect(CatalogueEntry.parse(sealcoat)).toEqual(sealcoat);
  });

  it.each([
    ['0 minutes per unit', 0],
    ['3 decimals', 0.125],
    ['3 decimals that a float cannot hold exactly', 1.005],
    ['a whole day', 1440],
  ])('given %s, then it is valid', (_, minutesPerUnit) => {
    expect(CatalogueEntry.safeParse({ ...sealcoat, minutesPerUnit }).success).toBe(true);
  });

  it.each([
    ['negative minutes', { minutesPerUnit: -1 }, 'minutesPerUnit'],
    ['4 decimals', { minutesPerUnit: 0.0005 }, 'minutesPerUnit'],
    ['minutes as a string', { minutesPerUnit: '0.5' }, 'minutesPerUnit'],
    ['more than a million minutes a unit', { minutesPerUnit: 1_000_001 }, 'minutesPerUnit'],
    ['no description', { description: '' }, 'description'],
    ['no ops team', { opsTeam: '' }, 'opsTeam'],
    ['an unknown field', { team: 'T-OPS' }, ''],
  ])('given %s, then the only issue is at "%s"', (_, overrides, path) => {
    expect(pathsOf({ ...sealcoat, ...overrides })).toEqual([path]);
  });

  it('given 4 decimals, then the message says at most 3', () => {
    expect(CatalogueEntry.safeParse({ ...sealcoat, minutesPerUnit: 0.0005 }).error?.issues[0]?.message).toBe('must have at most 3 decimals');
  });
});

describe('workMinutesOf', () => {
  it.each([
    // quantity, minutes per unit, minutes: ceil of the exact product
    [3, 0.1, 1], // 0.30000000000000004 in floats; 300 thousandths exactly, so 1
    [12_000, 0.5, 6000],
    [10, 0.1, 1],
    [11, 0.1, 2],
    [1000, 0.001, 1],
    [1001, 0.001, 2],
    [3, 1.005, 4], // 3.015
    [200, 1.005, 201],
    [7, 0, 0],
    [1, 1_000_000, 1_000_000],
  ])('given %i units of %d minutes, then %i minutes', (quantity, minutesPerUnit, minutes) => {
    expect(workMinutesOf(quantity, minutesPerUnit)).toBe(minutes);
  });

  it('given a product past 2^53 thousandths, then it is still exact', () => {
    // 9,007,199,254,740,991 x 0.001 = 9,007,199,254,740.991 minutes: ceil 9,007,199,254,741.
    expect(workMinutesOf(Number.MAX_SAFE_INTEGER, 0.001)).toBe(9_007_199_254_741);
    expect(workMinutesOf(Number.MAX_SAFE_INTEGER, 2)).toBe(Number(2n * BigInt(Number.MAX_SAFE_INTEGER)));
  });

  it('given a value with more than 3 decimals that the schema would refuse, then thousandths are refused too', () => {
    expect(thousandthsOf(0.1)).toBe(100);
    expect(() => thousandthsOf(0.0001)).toThrow(RangeError);
  });
});

describe('workOfScope', () => {
  it('given lines for two teams, one unknown SKU twice and a SKU of 0 minutes, then minutes per team with work and the unknown SKU once', () => {
    const catalogue = catalogueOf([entry('A', 'T-OPS', 0.1), entry('B', 'T-PAINT', 2.5), entry('FREE', 'T-WELD', 0), entry('C', 'T-OPS', 1)]);

    const work = workOfScope([line('A', 3), line('ZZ', 1), line('B', 3), line('C', 10), line('FREE', 9), line('ZZ', 2), line('AA', 1)], catalogue);

    // T-OPS: ceil(0.3) + 10 = 11; T-PAINT: ceil(7.5) = 8; each line is rounded up on its own.
    expect(Object.fromEntries(work.minutesByTeam)).toEqual({ 'T-OPS': 11, 'T-PAINT': 8 });
    expect(work.unplannedSkus).toEqual(['AA', 'ZZ']);
  });
});

describe('catalogueEntryDecider', () => {
  const at = '2026-10-01T09:00:00Z';

  it('given nothing published, when an entry is published, then it is version 1', () => {
    const events = catalogueEntryDecider.decide({ type: 'PublishCatalogueEntry', entry: entry('A', 'T-OPS'), at }, catalogueEntryDecider.initialState());

    expect(events).toEqual([{ type: 'CatalogueEntryPublished', occurredAt: at, data: { version: 1, entry: entry('A', 'T-OPS') } }]);
    expect(PromiseDeskEvent.parse(events[0])).toEqual(events[0]);
  });

  it('given version 1, when the same entry is published again, then it is version 2: every PUT is a version, and the latest is in force', () => {
    const state = [{ type: 'CatalogueEntryPublished' as const, occurredAt: at, data: { version: 1, entry: entry('A', 'T-OPS', 2) } }].reduce(
      catalogueEntryDecider.evolve,
      catalogueEntryDecider.initialState(),
    );

    const events = catalogueEntryDecider.decide({ type: 'PublishCatalogueEntry', entry: entry('A', 'T-OPS', 3), at }, state);

    expect(events.map((event) => event.data.version)).toEqual([2]);
    expect(events.reduce(catalogueEntryDecider.evolve, state)).toEqual({ version: 2, entry: entry('A', 'T-OPS', 3) });
  });

  it('given the entry of SKU A, when an entry of SKU B is published on it, then it is refused', () => {
    const state = { version: 1, entry: entry('A', 'T-OPS') };

    expect(violationOf(() => catalogueEntryDecider.decide({ type: 'PublishCatalogueEntry', entry: entry('B', 'T-OPS'), at }, state))).toEqual({
      rule: 'catalogue-sku-mismatch',
      field: 'sku',
    });
  });
});
