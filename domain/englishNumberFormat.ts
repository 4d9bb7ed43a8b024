/** What a number format is used for here: formatting, in English. */
export interface EnglishNumberFormat {
  format(value: number | bigint | Intl.StringNumericLiteral): string;
}

/**
 * An English `Intl.NumberFormat` built the first time it formats. The first number format a process
 * builds loads the engine's number data, about 20 ms: made when its module loads, it would cost that
 * to every cold start of a function that never shows a number to a person.
 */
export const englishNumberFormat = (options: Intl.NumberFormatOptions): EnglishNumberFormat => {
  let format: Intl.NumberFormat | undefined;
  return { format: (value) => (format ??= new Intl.NumberFormat('en', options)).format(value) };
};
