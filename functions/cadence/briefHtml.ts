import type { WeeklyBrief } from '../../domain/cadence/weeklyBrief.ts';
import { displayCount, displayPercent } from '../reports/displayFormats.ts';
import { htmlDocument } from '../reports/htmlDocument.ts';
import { REPORT_CSS } from '../reports/reportStyles.ts';
import { html, SafeHtml, type HtmlValue } from '../reports/safeHtml.ts';
import { BRIEF_SECTIONS, CLASS_LABELS, dayOnlyLabel, hoursLabel, moneyLabel, sumsLabel, weekLabel, whenLabel } from './briefWords.ts';

// Like the monthly report: nothing but inline styles may load or run, whatever slipped into the text.

// Constants of this codebase, not user text: the monthly report's stylesheet and the brief's two columns.
const STYLESHEET = new SafeHtml(`${REPORT_CSS}
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; }
.sides > section { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 4px 14px 12px; }
.sides h2 { margin-top: 12px; }
.missed { color: var(--negative); }
`);

const headingOf = (key: (typeof BRIEF_SECTIONS)[number][0]): string => BRIEF_SECTIONS.find(([k]) => k === key)![1];

const section = (key: (typeof BRIEF_SECTIONS)[number][0], body: HtmlValue): SafeHtml => html`<section data-section="${key}" aria-labelledby="${key}-heading">
<h2 id="${key}-heading">${headingOf(key)}</h2>
${body}
</section>`;

const table = (name: string, headings: readonly string[], rows: readonly SafeHtml[], empty: string): SafeHtml => html`<table data-table="${name}">
<thead><tr>${headings.map((heading) => html`<th scope="col">${heading}</th>`)}</tr></thead>
<tbody>
${rows.length ? rows : html`<tr><td colspan="${headings.length}" class="note">${empty}</td></tr>`}
</tbody>
</table>`;

const summary = (brief: WeeklyBrief): SafeHtml => {
  const { sales, operations, both } = brief.summary;
  const item = (term: string, figure: number, detail: string): SafeHtml =>
    html`<div><dt>${term}</dt><dd><span class="figure">${displayCount(figure)}</span><span class="detail">${detail}</span></dd></div>`;
  return html`<div class="sides" data-section="summary">
<section aria-label="Sales"><h2>Sales</h2><dl class="tiles">
${item('Closes', sales.closes, 'deals signed in the week')}
${item('Forecast calls missing', sales.forecastsMissing, `for ${brief.forecasts.month}`)}
${item('Escalations overdue', both.escalationsOverdue, 'waiting past their first due time')}
</dl></section>
<section aria-label="Operations"><h2>Operations</h2><dl class="tiles">
${item('Promises kept', operations.kept, 'delivered on time and as sold')}
${item('Promises missed', operations.missed, 'late, or not as sold')}
${item('Handoffs returned', operations.handoffsReturned, 'sent back to sales with gaps')}
${item('Teams at risk', operations.teamsOverCapacity, 'a commitment at risk or a week over capacity')}
</dl></section>
<section aria-label="Customers"><h2>Customers</h2><dl class="tiles">
${item('NPS answers', both.npsAnswers, `${displayCount(both.detractors)} detractors`)}
</dl></section>
</div>`;
};

