import type { Statement, StatementLine } from '../../domain/incentives/statements.ts';
import {
  countOf,
  displayBps,
  displayCount,
  displayCountChange,
  displayHours,
  displayMoney,
  displayMoneyChange,
  displayMultiplier,
  displayNps,
  displayPercent,
  displayRate,
  displayRateChange,
} from './displayFormats.ts';
import type { IncentiveReport, ReportDelivery } from './incentiveReport.ts';
import type { MonthChange } from './monthChange.ts';
import type { SideSummary, TeamScorecard } from './teamScorecards.ts';
import { monthLabel } from './monthLabels.ts';
import { htmlDocument } from './htmlDocument.ts';
import { REPORT_CSS } from './reportStyles.ts';
import { html, SafeHtml, type HtmlValue } from './safeHtml.ts';
import { svgLineChart, type LineChart } from './svgLineChart.ts';

// A constant of this codebase, not user text; escaping it would break the CSS's quoted font names.
const STYLESHEET = new SafeHtml(REPORT_CSS);

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const money = (amount: number, currency: string): SafeHtml =>
  html`<span class="${amount < 0 ? 'negative' : ''}">${displayMoney(amount, currency)}</span>`;

const tile = (term: string, figure: HtmlValue, detail?: HtmlValue, change?: string): SafeHtml =>
  html`<div><dt>${term}</dt><dd><span class="figure">${figure}</span>${detail ? html`<span class="detail">${detail}</span>` : ''}${change ? html`<span class="change" data-change>${change}</span>` : ''}</dd></div>`;

/** "vs September 2026: +2": how a headline figure moved since the month before. */
const versus = (change: MonthChange, moved: string): string => `vs ${monthLabel(change.previousMonth)}: ${moved}`;

const npsBreakdown = (nps: { responses: number; promoters: number; passives: number; detractors: number }): string =>
  `${countOf(nps.responses, 'response')}: ${countOf(nps.promoters, 'promoter')}, ${countOf(nps.passives, 'passive')}, ${countOf(nps.detractors, 'detractor')}`;

const ofDelivered = (count: number, delivered: number): string =>
  delivered === 0 ? 'nothing delivered' : `${displayCount(count)} of ${displayCount(delivered)} delivered`;

const scorecardSection = ({ scorecard: card, currency, change }: IncentiveReport): SafeHtml => {
  const { deals, delivery, handoff, nps, openCommitments } = card;
  return html`<section aria-labelledby="scorecard-heading">
<h2 id="scorecard-heading">Scorecard, ${monthLabel(card.month)}</h2>
<dl class="tiles" data-section="scorecard">
${tile('Deals closed', displayCount(deals.closed), `${displayCount(deals.cancelled)} cancelled`, versus(change, displayCountChange(change.dealsClosed)))}
${tile('Revenue closed', displayMoney(deals.revenueClosed.amount, deals.revenueClosed.currency), `in ${currency}; deals in other currencies are not counted`, versus(change, displayMoneyChange(change.revenueClosed.amount, change.revenueClosed.currency)))}
${tile('Delivered', displayCount(delivery.delivered), 'deliveries in the month, cancellations excluded', versus(change, displayCountChange(change.delivered)))}
${tile('On time', displayRate(delivery.onTimeRate), ofDelivered(delivery.onTime, delivery.delivered))}
${tile('As sold', displayRate(delivery.asSoldRate), ofDelivered(delivery.asSold, delivery.delivered))}
${tile('Promise kept', displayRate(delivery.promiseKeptRate), ofDelivered(delivery.promiseKept, delivery.delivered), versus(change, displayRateChange(change.promiseKeptRate)))}
${tile('Handoffs', displayCount(handoff.count), `checklist ${displayRate(handoff.averageCompleteness)} complete; median ${displayHours(handoff.medianHoursToHandoff)} from close to handoff`)}
${tile('NPS', displayNps(nps.score), npsBreakdown(nps), versus(change, displayCountChange(change.nps)))}
${tile('Open commitments', displayCount(openCommitments.count), `${displayCount(openCommitments.dueNext30Days)} due in the next 30 days; worth ${displayMoney(openCommitments.value.amount, openCommitments.value.currency)}`)}
</dl>
</section>`;
};

const ENGAGEMENT_CLASSES = [
  ['withinRules', 'Within the rules', 'sales decided alone (level 0)'],
  ['approved', 'Approved', 'closed on an approved escalation'],
  ['outsideRules', 'Outside the rules', 'needed a level it did not get, or was off the table'],
] as const;

