import type { Month } from '../../domain/calendar.ts';

// Fixed English names rather than Intl dates: a month is a calendar label, not an instant, so no
// time zone may shift it into the month before.
const NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const partsOf = (month: Month): { year: string; name: string } => {
  const [year = '', number = ''] = month.split('-');
  return { year, name: NAMES[Number(number) - 1] ?? month };
};

/** "2026-10" -> "October 2026". */
export const monthLabel = (month: Month): string => {
  const { year, name } = partsOf(month);
  return `${name} ${year}`;
};

/** "2026-10" -> "Oct". */
export const shortMonthLabel = (month: Month): string => partsOf(month).name.slice(0, 3);

/** "2026-10" -> "2026". */
export const yearOf = (month: Month): string => partsOf(month).year;
