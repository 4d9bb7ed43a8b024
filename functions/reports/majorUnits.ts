import currencyCodes from 'currency-codes';

/**
 * How many minor-unit digits the currency has by ISO 4217 (USD 2, JPY 0, BHD 3, HUF 2). Not the
 * runtime's display data: ICU shows HUF, IDR or IQD without decimals, which would write 12345 HUF
 * minor units as "12345" instead of "123.45".
 */
export const minorUnitDigits = (currency: string): number => {
  const digits = currencyCodes.code(currency)?.digits;
  if (digits === undefined) throw new RangeError(`${currency} is not an ISO 4217 currency with minor units`);
  return digits;
};

/**
 * An integer amount of minor units as a decimal string of major units with exactly the currency's
 * digits: 1205 USD -> "12.05", -1205 USD -> "-12.05", 1205 JPY -> "1205", 1205 BHD -> "1.205".
 * Done on the digits of the integer, because dividing by 100 in floating point is how payroll
 * ends up a cent off.
 */
export const majorUnits = (amount: number, currency: string): string => {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`not an integer amount of minor units: ${amount}`);
  const digits = minorUnitDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const magnitude = String(Math.abs(amount)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${magnitude}`;
  const point = magnitude.length - digits;
  return `${sign}${magnitude.slice(0, point)}.${magnitude.slice(point)}`;
};