/**
 * The rules of engagement at work: which promises were made inside the rules and whether each kind
 * was kept, and how the month's escalations went up the levels and how long they took.
 */
const engagementSection = ({ scorecard: card }: IncentiveReport): SafeHtml => {
  const { engagement } = card;
  const { escalations } = engagement;
  const classRows = ENGAGEMENT_CLASSES.map(
    ([key, label, meaning]) =>
      html`<tr data-class="${key}"><th scope="row">${label}</th><td class="num">${displayCount(engagement[key])}</td><td class="num">${displayRate(engagement.promiseKeptRate[key])}</td><td>${meaning}</td></tr>`,
  );
  const row = (term: string, value: HtmlValue, how: string): SafeHtml => html`<tr><th scope="row">${term}</th><td class="num">${value}</td><td>${how}</td></tr>`;
  return html`<section aria-labelledby="engagement-heading">
<h2 id="engagement-heading">Rules of engagement</h2>
<p class="note">Closes count in the month they closed; kept rates are of the month’s deliveries, by the class their deal closed under; deals closed before the rules existed count in no class.</p>
<table data-table="engagement-classes">
<thead><tr><th scope="col">Closed</th><th scope="col" class="num">Deals</th><th scope="col" class="num">Promise kept</th><th scope="col">Meaning</th></tr></thead>
<tbody>
${classRows}
</tbody>
</table>
<h3>Escalations opened in the month</h3>
<table data-table="escalations">
<thead><tr><th scope="col">Escalations</th><th scope="col" class="num">Count</th><th scope="col">How</th></tr></thead>
<tbody>
${row('Opened', displayCount(escalations.opened), 'proposals beyond what sales may commit alone')}
${row('Approved', displayCount(escalations.approved), 'approved, with or without a later date')}
${row('Rejected', displayCount(escalations.rejected), 'rejected by whoever the level called for')}
${row('Raised a level', displayCount(escalations.raised), 'not decided within the SLA of the level they opened at')}
${row('Decided by the owner', displayCount(escalations.decidedByOwner), 'decided at level 3')}
${row('Time to decision', displayHours(escalations.medianHoursToDecision), 'median from opening to decision')}
</tbody>
</table>
</section>`;
};

const RATE_TICKS = [0, 25, 50, 75, 100];
const NPS_TICKS = [-100, -50, 0, 50, 100];

const trendCharts = (report: IncentiveReport): LineChart[] => {
  const rateChart = (series: string, title: string, rateOf: (card: IncentiveReport['scorecard']) => number | null): LineChart => ({
    series,
    title,
    points: report.trend.map((card) => {
      const rate = rateOf(card);
      return { month: card.month, value: rate === null ? null : rate * 100 };
    }),
    min: 0,
    max: 100,
    ticks: RATE_TICKS,
    format: displayPercent,
  });
  return [
    rateChart('on-time-rate', 'On-time rate', (card) => card.delivery.onTimeRate),
    rateChart('as-sold-rate', 'As-sold rate', (card) => card.delivery.asSoldRate),
    rateChart('promise-kept-rate', 'Promise-kept rate', (card) => card.delivery.promiseKeptRate),
    {
      series: 'nps',
      title: 'NPS',
      points: report.trend.map((card) => ({ month: card.month, value: card.nps.score })),
      min: -100,
      max: 100,
      ticks: NPS_TICKS,
      format: displayNps,
    },
  ];
};