const closesSection = (brief: WeeklyBrief): SafeHtml => {
  const rows = brief.closes.flatMap((byClass) =>
    byClass.deals.map(
      (deal) =>
        html`<tr data-class="${byClass.class}" data-deal-id="${deal.dealId}"><td>${CLASS_LABELS[byClass.class]}</td><td>${deal.dealId}</td><td>${deal.customer.name}</td><td class="person">${deal.sellerId}</td><td>${deal.salesTeam}</td><td class="num">${moneyLabel(deal.value)}</td><td>${whenLabel(deal.closedAt, brief.timeZone)}</td><td>${dayOnlyLabel(deal.deliverBy, brief.timeZone)}</td></tr>`,
    ),
  );
  const totals = brief.closes.map(
    (byClass) => html`<tr data-class="${byClass.class}"><th scope="row">${CLASS_LABELS[byClass.class]}</th><td class="num">${displayCount(byClass.count)}</td><td class="num">${sumsLabel(byClass.value)}</td></tr>`,
  );
  return section(
    'closes',
    html`${table('close-classes', ['Class', 'Deals', 'Value'], totals, '')}
<h3>The deals</h3>
${table('closes', ['Class', 'Deal', 'Customer', 'Seller', 'Sales team', 'Value', 'Closed', 'Promised by'], rows, 'No deal was closed in the week.')}`,
  );
};

const deliveriesSection = (brief: WeeklyBrief): SafeHtml => {
  const row = (delivery: WeeklyBrief['deliveries']['kept'][number]) =>
    html`<tr data-deal-id="${delivery.dealId}" class="${delivery.kept ? '' : 'missed'}"><td>${delivery.kept ? 'kept' : 'missed'}</td><td>${delivery.dealId}</td><td>${delivery.customer.name}</td><td>${delivery.opsTeam ?? '—'}</td><td class="person">${delivery.sellerId}</td><td>${whenLabel(delivery.deliveredAt, brief.timeZone)}</td><td>${whenLabel(delivery.deliverBy, brief.timeZone)}</td><td>${delivery.why.join('; ') || 'on time, as sold'}</td></tr>`;
  return section(
    'deliveries',
    html`<p class="meta">${displayCount(brief.deliveries.kept.length)} kept, ${displayCount(brief.deliveries.missed.length)} missed.</p>
${table('deliveries', ['Promise', 'Deal', 'Customer', 'Ops team', 'Seller', 'Delivered', 'Due', 'Why'], [...brief.deliveries.missed.map(row), ...brief.deliveries.kept.map(row)], 'Nothing was delivered in the week.')}`,
  );
};

const returnsSection = (brief: WeeklyBrief): SafeHtml =>
  section(
    'handoffs-returned',
    table(
      'handoffs-returned',
      ['Deal', 'Customer', 'Seller', 'Ops team', 'Returned', 'Gaps', 'Note'],
      brief.handoffsReturned.map(
        (returned) =>
          html`<tr data-deal-id="${returned.dealId}"><td>${returned.dealId}</td><td>${returned.customer.name}</td><td class="person">${returned.sellerId}</td><td>${returned.opsTeam ?? '—'}</td><td>${whenLabel(returned.returnedAt, brief.timeZone)}</td><td>${returned.gaps.join(', ')}</td><td>${returned.note ?? ''}</td></tr>`,
      ),
      'No handoff was returned in the week.',
    ),
  );

const escalationsSection = (brief: WeeklyBrief): SafeHtml =>
  section(
    'escalations-overdue',
    table(
      'escalations-overdue',
      ['Escalation', 'Deal', 'Customer', 'Seller', 'Opened', 'First due', 'Overdue', 'Level now'],
      brief.escalationsOverdue.map(
        (escalation) =>
          html`<tr data-escalation-id="${escalation.escalationId}"><td>${escalation.escalationId}</td><td>${escalation.dealId}</td><td>${escalation.customer}</td><td class="person">${escalation.sellerId}</td><td>${whenLabel(escalation.openedAt, brief.timeZone)}</td><td>${whenLabel(escalation.firstDueBy, brief.timeZone)}</td><td class="num">${displayCount(escalation.overdueHours)} h</td><td class="num">${escalation.level}</td></tr>`,
      ),
      'No escalation is waiting past its due time.',
    ),
  );

