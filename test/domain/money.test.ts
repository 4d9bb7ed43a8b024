import { describe, expect, it } from 'vitest';
import { Currency, Money, money } from '../../domain/money.ts';

describe('Currency', () => {
  it.each(['USD', 'EUR', 'JPY', 'GBP'])('accepts the ISO 4217 code %s', (code) => {
    expect(Currency.safeParse(code).success).toBe(true);
  });

  it.each(['usd', 'Usd', 'XYZ', 'US', 'USDD', '', ' USD'])('rejects %j', (code) => {
    const result = Currency.safeParse(code);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must be an ISO 4217 currency code, e.g. USD');
  });

  it('rejects a non-string', () => {
    expect(Currency.safeParse(840).success).toBe(false);
  });
});

describe('Money', () => {
  it('is an integer number of minor units and a currency', () => {
    expect(Money.parse({ amount: 1250000, currency: 'USD' })).toEqual({ amount: 1250000, currency: 'USD' });
    expect(Money.parse({ amount: 0, currency: 'JPY' })).toEqual({ amount: 0, currency: 'JPY' });
  });

  it.each([
    ['negative', -1],
    ['fractional', 0.5],
    ['not a number', '100'],
    ['not finite', Number.POSITIVE_INFINITY],
    ['beyond safe integers', Number.MAX_SAFE_INTEGER + 2],
  ])('rejects an amount that is %s', (_what, amount) => {
    const result = Money.safeParse({ amount, currency: 'USD' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['amount']]);
  });

  it('rejects unknown fields and missing ones', () => {
    expect(Money.safeParse({ amount: 1, currency: 'USD', minor: true }).success).toBe(false);
    expect(Money.safeParse({ amount: 1 }).error?.issues.map((issue) => issue.path)).toEqual([['currency']]);
  });

  it('money() builds a Money value', () => {
    expect(money(500, 'EUR')).toEqual({ amount: 500, currency: 'EUR' });
    expect(Money.safeParse(money(500, 'EUR')).success).toBe(true);
  });
});
