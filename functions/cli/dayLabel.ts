/**
 * A day as a salesperson says it, in the business time zone: "Mon 29 Mar". Assembled from parts so the
 * wording does not depend on how a Node build punctuates a locale.
 */
export const dayLabel = (instant: string, timeZone: string): string => {
  const parts = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')}`;
};
