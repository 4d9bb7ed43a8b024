import type { CloseClass } from '../../domain/cadence/weekFact.ts';
import type { WeeklyBrief } from '../../domain/cadence/weeklyBrief.ts';
import type { Money } from '../../domain/money.ts';
import { displayMoney } from '../reports/displayFormats.ts';

// The words the brief is read in, shared by its HTML and the terminal, so both say the same thing.

/** Each section's heading, in the order CADENCE.md lists them; the HTML marks each with its key. */
export const BRIEF_SECTIONS = [
  ['closes', 'Closes of the week, by engagement class'],
  ['deliveries', 'Deliveries of the week'],
  ['handoffs-returned', 'Handoffs returned'],
  ['escalations-overdue', 'Escalations open past their due time'],
  ['ops-load', 'Each ops team’s next 4 weeks'],
  ['forecasts', 'Forecast calls due'],
  ['nps', 'NPS answers of the week'],
] as const;

export const CLASS_LABELS: Record<CloseClass, string> = {
  'within-rules': 'Within the rules',
  approved: 'Approved by escalation',
  'outside-rules': 'Outside the rules',
  unclassified: 'Before the rules existed',
};

/** An instant as people in the business zone say it: "Tue 2 Mar 14:00". */
export const whenLabel = (instant: string, timeZone: string): string => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('hour')}:${part('minute')}`;
};

/** A day as people say it: "Mon 8 Mar". */
export const dayOnlyLabel = (instant: string, timeZone: string): string => whenLabel(instant, timeZone).split(' ').slice(0, 3).join(' ');

export const moneyLabel = (value: Money): string => displayMoney(value.amount, value.currency);

export const sumsLabel = (values: readonly Money[]): string => (values.length === 0 ? '—' : values.map(moneyLabel).join(' + '));

/** "2027-W10, Mon 8 Mar to Sun 14 Mar" (the week's last day is the day before the next week starts). */
export const weekLabel = (brief: Pick<WeeklyBrief, 'week' | 'from' | 'to' | 'timeZone'>): string =>
  `${brief.week}, ${dayOnlyLabel(brief.from, brief.timeZone)} to ${dayOnlyLabel(new Date(Date.parse(brief.to) - 1).toISOString(), brief.timeZone)}`;

/** Minutes as hours, as operations plans them: 2160 -> "36 h". */
export const hoursLabel = (minutes: number): string => `${Math.round((minutes / 60) * 10) / 10} h`;
