import * as z from '../zod.ts';
import { Month } from '../calendar.ts';
import { Currency, Money } from '../money.ts';

/** The whole of a pool or a side: basis points out of 10000. */
const FULL_BPS = 10_000;
/** A week: grace beyond that is no longer a deadline. */
const MAX_GRACE_MINUTES = 7 * 24 * 60;

const bps = (max: number) => z.int().check(z.minimum(0), z.maximum(max));

export const NpsBand = z.strictObject({
  minScore: z.int().check(z.minimum(-100), z.maximum(100)),
  multiplierBps: bps(100_000).check(z.meta({ description: '10000 is neutral, 12000 adds a fifth' })),
});
export type NpsBand = z.infer<typeof NpsBand>;

// The first band whose minScore the NPS reaches wins, so bands are read from the highest down.
const NpsBands = z.array(NpsBand).check(
  z.minLength(1),
  z.superRefine((bands, ctx) => {
    bands.forEach((band, index) => {
      const before = bands[index - 1];
      if (index === 0 || before === undefined || typeof band.minScore !== 'number' || typeof before.minScore !== 'number') return;
      if (band.minScore >= before.minScore) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'minScore'],
          message: `must be lower than the band before it (${before.minScore}): bands go by strictly decreasing minScore`,
        });
      }
    });
    // A month's NPS can be as low as -100: without a band for it, a bad month would silently get the neutral multiplier.
    const last = bands.at(-1);
    if (typeof last?.minScore === 'number' && last.minScore !== -100) {
      ctx.addIssue({
        code: 'custom',
        path: [bands.length - 1, 'minScore'],
        message: 'the last band must start at -100, so every NPS falls in a band',
      });
    }
  }),
);

const isBps = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= FULL_BPS;

const Split = z.strictObject({ salesBps: bps(FULL_BPS), opsBps: bps(FULL_BPS) }).check(
  z.superRefine((split, ctx) => {
    // Out-of-range parts are reported on their own; a sum of them would only repeat it.
    if (!isBps(split.salesBps) || !isBps(split.opsBps)) return;
    if (split.salesBps + split.opsBps !== FULL_BPS) {
      ctx.addIssue({
        code: 'custom',
        path: ['opsBps'],
        message: `salesBps + opsBps must be exactly ${FULL_BPS}, got ${split.salesBps} + ${split.opsBps} = ${split.salesBps + split.opsBps}`,
      });
    }
  }),
);

/** A version of the joint incentive plan (INCENTIVES.md). Versions are immutable once published. */
export const IncentivePlan = z.strictObject({
  // Length and characters are checked apart, so an empty planId gets one issue, not two.
  planId: z.string().check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9._-]*$/, 'must be letters, digits, dot, underscore or hyphen'),
  ),
  version: z.int().check(z.positive()),
  effectiveFrom: Month,
  currency: Currency,
  poolRateBps: bps(FULL_BPS),
  graceMinutes: z.int().check(z.minimum(0), z.maximum(MAX_GRACE_MINUTES)),
  gates: z.strictObject({ minPromiseKeptRate: z.number().check(z.minimum(0), z.maximum(1)) }),
  nps: z.strictObject({ minResponses: z.int().check(z.minimum(0)), bands: NpsBands }),
  split: Split,
  capPerPerson: z.optional(Money),
}).check(
  z.superRefine((plan, ctx) => {
    const cap = plan.capPerPerson;
    // An unknown plan currency is reported on its own; comparing with it would say nothing more.
    if (!cap || !Currency.safeParse(plan.currency).success || cap.currency === plan.currency) return;
    ctx.addIssue({
      code: 'custom',
      path: ['capPerPerson', 'currency'],
      message: `must be the plan currency ${plan.currency}, got ${cap.currency}`,
    });
  }),
);
export type IncentivePlan = z.infer<typeof IncentivePlan>;

const byPrecedence = (a: IncentivePlan, b: IncentivePlan): number => {
  if (a.version !== b.version) return b.version - a.version;
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom > b.effectiveFrom ? -1 : 1;
  return a.planId < b.planId ? -1 : a.planId > b.planId ? 1 : 0;
};

/**
 * The plan in force for a month: the highest version already effective. Ties (possible only across
 * planIds) go to the latest effectiveFrom, then the lower planId, so the answer never depends on order.
 */
export const planInForce = (plans: readonly IncentivePlan[], month: Month): IncentivePlan | null =>
  plans.filter((plan) => plan.effectiveFrom <= month).sort(byPrecedence)[0] ?? null;

const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  // A key set to undefined is the same as a key left out: JSON drops both.
  const keysOf = (value: object) => Object.entries(value).filter(([, item]) => item !== undefined).map(([key]) => key).sort();
  const keys = keysOf(a);
  const otherKeys = keysOf(b);
  return (
    keys.length === otherKeys.length &&
    keys.every((key, index) => key === otherKeys[index] && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
};

/** Whether two plans say the same thing, whatever the order of their keys: republishing a version is fine only then. */
export const samePlanContent = (a: IncentivePlan, b: IncentivePlan): boolean => deepEqual(a, b);
