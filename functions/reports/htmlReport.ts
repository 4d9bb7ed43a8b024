import type { Statement, StatementLine } from '../../domain/incentives/statements.ts';
import {
  displayCount,
  displayHours,
  displayMoney,
  displayMultiplier,
  displayNps,
  displayPercent,
  displayRate,
} from './displayFormats.ts';
import type { IncentiveReport } from './incentiveReport.ts';
import { monthLabel } from './monthLabels.ts';
import { REPORT_CSS } from './reportStyles.ts';
import { html, SafeHtml, type HtmlValue } from './safeHtml.ts';
import { svgLineChart, type LineChart } from './svgLineChart.ts';

// The document forbids itself everything but inline styles and data: images, so even markup that
// slipped past escaping could not run; the server's own CSP header may only be stricter.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// A constant of this codebase, not user text; escaping it would break the CSS's quoted font names.
const STYLESHEET = new SafeHtml(REPORT_CSS);

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const money = (amount: number, currency: string): SafeHtml =>
  html`<span class="${amount < 0 ? 'negative' : ''}">${displayMoney(amount, currency)}</span>`;

const tile = (term: string, figure: HtmlValue, detail?: HtmlValue): SafeHtml =>
  html`<div><dt>${term}</dt><dd><span class="figure">${figure}</span>${detail ? html`<span class="detail">${detail}</span>` : ''}</dd></div>`;

const ofDelivered = (count: number, delivered: number): string =>
  delivered === 0 ? 'nothing delivered' : `${displayCount(count)} of ${displayCount(delivered)} delivered`;

const scorecardSection = ({ scorecard: card, currency }: IncentiveReport): SafeHtml => {
  const { deals, delivery, handoff, nps, openCommitments } = card;
  return html`<section aria-labelledby="scorecard-heading">
<h2 id="scorecard-heading">Scorecard, ${monthLabel(card.month)}</h2>
<dl class="tiles" data-section="scorecard">
${tile('Deals closed', displayCount(deals.closed), `${displayCount(deals.cancelled)} cancelled`)}
${tile('Revenue closed', displayMoney(deals.revenueClosed.amount, deals.revenueClosed.currency), `in ${currency}; deals in other currencies are not counted`)}
${tile('Delivered', displayCount(delivery.delivered), 'deliveries in the month, cancellations excluded')}
${tile('On time', displayRate(delivery.onTimeRate), ofDelivered(delivery.onTime, delivery.delivered))}
${tile('As sold', displayRate(delivery.asSoldRate), ofDelivered(delivery.asSold, delivery.delivered))}
${tile('Promise kept', displayRate(delivery.promiseKeptRate), ofDelivered(delivery.promiseKept, delivery.delivered))}
${tile('Handoffs', displayCount(handoff.count), `checklist ${displayRate(handoff.averageCompleteness)} complete; median ${displayHours(handoff.medianHoursToHandoff)} from close to handoff`)}
${tile('NPS', displayNps(nps.score), `${displayCount(nps.responses)} responses: ${displayCount(nps.promoters)} promoters, ${displayCount(nps.passives)} passives, ${displayCount(nps.detractors)} detractors`)}
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

const poolSection = ({ payout, currency }: IncentiveReport): SafeHtml => {
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
${row('Gate', gate, 'the pool is paid only when the promise-kept rate reaches the plan\u2019s minimum')}
${row('Base pool', money(c.basePool.amount, c.basePool.currency), 'the plan\u2019s share of each kept deal\u2019s value, rounded half to even per deal')}
${row('NPS responses', displayCount(c.npsResponses), 'responses given in the month')}
${row('NPS', displayNps(c.nps), 'the month\u2019s net promoter score')}
${row('NPS multiplier', displayMultiplier(c.multiplierBps), `${displayCount(c.multiplierBps)} basis points; neutral when there are too few responses`)}
</tbody>
<tfoot>
${row('Pool', money(payout.pool.amount, payout.pool.currency), 'base pool × multiplier, rounded half to even')}
${row('Sales pool', money(c.salesPool.amount, c.salesPool.currency), 'the plan\u2019s sales share of the pool')}
${row('Ops pool', money(c.opsPool.amount, c.opsPool.currency), 'the rest of the pool')}
</tfoot>
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
export const renderHtmlReport = (report: IncentiveReport): string => {
  const title = `Incentive report, ${monthLabel(report.month)}`;
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${STYLESHEET}</style>
</head>
<body>
<header>
<p class="eyebrow">Handshake · joint sales and ops incentive</p>
<h1>${title}</h1>
<p class="meta">Issued <time datetime="${report.issuedAt}">${issuedAtText(report)}</time>. Months are calendar months in ${report.timeZone}; amounts in ${report.currency}.</p>
</header>
<main>
${scorecardSection(report)}
${engagementSection(report)}
${trendSection(report)}
${poolSection(report)}
${statementsSection(report)}
</main>
</body>
</html>
`.markup;
};
