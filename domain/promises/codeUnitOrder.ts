/** Plain code-unit order of ids: the same on every machine and locale, so anyone recomputing an answer lists it alike. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
