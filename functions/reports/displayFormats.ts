import { englishNumberFormat } from '../../domain/englishNumberFormat.ts';
import { majorUnits, minorUnitDigits } from './majorUnits.ts';

// How the HTML report shows numbers to people; the JSON report and the payroll CSV keep them exact.

const currencyFormats = new Map<string, Intl.NumberFormat>();

/** Minor units shown in major units with the currency, e.g. -1205 USD -> "-$12.05". */
export const displayMoney = (amount: number, currency: string): string => {
  let format = currencyFormats.get(currency);
  if (!format) {
    const digits = minorUnitDigits(currency);
    format = new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    currencyFormats.set(currency, format);
  }
  // Formatting the exact decimal string, not amount / 100, so the shown cents are the paid cents.
  return format.format(majorUnits(amount, currency) as Intl.StringNumericLiteral);
};

const percentFormat = englishNumberFormat({ style: 'percent', maximumFractionDigits: 1 });
const oneDecimal = englishNumberFormat({ maximumFractionDigits: 1 });
const integerFormat = englishNumberFormat({ maximumFractionDigits: 0 });
const npsFormat = englishNumberFormat({ maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const multiplierFormat = englishNumberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 4 });

/** A fraction 0..1 as "85.7%"; null (nothing to divide) as "n/a". */
export const displayRate = (rate: number | null): string => (rate === null ? 'n/a' : percentFormat.format(rate));

/** A percentage 0..100 as "85.7%". */
export const displayPercent = (percent: number): string => `${oneDecimal.format(percent)}%`;

/** An NPS -100..100 as "+42"; null (no responses) as "n/a". */
export const displayNps = (score: number | null): string => (score === null ? 'n/a' : npsFormat.format(score));

export const displayCount = (count: number): string => integerFormat.format(count);

export const displayHours = (hours: number | null): string => (hours === null ? 'n/a' : `${oneDecimal.format(hours)} h`);

/** Basis points as a multiplier: 12000 -> "×1.20". */
export const displayMultiplier = (bps: number): string => `×${multiplierFormat.format(bps / 10000)}`;

/** A count with its noun, singular or plural as the count asks: "1 passive", "2 passives", "0 responses". */
export const countOf = (count: number, singular: string, plural = `${singular}s`): string =>
  `${displayCount(count)} ${count === 1 ? singular : plural}`;

const twoDecimals = englishNumberFormat({ maximumFractionDigits: 2 });

/** Basis points as a share: 200 -> "2%", 5000 -> "50%", 125 -> "1.25%". */
export const displayBps = (bps: number): string => `${twoDecimals.format(bps / 100)}%`;

const signedCount = englishNumberFormat({ maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const signedPoints = englishNumberFormat({ maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** A month-over-month change of a count or an NPS: "+2", "-1", "0"; null (nothing to compare) as "—". */
export const displayCountChange = (change: number | null): string => (change === null ? '—' : signedCount.format(change));

/** A change of a rate (fractions) in percentage points: 0.05 -> "+5 pts"; null as "—". */
export const displayRateChange = (change: number | null): string =>
  change === null ? '—' : `${signedPoints.format(Math.round(change * 1000) / 10)} pts`;

/** A change of money in the currency's units: "+$1,250.00", "-$80.50", "$0.00". */
export const displayMoneyChange = (amount: number, currency: string): string =>
  amount > 0 ? `+${displayMoney(amount, currency)}` : displayMoney(amount, currency);