const loadSection = (brief: WeeklyBrief): SafeHtml => {
  const teams = brief.opsTeams.map(
    (team) => html`<section data-ops-team="${team.opsTeam}">
<h3>${team.opsTeam}${team.capacityPublished ? '' : html` <span class="pill">no capacity published</span>`}</h3>
${table(
  `load-${team.opsTeam}`,
  ['Week', 'Capacity', 'Scheduled', 'Load'],
  team.weeks.map(
    (week) =>
      html`<tr class="${week.scheduledMinutes > week.capacityMinutes ? 'missed' : ''}"><th scope="row">${week.week}</th><td class="num">${hoursLabel(week.capacityMinutes)}</td><td class="num">${hoursLabel(week.scheduledMinutes)}</td><td class="num">${week.utilisationPercent === null ? 'n/a' : displayPercent(week.utilisationPercent)}</td></tr>`,
  ),
  '',
)}
<p class="meta">${team.atRisk.length === 0 ? 'No commitment at risk.' : html`At risk: ${team.atRisk.map((c, i) => html`${i ? ', ' : ''}<span data-at-risk="${c.dealId}">${c.dealId} (due ${dayOnlyLabel(c.deliverBy, brief.timeZone)}${c.finishWeek ? `, finishes ${c.finishWeek}` : ', not scheduled'})</span>`)}`}</p>
</section>`,
  );
  return section('ops-load', teams.length ? teams : html`<p class="note">No ops team has work in the catalogue.</p>`);
};

const forecastsSection = (brief: WeeklyBrief): SafeHtml => {
  const { forecasts } = brief;
  return section(
    'forecasts',
    html`<p class="meta">The call for ${forecasts.month} is each seller’s latest forecast before ${whenLabel(forecasts.dueBy, brief.timeZone)}.</p>
${table(
  'forecasts',
  ['Seller', 'Sales team', 'Call', 'Made'],
  [
    ...forecasts.notCalled.map((seller) => html`<tr data-person-id="${seller.personId}" class="missed"><td class="person">${seller.personId}</td><td>${seller.salesTeams.join(', ')}</td><td>not called yet</td><td></td></tr>`),
    ...forecasts.called.map((seller) => html`<tr data-person-id="${seller.personId}"><td class="person">${seller.personId}</td><td>${seller.salesTeams.join(', ')}</td><td class="num">${moneyLabel(seller.commit)}</td><td>${whenLabel(seller.at, brief.timeZone)}</td></tr>`),
  ],
  'No seller is known yet.',
)}`,
  );
};

const npsSection = (brief: WeeklyBrief): SafeHtml =>
  section(
    'nps',
    table(
      'nps',
      ['Score', 'Customer', 'Deal', 'Comment', 'Answered'],
      brief.nps.map(
        (answer) =>
          html`<tr data-category="${answer.category}" class="${answer.category === 'detractor' ? 'missed' : ''}"><td class="num">${answer.score}</td><td>${answer.customer?.name ?? 'unknown deal'}</td><td>${answer.dealId ?? '—'}</td><td>${answer.comment ?? ''}</td><td>${whenLabel(answer.respondedAt, brief.timeZone)}</td></tr>`,
      ),
      'No NPS answer in the week.',
    ),
  );

/**
 * The weekly brief as one self-contained HTML5 document, like the monthly report: it fetches nothing,
 * runs no script, and every text value (customer names, comments, notes) is escaped.
 */
export const renderBriefHtml = (brief: WeeklyBrief): string =>
  htmlDocument({
    title: `Weekly brief, ${weekLabel(brief)}`,
    stylesheet: STYLESHEET,
    eyebrow: 'Handshake · the week behind and the weeks ahead, for sales and operations',
    meta: html`Prepared <time datetime="${brief.preparedAt}">${whenLabel(brief.preparedAt, brief.timeZone)}</time>. Days and times in ${brief.timeZone}.`,
    sections: [
      summary(brief),
      closesSection(brief),
      deliveriesSection(brief),
      returnsSection(brief),
      escalationsSection(brief),
      loadSection(brief),
      forecastsSection(brief),
      npsSection(brief),
    ],
  });
