import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordedEventOf } from '../../domain/envelope.ts';
import type * as z from '../../domain/zod.ts';
import { contracts } from '../../functions/contract/contracts.ts';
import { generateHistory } from '../bench/history.ts';

/**
 * Objects parse through zod's compiled path (domain/zod.ts). Zod still knows how to interpret a shape
 * instead (`jitless`), so for every request body of the API and every kind of deal event, valid
 * samples bent in every way fast-check finds must parse to the same answer both ways: the same
 * success, the same output with its keys in the same order, or the same issues with the same paths
 * and messages.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const pathsOf = (value: Json, at: Path = []): Path[] => {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, index) => pathsOf(item, [...at, index]))];
  if (value && typeof value === 'object') return [at, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...at, key]))];
  return [at];
};

type Bend = { kind: 'replace'; with: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; with: unknown };

/** The sample with one place in it bent: its value replaced, its key removed, or a key added beside it. */
const bent = (sample: Json, path: Path, bend: Bend): unknown => {
  const copy = structuredClone(sample) as Json;
  if (path.length === 0) return bend.kind === 'replace' ? bend.with : copy;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, copy) as Record<string | number, unknown>;
  const key = path.at(-1)!;
  if (bend.kind === 'replace') parent[key] = bend.with;
  else if (bend.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
    // As JSON.parse adds a key: an own property, even one named __proto__.
  } else if (!Array.isArray(parent)) Object.defineProperty(parent, bend.key, { value: bend.with, enumerable: true, writable: true, configurable: true });
  return copy;
};

const bendOf: fc.Arbitrary<Bend> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), with: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(undefined, '', -1, 0, 1.5, 'x', [], {})) }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('add' as const), key: fc.constantFrom('extra', 'type', '__proto__', 'constructor', 'data'), with: fc.jsonValue({ maxDepth: 1 }) }),
);

const answer = (result: ReturnType<z.ZodMiniType["safeParse"]>) =>
  result.success
    ? { success: true, output: JSON.stringify(result.data) }
    : { success: false, issues: result.error.issues.map(({ code, path, message }) => ({ code, path, message })) };

const sameBothWays = (schema: z.ZodMiniType, sample: Json) => {
  const paths = pathsOf(sample);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: paths.length - 1 }), bendOf, (index, bend) => {
      // Each way gets its own copy of the same input, in case either touched it.
      const compiled = answer(schema.safeParse(bent(sample, paths[index]!, bend)));
      const interpreted = answer(schema.safeParse(bent(sample, paths[index]!, bend), { jitless: true }));
      expect(compiled).toEqual(interpreted);
    }),
    { numRuns: 150, seed: 13 },
  );
};

const requestBodies = Object.entries(contracts).flatMap(([route, contract]) => {
  const request = (contract as { request?: { schema: z.ZodMiniType; example?: unknown } }).request;
  return request?.example === undefined ? [] : [[route, request.schema, request.example as Json] as const];
});

describe('objects parse the same compiled as interpreted', () => {
  it('given the compiled path, then the schemas use it', () => {
    const schema = requestBodies[0]![1];
    expect(schema._zod.traits.has('$ZodObjectJIT')).toBe(true);
    expect(schema._zod.traits.has('ZodMiniObject')).toBe(true);
  });

  it.each(requestBodies)('given the request body of %s, when its example is bent, then both ways answer alike', (_route, schema, example) => {
    expect(schema.safeParse(example).success).toBe(true);
    sameBothWays(schema, example);
  });

  const history = generateHistory({ deals: 60, seed: 7 });
  const oneOfEachType = [...new Map(history.events.map((event) => [event.type, event])).values()];

  it.each(oneOfEachType.map((event) => [event.type, event] as const))('given a recorded %s, when it is bent, then both ways answer alike', (_type, event) => {
    const sample = JSON.parse(JSON.stringify(event)) as Json;
    expect(recordedEventOf.deal.safeParse(sample).success).toBe(true);
    sameBothWays(recordedEventOf.deal as z.ZodMiniType, sample);
  });
});
