import currencyCodes from 'currency-codes';
import { englishNumberFormat } from '../englishNumberFormat.ts';

/*
 * How a statement line's explanation says amounts, rates and counts to the person paid: money in the
 * currency's units ("$12,500.00"), shares as percentages ("2%"), multipliers as factors ("×1.20"),
 * counts with their noun in the right number ("1 response", "2 responses").
 * Pure: the digits come from ISO 4217 (not the runtime's display data, which shows HUF or IDR
 * without decimals), and the decimal string is cut from the integer, never divided in floating point.
 */

const formats = new Map<string, Intl.NumberFormat>();

const digitsOf = (currency: string): number => {
  const digits = currencyCodes.code(currency)?.digits;
  if (digits === undefined) throw new RangeError(`${currency} is not an ISO 4217 currency with minor units`);
  return digits;
};

/** Integer minor units (a number or, for sums of deal values, a bigint) in the currency's units: 1250000 USD -> "$12,500.00". */
export const moneyInWords = (amount: number | bigint, currency: string): string => {
  let format = formats.get(currency);
  const digits = digitsOf(currency);
  if (!format) {
    format = new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(currency, format);
  }
  const integer = BigInt(amount);
  const magnitude = String(integer < 0n ? -integer : integer).padStart(digits + 1, '0');
  const point = magnitude.length - digits;
  const decimal = `${integer < 0n ? '-' : ''}${magnitude.slice(0, point)}${digits ? `.${magnitude.slice(point)}` : ''}`;
  return format.format(decimal as Intl.StringNumericLiteral);
};

/** A count with its noun, singular or plural as the count asks. */
export const countInWords = (count: number, singular: string, plural = `${singular}s`): string => `${count} ${count === 1 ? singular : plural}`;

const percent = englishNumberFormat({ maximumFractionDigits: 2 });

/** Basis points as a share: 200 -> "2%", 5000 -> "50%". */
export const bpsInWords = (bps: number): string => `${percent.format(bps / 100)}%`;

/** A fraction 0..1 as a percentage: 0.8 -> "80%". */
export const rateInWords = (rate: number): string => `${percent.format(rate * 100)}%`;

const factor = englishNumberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** A multiplier in basis points as a factor: 12000 -> "×1.20". */
export const multiplierInWords = (bps: number): string => `×${factor.format(bps / 10_000)}`;
