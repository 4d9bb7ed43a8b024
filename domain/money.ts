import * as z from './zod.ts';

// The runtime's ICU list is the ISO 4217 set in circulation; it keeps us from shipping our own copy.
const isoCurrencies = new Set(Intl.supportedValuesOf('currency'));

export const Currency = z.string().check(
  z.refine((code) => isoCurrencies.has(code), { message: 'must be an ISO 4217 currency code, e.g. USD' }),
  z.meta({ description: 'ISO 4217 currency code', example: 'USD' }),
);

/** Money is always an integer number of the currency's minor units (cents for USD). */
export const Money = z.strictObject({
  amount: z.int().check(z.nonnegative(), z.meta({ description: 'integer minor units (cents for USD)' })),
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

export const money = (amount: number, currency: string): Money => ({ amount, currency });