const trendSection = (report: IncentiveReport): SafeHtml => {
  const first = report.trend[0];
  const charts = trendCharts(report).map(
    (chart) => html`<figure>
<figcaption>${chart.title}</figcaption>
${svgLineChart(chart)}
</figure>`,
  );
  const rows = report.trend.map(
    (card) =>
      html`<tr><th scope="row">${monthLabel(card.month)}</th><td class="num">${displayCount(card.delivery.delivered)}</td><td class="num">${displayRate(card.delivery.onTimeRate)}</td><td class="num">${displayRate(card.delivery.asSoldRate)}</td><td class="num">${displayRate(card.delivery.promiseKeptRate)}</td><td class="num">${displayNps(card.nps.score)}</td><td class="num">${displayCount(card.nps.responses)}</td></tr>`,
  );
  return html`<section aria-labelledby="trend-heading">
<h2 id="trend-heading">Trend, ${first ? monthLabel(first.month) : ''} to ${monthLabel(report.month)}</h2>
<p class="note">A break in a line is a month with nothing to measure (no deliveries, or no NPS responses), not a zero.</p>
<div class="charts">
${charts}
</div>
<h3>The same months in figures</h3>
<table data-table="trend">
<thead><tr><th scope="col">Month</th><th scope="col" class="num">Delivered</th><th scope="col" class="num">On time</th><th scope="col" class="num">As sold</th><th scope="col" class="num">Promise kept</th><th scope="col" class="num">NPS</th><th scope="col" class="num">Responses</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
};

/** "80% needed, 75% reached": the gate as the plan set it and the month met it. */
const gateWords = (thresholds: IncentiveReport['thresholds']): string => {
  if (!thresholds) return 'no plan in force, so no gate';
  const { minPromiseKeptRate, promiseKeptRate } = thresholds.gate;
  const reached = promiseKeptRate === null ? 'nothing delivered' : `${displayRate(promiseKeptRate)} reached`;
  return `${displayRate(minPromiseKeptRate)} needed, ${reached}`;
};

/** "5 answers needed, 3 received": whether the month's NPS had enough answers to count. */
const npsMinimumWords = (thresholds: IncentiveReport['thresholds'], responses: number): string =>
  thresholds
    ? `${countOf(thresholds.nps.minResponses, 'answer')} needed, ${displayCount(responses)} received${thresholds.nps.counted ? '' : ': too few, the multiplier stays neutral'}`
    : `${countOf(responses, 'answer')} received in the month`;

const poolSection = ({ payout, currency, thresholds }: IncentiveReport): SafeHtml => {
  const c = payout.computation;
  const row = (step: string, value: HtmlValue, how: string): SafeHtml =>
    html`<tr><th scope="row">${step}</th><td class="num">${value}</td><td>${how}</td></tr>`;
  const gate = c.gatePassed ? 'passed' : html`<span class="gate-failed">not passed</span>`;
  return html`<section aria-labelledby="pool-heading">
<h2 id="pool-heading">The pool and how it was computed</h2>
<p class="meta">${payout.plan ? `Plan ${payout.plan.planId}, version ${payout.plan.version}.` : 'No plan was in force for the month, so there is no pool.'} Amounts in ${currency}.</p>
<table data-table="pool">
<thead><tr><th scope="col">Step</th><th scope="col" class="num">Value</th><th scope="col">How</th></tr></thead>
<tbody>
${row('Delivered', displayCount(c.delivered), 'deals delivered in the month and not cancelled')}
${row('Promise kept', displayCount(c.kept), 'delivered on time and as sold')}
${row('Promise-kept rate', displayRate(c.promiseKeptRate), 'kept ÷ delivered')}
${row('Gate', gate, `the pool is paid only when the promise-kept rate reaches the plan\u2019s minimum: ${gateWords(thresholds)}`)}
${row('Base pool', money(c.basePool.amount, c.basePool.currency), thresholds ? `${displayBps(thresholds.poolRateBps)} of the value of each kept deal, rounded half to even per deal` : 'no plan, no pool')}
${row('NPS responses', displayCount(c.npsResponses), npsMinimumWords(thresholds, c.npsResponses))}
${row('NPS', displayNps(c.nps), 'the month\u2019s net promoter score')}
${row('NPS multiplier', displayMultiplier(c.multiplierBps), !thresholds ? 'no plan: neutral' : thresholds.nps.counted ? 'the plan\u2019s band for the month\u2019s NPS' : 'neutral: too few answers to count')}
</tbody>
<tfoot>
${row('Pool', money(payout.pool.amount, payout.pool.currency), 'base pool × multiplier, rounded half to even')}
${row('Sales pool', money(c.salesPool.amount, c.salesPool.currency), thresholds ? `${displayBps(thresholds.salesShareBps)} of the pool` : 'the plan\u2019s sales share of the pool')}
${row('Ops pool', money(c.opsPool.amount, c.opsPool.currency), thresholds ? `the rest of the pool (${displayBps(10_000 - thresholds.salesShareBps)})` : 'the rest of the pool')}
</tfoot>
</table>
</section>`;
};

const teamRow = ({ team, side, scorecard: card, change }: TeamScorecard): SafeHtml =>
  html`<tr data-team="${team}" data-side="${side}"><th scope="row" class="person">${team}</th><td class="num">${displayCount(card.deals.closed)}</td><td class="num">${displayMoney(card.deals.revenueClosed.amount, card.deals.revenueClosed.currency)}</td><td class="num">${displayCount(card.delivery.delivered)}</td><td class="num">${displayRate(card.delivery.promiseKeptRate)}<span class="change">${displayRateChange(change.promiseKeptRate)}</span></td><td class="num">${displayNps(card.nps.score)}<span class="change">${countOf(card.nps.responses, 'answer')}</span></td></tr>`;

const sideTotalRow = (summary: SideSummary): SafeHtml =>
  html`<tr><th scope="row">All ${summary.side} teams</th><td class="num">${displayCount(summary.dealsClosed)}</td><td class="num">${displayMoney(summary.revenueClosed.amount, summary.revenueClosed.currency)}</td><td class="num">${displayCount(summary.delivered)}</td><td class="num">${displayRate(summary.promiseKeptRate)}</td><td class="num">${displayNps(summary.nps)}</td></tr>`;

const sideTeamsTable = (side: 'sales' | 'ops', teams: readonly TeamScorecard[], summary: SideSummary): SafeHtml => html`<div>
<h3>${side === 'sales' ? 'Sales teams' : 'Ops teams'}</h3>
<table data-table="${side}-teams">
<thead><tr><th scope="col">Team</th><th scope="col" class="num">Closed</th><th scope="col" class="num">Revenue</th><th scope="col" class="num">Delivered</th><th scope="col" class="num">Promise kept</th><th scope="col" class="num">NPS</th></tr></thead>
<tbody>
${teams.length ? teams.map(teamRow) : html`<tr><td colspan="6" class="note">No ${side} team sold or delivered in the month.</td></tr>`}
</tbody>
<tfoot>${sideTotalRow(summary)}</tfoot>
</table>
</div>`;

/** Both sides of the promise next to each other: each team's month, its change in promise-kept rate, its NPS. */
const teamsSection = ({ teams, sides, change }: IncentiveReport): SafeHtml => html`<section aria-labelledby="teams-heading">
<h2 id="teams-heading">Scorecard by team</h2>
<p class="note">A deal counts for its sales team and, once handed off, its ops team. Teams listed are those that closed or delivered a deal in the month; under each promise-kept rate, its change in points since ${monthLabel(change.previousMonth)}.</p>
<div class="sides">
${sideTeamsTable('sales', teams.sales, sides.sales)}
${sideTeamsTable('ops', teams.ops, sides.ops)}
</div>
</section>`;

const sideRow = (term: string, sales: HtmlValue, ops: HtmlValue): SafeHtml =>
  html`<tr><th scope="row">${term}</th><td class="num">${sales}</td><td class="num">${ops}</td></tr>`;

/** Each side's month in one table: what its teams did and what its people were paid. */
const sidesSection = ({ sides: { sales, ops } }: IncentiveReport): SafeHtml => {
  const both = (figure: (summary: SideSummary) => HtmlValue) => [figure(sales), figure(ops)] as const;
  return html`<section aria-labelledby="sides-heading">
<h2 id="sides-heading">Sales and ops, side by side</h2>
<table data-table="sides">
<thead><tr><th scope="col"></th><th scope="col" class="num">Sales</th><th scope="col" class="num">Ops</th></tr></thead>
<tbody>
${sideRow('Teams', ...both((side) => displayCount(side.teams)))}
${sideRow('Deals closed', ...both((side) => displayCount(side.dealsClosed)))}
${sideRow('Revenue closed', ...both((side) => displayMoney(side.revenueClosed.amount, side.revenueClosed.currency)))}
${sideRow('Delivered', ...both((side) => displayCount(side.delivered)))}
${sideRow('Promise kept', ...both((side) => `${displayRate(side.promiseKeptRate)} (${displayCount(side.promiseKept)} of ${displayCount(side.delivered)})`))}
${sideRow('NPS', ...both((side) => `${displayNps(side.nps)} (${countOf(side.npsResponses, 'answer')})`))}
${sideRow('People paid', ...both((side) => countOf(side.people, 'person', 'people')))}
</tbody>
<tfoot>
${sideRow('Share of the pool', ...both((side) => money(side.pool.amount, side.pool.currency)))}
${sideRow('Statements total', ...both((side) => money(side.paid.amount, side.paid.currency)))}
</tfoot>
</table>
</section>`;
};

const deliveryRow = (delivery: ReportDelivery): SafeHtml => {
  const value = displayMoney(delivery.value.amount, delivery.value.currency);
  return html`<tr data-deal-id="${delivery.dealId}"${delivery.refunded ? html` class="refunded"` : ''}><td class="person">${delivery.dealId}</td><td class="person">${delivery.sellerId}</td><td class="person">${delivery.opsId}</td><td class="num">${delivery.refunded ? html`<s>${value}</s> <span class="pill">refunded</span>` : value}</td></tr>`;
};

/** The month's deliveries, whose value funds the pool; a refunded one shows its revenue as refunded and funds nothing. */
const deliveriesSection = ({ deliveries }: IncentiveReport): SafeHtml => {
  const refunded = deliveries.filter((delivery) => delivery.refunded);
  return html`<section aria-labelledby="deliveries-heading">
<h2 id="deliveries-heading">Deliveries</h2>
<p class="note">${countOf(deliveries.length, 'deal')} delivered in the month${refunded.length ? `; ${countOf(refunded.length, 'deal')} refunded since, ${refunded.length === 1 ? 'its' : 'their'} revenue refunded and credited to nobody` : ''}.</p>
<table data-table="deliveries">
<thead><tr><th scope="col">Deal</th><th scope="col">Seller</th><th scope="col">Delivered by</th><th scope="col" class="num">Revenue</th></tr></thead>
<tbody>
${deliveries.length ? deliveries.map(deliveryRow) : html`<tr><td colspan="4" class="note">Nothing delivered in the month.</td></tr>`}
</tbody>
</table>
</section>`;
};

const lineRow = (line: StatementLine): SafeHtml =>
  html`<tr><td>${line.kind}</td><td>${line.month}</td><td>${line.dealIds.join(', ')}</td><td>${line.rule}</td><td>${line.explanation}</td><td class="num">${money(line.amount.amount, line.amount.currency)}</td></tr>`;

const statementDetail = (statement: Statement): SafeHtml => html`<section class="statement" data-person-id="${statement.personId}" data-side="${statement.side}">
<h3><span class="person">${statement.personId}</span> <span class="pill">${statement.side}</span></h3>
<table>
<thead><tr><th scope="col">Kind</th><th scope="col">Month</th><th scope="col">Deals</th><th scope="col">Rule</th><th scope="col">Explanation</th><th scope="col" class="num">Amount</th></tr></thead>
<tbody>
${statement.lines.length ? statement.lines.map(lineRow) : html`<tr><td colspan="6" class="note">No lines.</td></tr>`}
</tbody>
<tfoot><tr><th scope="row" colspan="5">Total</th><td class="num">${money(statement.total.amount, statement.total.currency)}</td></tr></tfoot>
</table>
</section>`;

const statementsSection = ({ payout, currency }: IncentiveReport): SafeHtml => {
  const statements = [...payout.statements].sort(
    (a, b) => byCodeUnits(a.personId, b.personId) || byCodeUnits(a.side, b.side),
  );
  const sum = statements.reduce((total, statement) => total + statement.total.amount, 0);
  const rows = statements.map(
    (statement) =>
      html`<tr data-person-id="${statement.personId}" data-side="${statement.side}"><td class="person">${statement.personId}</td><td>${statement.side}</td><td class="num">${displayCount(statement.lines.length)}</td><td class="num">${money(statement.total.amount, statement.total.currency)}</td></tr>`,
  );
  return html`<section aria-labelledby="statements-heading">
<h2 id="statements-heading">Statements</h2>
<table data-table="statements">
<thead><tr><th scope="col">Person</th><th scope="col">Side</th><th scope="col" class="num">Lines</th><th scope="col" class="num">Total</th></tr></thead>
<tbody>
${rows.length ? rows : html`<tr><td colspan="4" class="note">No statements for the month.</td></tr>`}
</tbody>
<tfoot><tr><th scope="row" colspan="3">All statements</th><td class="num">${money(sum, currency)}</td></tr></tfoot>
</table>
${statements.map(statementDetail)}
</section>`;
};

const issuedAtText = (report: IncentiveReport): string =>
  new Intl.DateTimeFormat('en', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: report.timeZone,
    timeZoneName: 'short',
  }).format(
    new Date(report.issuedAt),
  );

/**
 * The month's report for leadership as one self-contained HTML5 document: it fetches nothing, runs
 * no script, and reads the same on screen, offline and on paper. Every text value is escaped.
 */
export const renderHtmlReport = (report: IncentiveReport): string =>
  htmlDocument({
    title: `Incentive report, ${monthLabel(report.month)}`,
    stylesheet: STYLESHEET,
    eyebrow: 'Handshake · joint sales and ops incentive',
    meta: html`Issued <time datetime="${report.issuedAt}">${issuedAtText(report)}</time>. Months are calendar months in ${report.timeZone}; amounts in ${report.currency}.`,
    sections: [
      scorecardSection(report),
      teamsSection(report),
      sidesSection(report),
      engagementSection(report),
      trendSection(report),
      poolSection(report),
      deliveriesSection(report),
      statementsSection(report),
    ],
  });
