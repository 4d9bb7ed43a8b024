import type { WeeklyBrief } from '../../domain/cadence/weeklyBrief.ts';
import { BRIEF_SECTIONS, CLASS_LABELS, dayOnlyLabel, hoursLabel, moneyLabel, sumsLabel, weekLabel, whenLabel } from '../cadence/briefWords.ts';
import { utilisationBar } from './capacityViewLines.ts';

const heading = (key: (typeof BRIEF_SECTIONS)[number][0]): string => BRIEF_SECTIONS.find(([k]) => k === key)![1];

const section = (key: (typeof BRIEF_SECTIONS)[number][0], lines: string[], empty: string): string[] => [
  '',
  heading(key),
  ...(lines.length ? lines.map((line) => `  ${line}`) : [`  ${empty}`]),
];

/**
 * The weekly brief as a terminal shows it: a line for each side's headline, then every section in
 * the order CADENCE.md lists them, one line per deal, escalation, team week, seller and answer.
 */
export const briefLines = (brief: WeeklyBrief): string[] => {
  const tz = brief.timeZone;
  const when = (instant: string) => whenLabel(instant, tz);
  const { sales, operations, both } = brief.summary;
  const deliveries = [...brief.deliveries.missed, ...brief.deliveries.kept];
  return [
    `Weekly brief ${weekLabel(brief)} (${tz})`,
    `  Sales:      ${sales.closes} closed, ${sales.forecastsMissing} forecast call(s) missing for ${brief.forecasts.month}`,
    `  Operations: ${operations.kept} kept, ${operations.missed} missed, ${operations.handoffsReturned} handoff(s) returned, ${operations.teamsOverCapacity} team(s) at risk`,
    `  Both:       ${both.escalationsOverdue} escalation(s) overdue, ${both.npsAnswers} NPS answer(s), ${both.detractors} detractor(s)`,
    ...section(
      'closes',
      brief.closes.flatMap((byClass) =>
        byClass.count === 0
          ? []
          : [
              `${CLASS_LABELS[byClass.class]}: ${byClass.count}, ${sumsLabel(byClass.value)}`,
              ...byClass.deals.map((deal) => `  ${deal.dealId} ${deal.customer.name}, ${moneyLabel(deal.value)}, by ${deal.sellerId} (${deal.salesTeam}), ${when(deal.closedAt)}, due ${dayOnlyLabel(deal.deliverBy, tz)}`),
            ],
      ),
      'No deal was closed in the week.',
    ),
    ...section(
      'deliveries',
      deliveries.map(
        (d) => `${d.kept ? 'kept  ' : 'MISSED'} ${d.dealId} ${d.customer.name}, ${d.opsTeam ?? 'no ops team'}, delivered ${when(d.deliveredAt)}, due ${when(d.deliverBy)}${d.why.length ? `: ${d.why.join('; ')}` : ''}`,
      ),
      'Nothing was delivered in the week.',
    ),
    ...section(
      'handoffs-returned',
      brief.handoffsReturned.map((r) => `${r.dealId} ${r.customer.name} (${r.sellerId}), returned ${when(r.returnedAt)} by ${r.opsTeam ?? 'operations'}: ${r.gaps.join(', ')}${r.note ? ` ("${r.note}")` : ''}`),
      'No handoff was returned in the week.',
    ),
    ...section(
      'escalations-overdue',
      brief.escalationsOverdue.map((e) => `${e.escalationId} for ${e.dealId} ${e.customer} (${e.sellerId}): first due ${when(e.firstDueBy)}, ${e.overdueHours} h overdue, now level ${e.level}`),
      'No escalation is waiting past its due time.',
    ),
    ...section(
      'ops-load',
      brief.opsTeams.flatMap((team) => [
        `${team.opsTeam}${team.capacityPublished ? '' : ' (no capacity published)'}`,
        ...team.weeks.map((w) => `  ${w.week}  ${hoursLabel(w.capacityMinutes).padStart(7)} capacity  ${hoursLabel(w.scheduledMinutes).padStart(7)} scheduled  ${utilisationBar(w.utilisationPercent)}`),
        ...(team.atRisk.length === 0
          ? ['  no commitment at risk']
          : team.atRisk.map((c) => `  at risk: ${c.dealId}, due ${dayOnlyLabel(c.deliverBy, tz)}, ${c.finishWeek ? `finishes ${c.finishWeek}` : 'not scheduled'}`)),
      ]),
      'No ops team has work in the catalogue.',
    ),
    ...section(
      'forecasts',
      [
        `for ${brief.forecasts.month}, due before ${when(brief.forecasts.dueBy)}`,
        ...brief.forecasts.notCalled.map((s) => `NOT CALLED ${s.personId} (${s.salesTeams.join(', ') || 'no team'})`),
        ...brief.forecasts.called.map((s) => `called     ${s.personId} (${s.salesTeams.join(', ') || 'no team'}): ${moneyLabel(s.commit)}, ${when(s.at)}`),
      ],
      '',
    ),
    ...section(
      'nps',
      brief.nps.map((a) => `${String(a.score).padStart(2)} ${a.category.padEnd(9)} ${a.customer?.name ?? 'unknown deal'}${a.dealId ? ` (${a.dealId})` : ''}${a.comment ? `: "${a.comment}"` : ''}`),
      'No NPS answer in the week.',
    ),
  ];
};
