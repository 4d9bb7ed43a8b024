import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByWeight, allocateShares } from '../../../domain/incentives/allocation.ts';

const weights = (entries: Record<string, number>) => Object.entries(entries).map(([id, weight]) => ({ id, weight }));

describe('allocateByWeight: largest remainder (rule 6)', () => {
  it('given the sales side of the worked example, then S1 11000 and S2 7000', () => {
    // 18000 x 1100000 / 1800001 = 10999.994; 18000 x 700001 / 1800001 = 7000.006: the cent left goes to S1.
    const allocation = allocateShares(18_000, weights({ S1: 1_100_000, S2: 700_001 }));

    expect(allocation.shares.map(({ id, floor, leftoverUnit, amount }) => ({ id, floor, leftoverUnit, amount }))).toEqual([
      { id: 'S1', floor: 10_999, leftoverUnit: true, amount: 11_000 },
      { id: 'S2', floor: 7_000, leftoverUnit: false, amount: 7_000 },
    ]);
    expect(allocation.totalWeight).toBe(1_800_001n);
  });

  it('given the ops side of the worked example, then O1 15000 and O2 3000', () => {
    // O1 15000.002 (remainder 0.002), O2 2999.998 (remainder 0.998): the cent left goes to O2.
    expect(allocateByWeight(18_000, weights({ O1: 1_500_001, O2: 300_000 }))).toEqual(
      new Map([
        ['O1', 15_000],
        ['O2', 3_000],
      ]),
    );
  });

  it('given equal remainders, then the lower id by plain string order gets the unit first', () => {
    expect(allocateByWeight(1, weights({ b: 1, a: 1 }))).toEqual(new Map([['b', 0], ['a', 1]]));
    // Plain comparison: uppercase sorts before lowercase, "P10" before "P9".
    expect(allocateByWeight(1, weights({ a: 1, B: 1 })).get('B')).toBe(1);
    expect(allocateByWeight(2, weights({ P9: 1, P10: 1, P2: 1 }))).toEqual(new Map([['P9', 0], ['P10', 1], ['P2', 1]]));
  });

  it('given a zero weight among others, then that id gets 0', () => {
    expect(allocateByWeight(10, weights({ a: 0, b: 1, c: 2 }))).toEqual(new Map([['a', 0], ['b', 3], ['c', 7]]));
  });

  it('given a total of 0 or a total weight of 0, then every part is 0', () => {
    expect(allocateByWeight(0, weights({ a: 3, b: 1 }))).toEqual(new Map([['a', 0], ['b', 0]]));
    expect(allocateByWeight(100, weights({ a: 0, b: 0 }))).toEqual(new Map([['a', 0], ['b', 0]]));
    expect(allocateByWeight(100, [])).toEqual(new Map());
  });

  it('given values near 10^12, then the parts are the exact ones, which floats get wrong', () => {
    // Worked out with BigInt: in doubles 10^12 x weight / totalWeight misplaces a cent between a and c.
    const allocation = allocateShares(1_000_000_384_874, weights({ a: 291_130_430_201, b: 156_996_216_233, c: 364_353_755_193 }));

    expect(allocation.shares.map(({ amount }) => amount)).toEqual([358_323_156_677, 193_230_847_590, 448_446_380_607]);
    expect(allocation.shares.reduce((sum, { amount }) => sum + amount, 0)).toBe(1_000_000_384_874);
  });

  it('given a floor that doubles would round up, then the exact floor and the leftover unit', () => {
    // 1000000570507 x 982935711268 / 1272654321172 = 772351341355.99999..., which doubles take for ...356.
    const [first] = allocateShares(1_000_000_570_507, weights({ a: 982_935_711_268, b: 289_718_609_904 })).shares;

    expect(first).toMatchObject({ floor: 772_351_341_355, leftoverUnit: true, amount: 772_351_341_356 });
  });

  it.each([
    ['a negative total', -1, weights({ a: 1 })],
    ['a fractional total', 1.5, weights({ a: 1 })],
    ['a negative weight', 10, weights({ a: -1, b: 2 })],
    ['a fractional weight', 10, weights({ a: 0.5 })],
    ['an id weighted twice', 10, [{ id: 'a', weight: 1 }, { id: 'a', weight: 2 }]],
  ])('given %s, then it refuses', (_what, total, given) => {
    expect(() => allocateByWeight(total, given)).toThrow(RangeError);
  });
});

describe('allocateByWeight: properties', () => {
  const pools = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
  const weightLists = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      weight: fc.oneof(
        fc.integer({ min: 0, max: 1_000 }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      ),
    }),
    { selector: ({ id }) => id, maxLength: 12 },
  );

  it('given any pool and weights, then the parts sum to the pool, none is negative, and each is within one unit of its exact share', () => {
    fc.assert(
      fc.property(pools, weightLists, (total, given) => {
        const parts = allocateByWeight(total, given);
        const totalWeight = given.reduce((sum, { weight }) => sum + BigInt(weight), 0n);
        const amounts = given.map(({ id }) => parts.get(id)!);

        expect(amounts.every((amount) => Number.isSafeInteger(amount) && amount >= 0)).toBe(true);
        if (totalWeight === 0n) {
          expect(amounts.every((amount) => amount === 0)).toBe(true);
          return;
        }
        expect(amounts.reduce((sum, amount) => sum + BigInt(amount), 0n)).toBe(BigInt(total));
        for (const { id, weight } of given) {
          // |part - total x weight / totalWeight| < 1, multiplied through by totalWeight to stay exact.
          const gap = BigInt(parts.get(id)!) * totalWeight - BigInt(total) * BigInt(weight);
          expect(gap < totalWeight && -gap < totalWeight).toBe(true);
          if (weight === 0) expect(parts.get(id)).toBe(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('given the same weights in another order, then every id gets the same part', () => {
    fc.assert(
      fc.property(pools, weightLists, (total, given) => {
        expect(allocateByWeight(total, [...given].reverse())).toEqual(allocateByWeight(total, given));
      }),
      { numRuns: 200 },
    );
  });
});
