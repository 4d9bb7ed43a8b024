import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, type Month } from '../../domain/calendar.ts';
import type { IncentivePlan } from '../../domain/incentives/plan.ts';
import type { DeliveredDeal, MonthPayout, StatementLine } from '../../domain/incentives/statements.ts';
import type { Scorecard } from '../../domain/scorecard/scorecard.ts';
import { renderHtmlReport } from '../../functions/reports/htmlReport.ts';
import { buildIncentiveReport, reportJson, type IncentiveReport } from '../../functions/reports/incentiveReport.ts';
import { launchChromium } from '../support/browser.ts';
import { closeServer, openWatched, serveUnderStrictCsp } from '../support/pageUnderCsp.ts';

/*
 * The leadership report of October 2026, opened in real headless Chromium under the strictest CSP
 * the report allows itself (inline styles and data: images, nothing else).
 *
 * Trend: November 2025 .. October 2026. February 2026 delivered nothing (rates null, a gap in the three
 * rate charts); April 2026 had no NPS responses (a gap in the NPS chart).
 * Payout: the worked example of INCENTIVES.md (pool $360.00, sales $180.00, ops $180.00):
 *   S1 $110.00 | S2 $70.00 earned - $80.50 clawback for September's cancelled D0 = -$10.50
 *   O1 $150.00 | O2 $30.00 | a person id `<script>alert(1)</script>` with a $12.34 adjustment whose
 *   explanation tries to be an <img onerror>.
 * Plan: README's joint plan (2% of kept value, gate 80%, 5 answers for the NPS to count, 50/50 split);
 * October reached 80% and had 2 answers. Against September: 1 more close, $12,500.00 more revenue,
 * 1 more delivery, NPS +14 after +15 (-1).
 * Teams: sales T-SALES-A (1 promoter, 1 passive) and T-SALES-B, ops T-OPS (nothing delivered in
 * September: its promise-kept change is "—"). Deliveries D1..D5, and D-REF delivered then refunded.
 * The screenshot of the whole page goes to test-output/ (ignored by git).
 */

const MONTH: Month = '2026-10';
const HOSTILE_ID = '<script>alert(1)</script>';
const HOSTILE_EXPLANATION = '"><img src=x onerror=alert(2)> recomputed September';
const TREND_MONTHS = Array.from({ length: 12 }, (_, index) => addMonths(MONTH, index - 11));
const NO_DELIVERIES: Month = '2026-02';
const NO_NPS: Month = '2026-04';

const usd = (amount: number) => ({ amount, currency: 'USD' });

const scorecardOf = (month: Month, index: number): Scorecard => {
  const delivered = month === NO_DELIVERIES ? 0 : 8 + (index % 4);
  const onTime = Math.max(0, delivered - 1 - (index % 3));
  const asSold = Math.max(0, delivered - (index % 2));
  const promiseKept = Math.min(onTime, asSold);
  const rate = (part: number) => (delivered === 0 ? null : part / delivered);
  const responses = month === NO_NPS ? 0 : 10 + index;
  const promoters = month === NO_NPS ? 0 : 5 + (index % 5);
  const detractors = month === NO_NPS ? 0 : 1 + (index % 3);
  return {
    month,
    dimension: 'org',
    deals: { closed: 9 + index, revenueClosed: usd(1_250_000 * (index + 1)), cancelled: index % 2 },
    delivery: { delivered, onTime, asSold, promiseKept, onTimeRate: rate(onTime), asSoldRate: rate(asSold), promiseKeptRate: rate(promiseKept) },
    handoff: { count: 7, averageCompleteness: 0.875, medianHoursToHandoff: 4.5, returned: 0, firstTimeRight: 1 },
    nps: {
      responses,
      promoters,
      passives: responses - promoters - detractors,
      detractors,
      score: responses === 0 ? null : Math.round(((promoters - detractors) * 100) / responses),
    },
    openCommitments: { count: 12, dueNext30Days: 5, value: usd(3_400_000) },
    engagement: {
      withinRules: 6,
      approved: 2,
      outsideRules: 1,
      promiseKeptRate: { withinRules: 0.75, approved: 1, outsideRules: null },
      escalations: { opened: 4, approved: 2, rejected: 1, raised: 2, decidedByOwner: 1, medianHoursToDecision: 30.5 },
    },
  };
};

const line = (kind: StatementLine['kind'], dealIds: string[], amount: number, rule: StatementLine['rule'], explanation: string, month: Month = MONTH): StatementLine => ({
  kind,
  month,
  dealIds,
  amount: usd(amount),
  rule,
  explanation,
});

const PAYOUT: MonthPayout = {
  month: MONTH,
  plan: { planId: 'joint', version: 1 },
  pool: usd(36000),
  computation: {
    delivered: 5,
    kept: 4,
    promiseKeptRate: 0.8,
    gatePassed: true,
    basePool: usd(36000),
    npsResponses: 2,
    nps: 50,
    multiplierBps: 10000,
    salesPool: usd(18000),
    opsPool: usd(18000),
  },
  statements: [
    {
      personId: 'S2',
      side: 'sales',
      total: usd(-1050),
      lines: [
        line('earned', ['D2', 'D4'], 7000, 'allocation', 'weight 700,001 of 1,800,001'),
        line('clawback', ['D0'], -8050, 'correction', 'D0 was cancelled after September was closed', '2026-09'),
      ],
    },
    {
      personId: 'S1',
      side: 'sales',
      total: usd(11000),
      lines: [
        line('earned', ['D1', 'D5'], 11000, 'allocation', 'weight 1,100,000 of 1,800,001, plus the left-over cent'),
        line('earned', ['D3'], 0, 'promise-broken', 'D3 was delivered late and credits nobody'),
      ],
    },
    { personId: 'O1', side: 'ops', total: usd(15000), lines: [line('earned', ['D1', 'D2'], 15000, 'allocation', 'weight 1,500,001 of 1,800,001')] },
    {
      personId: 'O2',
      side: 'ops',
      total: usd(3000),
      lines: [
        line('earned', ['D4', 'D5'], 3000, 'allocation', 'weight 300,000 of 1,800,001, plus the left-over cent'),
        line('earned', ['D3'], 0, 'promise-broken', 'D3 was delivered late and credits nobody'),
      ],
    },
    { personId: HOSTILE_ID, side: 'ops', total: usd(1234), lines: [line('adjustment', ['D-9'], 1234, 'correction', HOSTILE_EXPLANATION, '2026-09')] },
  ],
};

const TREND = TREND_MONTHS.map(scorecardOf);

const PLAN: IncentivePlan = {
  planId: 'joint',
  version: 1,
  effectiveFrom: '2026-01',
  currency: 'USD',
  poolRateBps: 200,
  graceMinutes: 0,
  gates: { minPromiseKeptRate: 0.8 },
  nps: { minResponses: 5, bands: [{ minScore: 50, multiplierBps: 12000 }, { minScore: -100, multiplierBps: 10000 }] },
  split: { salesBps: 5000, opsBps: 5000 },
};

/** A team's card of a month: the org's figures of that month, under the team's dimension, with other NPS counts when given. */
const teamCard = (team: string, month: Month, nps?: Scorecard['nps'], delivered?: 0): Scorecard => {
  const card = scorecardOf(month, TREND_MONTHS.indexOf(month));
  const delivery = delivered === 0 ? { delivered: 0, onTime: 0, asSold: 0, promiseKept: 0, onTimeRate: null, asSoldRate: null, promiseKeptRate: null } : card.delivery;
  return { ...card, dimension: `team:${team}`, delivery, nps: nps ?? card.nps };
};
const ONE_PASSIVE = { responses: 2, promoters: 1, passives: 1, detractors: 0, score: 50 };
const SEPTEMBER: Month = '2026-09';
const TEAMS = {
  sales: [
    { team: 'T-SALES-A', previous: teamCard('T-SALES-A', SEPTEMBER), current: teamCard('T-SALES-A', MONTH, ONE_PASSIVE) },
    { team: 'T-SALES-B', previous: teamCard('T-SALES-B', SEPTEMBER), current: teamCard('T-SALES-B', MONTH) },
  ],
  ops: [{ team: 'T-OPS', previous: teamCard('T-OPS', SEPTEMBER, undefined, 0), current: teamCard('T-OPS', MONTH) }],
};

const delivered = (dealId: string, amount: number, cancelled = false): DeliveredDeal => ({
  dealId,
  value: usd(amount),
  sellerId: 'S1',
  opsId: 'O1',
  deliveredAt: '2026-10-19T16:00:00Z',
  deadline: '2026-10-20T17:00:00Z',
  asSold: true,
  cancelled,
});
const DELIVERIES = [delivered('D1', 500_000), delivered('D-REF', 1_250_000, true), delivered('D2', 700_001)];

const REPORT = buildIncentiveReport({
  timeZone: 'Europe/Berlin',
  issuedAt: '2026-11-01T00:05:00Z',
  currency: 'USD',
  payout: PAYOUT,
  trend: TREND,
  plan: PLAN,
  teams: TEAMS,
  deliveries: DELIVERIES,
});

const EXPECTED_TOTALS: [string, string][] = [
  [HOSTILE_ID, '$12.34'],
  ['O1', '$150.00'],
  ['O2', '$30.00'],
  ['S1', '$110.00'],
  ['S2', '-$10.50'],
];

describe('renderHtmlReport in headless Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ server, url } = await serveUnderStrictCsp(renderHtmlReport(REPORT)));
  });

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
  });

  const open = () => openWatched(browser, url);

  it('given the October report served under a strict CSP, when opened, then it loads with no console error, no page error, and fetches nothing but itself', async () => {
    const { page, errors, requests } = await open();

    await expect(page.title()).resolves.toBe('Incentive report, October 2026');
    await expect(page.locator('h1').innerText()).resolves.toBe('Incentive report, October 2026');
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it.each([
    ['on-time-rate', (card: Scorecard) => card.delivery.onTimeRate],
    ['as-sold-rate', (card: Scorecard) => card.delivery.asSoldRate],
    ['promise-kept-rate', (card: Scorecard) => card.delivery.promiseKeptRate],
    ['nps', (card: Scorecard) => card.nps.score],
  ] as const)('given twelve months of trend with a null month, when opened, then the %s chart is drawn with one point per month that has a value', async (series, valueOf) => {
    const { page, errors } = await open();
    const chart = page.locator(`svg[data-chart="${series}"]`);

    await expect(chart.count()).resolves.toBe(1);
    await expect(chart.isVisible()).resolves.toBe(true);
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(50);
    await expect(chart.getAttribute('role')).resolves.toBe('img');
    await expect(chart.getAttribute('aria-label')).resolves.toMatch(/November 2025 to October 2026/);
    const months = await chart.locator('[data-month]').evaluateAll((points) => points.map((point) => point.getAttribute('data-month')));
    expect(months).toEqual(TREND.filter((card) => valueOf(card) !== null).map((card) => card.month));
    expect(months).toHaveLength(11);
    const lastPoint = chart.locator(`[data-month="${MONTH}"]`);
    await expect(lastPoint.isVisible()).resolves.toBe(true);
    await expect(lastPoint.locator('title').textContent()).resolves.toMatch(/^October 2026: /);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('given five statements, one negative after a clawback, when opened, then the statements table lists every person with the formatted total', async () => {
    const { page, errors } = await open();

    const rows = await page.locator('table[data-table="statements"] tbody tr').all();
    const listed = await Promise.all(
      rows.map(async (row) => [await row.locator('td').nth(0).innerText(), await row.locator('td').nth(3).innerText()]),
    );
    expect(listed).toEqual(EXPECTED_TOTALS);
    await expect(page.locator('table[data-table="statements"] tfoot td').innerText()).resolves.toBe('$291.84');
    await expect(page.locator('section.statement').count()).resolves.toBe(5);
    const s2 = page.locator('section.statement[data-person-id="S2"]');
    await expect(s2.locator('tbody tr').nth(1).innerText()).resolves.toMatch(/clawback\s+2026-09\s+D0\s+correction\s+D0 was cancelled after September was closed\s+-\$80\.50/);
    await expect(s2.locator('tfoot').innerText()).resolves.toMatch(/Total\s+-\$10\.50/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('given the report with its teams, when opened, then sales and ops teams stand side by side with their figures and a whole-page screenshot is written', async () => {
    const { page, errors } = await open();

    const sales = page.locator('table[data-table="sales-teams"]');
    const ops = page.locator('table[data-table="ops-teams"]');
    const salesBox = (await sales.boundingBox())!;
    const opsBox = (await ops.boundingBox())!;
    expect(opsBox.y).toBeCloseTo(salesBox.y, 0);
    expect(opsBox.x).toBeGreaterThan(salesBox.x + salesBox.width - 1);
    await expect(sales.locator('tbody tr[data-team="T-SALES-A"]').innerText()).resolves.toMatch(/T-SALES-A\s+20\s+\$150,000\.00\s+11\s+[\d.]+%\s*[+-]?[\d.]+ pts\s+\+50\s*2 answers/);
    await expect(sales.locator('tfoot').innerText()).resolves.toMatch(/All sales teams\s+40\s+\$300,000\.00\s+22/);
    await expect(ops.locator('tbody tr[data-team="T-OPS"]').innerText()).resolves.toMatch(/T-OPS\s+20\s+\$150,000\.00\s+11\s+[\d.]+%\s*—/);
    const sides = await page.locator('table[data-table="sides"]').innerText();
    for (const expected of [/Teams\s+2\s+1/, /Deals closed\s+40\s+20/, /People paid\s+2 people\s+3 people/, /Share of the pool\s+\$180\.00\s+\$180\.00/, /Statements total\s+\$99\.50\s+\$192\.34/]) {
      expect(sides).toMatch(expected);
    }
    await mkdir(new URL('../../test-output/', import.meta.url), { recursive: true });
    const screenshot = await page.screenshot({ path: new URL('../../test-output/incentive-report-2026-10.png', import.meta.url).pathname, fullPage: true });
    expect(screenshot.byteLength).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('given October against September, when opened, then each headline tile says how it moved, and the NPS breakdown counts in the right number', async () => {
    const { page } = await open();

    const tiles = page.locator('dl[data-section="scorecard"]');
    await expect(tiles.locator('div', { hasText: 'Deals closed' }).locator('[data-change]').innerText()).resolves.toBe('vs September 2026: +1');
    await expect(tiles.locator('div', { hasText: 'Revenue closed' }).locator('[data-change]').innerText()).resolves.toBe('vs September 2026: +$12,500.00');
    await expect(tiles.locator('div', { hasText: /^Delivered/ }).locator('[data-change]').innerText()).resolves.toBe('vs September 2026: +1');
    await expect(tiles.locator('div', { hasText: /^NPS/ }).locator('[data-change]').innerText()).resolves.toBe('vs September 2026: -1');
    await expect(tiles.locator('div', { hasText: /^NPS/ }).locator('.detail').innerText()).resolves.toBe('21 responses: 6 promoters, 12 passives, 3 detractors');
    await expect(page.locator('tr[data-team="T-SALES-A"]').innerText()).resolves.not.toMatch(/1 passives/);
    await page.close();
  });

  it('given the plan of the month, when opened, then the pool states the gate and the NPS minimum as needed and reached, and shares as percentages', async () => {
    const { page } = await open();

    const pool = await page.locator('table[data-table="pool"]').innerText();
    expect(pool).toMatch(/Gate\s+passed\s+the pool is paid only when the promise-kept rate reaches the plan’s minimum: 80% needed, 80% reached/);
    expect(pool).toMatch(/NPS responses\s+2\s+5 answers needed, 2 received: too few, the multiplier stays neutral/);
    expect(pool).toMatch(/Base pool\s+\$360\.00\s+2% of the value of each kept deal/);
    expect(pool).toMatch(/Sales pool\s+\$180\.00\s+50% of the pool/);
    expect(pool).not.toMatch(/bps|basis points/);
    await page.close();
  });

  it('given a delivery refunded since, when opened, then its revenue is shown struck through as refunded and the others as delivered', async () => {
    const { page } = await open();

    const table = page.locator('table[data-table="deliveries"]');
    await expect(table.locator('tr[data-deal-id="D-REF"]').innerText()).resolves.toMatch(/D-REF\s+S1\s+O1\s+\$12,500\.00 refunded/);
    await expect(table.locator('tr[data-deal-id="D-REF"] s').innerText()).resolves.toBe('$12,500.00');
    await expect(table.locator('tr[data-deal-id="D1"]').innerText()).resolves.toMatch(/D1\s+S1\s+O1\s+\$5,000\.00$/);
    await expect(page.locator('section[aria-labelledby="deliveries-heading"] .note').innerText()).resolves.toBe(
      '3 deals delivered in the month; 1 deal refunded since, its revenue refunded and credited to nobody.',
    );
    await page.close();
  });

  it('given the month pool, when opened, then the computation shows every step with money in dollars', async () => {
    const { page } = await open();

    const pool = page.locator('table[data-table="pool"]');
    const text = await pool.innerText();
    for (const expected of [/Delivered\s+5/, /Promise kept\s+4/, /Promise-kept rate\s+80%/, /Gate\s+passed/, /Base pool\s+\$360\.00/, /NPS responses\s+2/, /NPS\s+\+50/, /NPS multiplier\s+×1\.00/, /Pool\s+\$360\.00/, /Sales pool\s+\$180\.00/, /Ops pool\s+\$180\.00/]) {
      expect(text).toMatch(expected);
    }
    await page.close();
  });

  it('given closes in each class and four escalations, when opened, then the engagement section shows closes and kept rate by class, escalations by level and the time to decision', async () => {
    const { page, errors } = await open();

    const classes = await page.locator('table[data-table="engagement-classes"] tbody tr').evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('data-class'), ...[...row.querySelectorAll('th, td.num')].map((cell) => cell.textContent)]),
    );
    expect(classes).toEqual([
      ['withinRules', 'Within the rules', '6', '75%'],
      ['approved', 'Approved', '2', '100%'],
      ['outsideRules', 'Outside the rules', '1', 'n/a'],
    ]);
    const escalations = await page.locator('table[data-table="escalations"]').innerText();
    for (const expected of [/Opened\s+4/, /Approved\s+2/, /Rejected\s+1/, /Raised a level\s+2/, /Decided by the owner\s+1/, /Time to decision\s+30\.5 h/]) {
      expect(escalations).toMatch(expected);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('given a person id and an explanation that are markup, when opened, then both show as text: no script element, no image, no dialog', async () => {
    const { page, errors, dialogs } = await open();

    await expect(page.getByText(HOSTILE_ID, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(HOSTILE_EXPLANATION, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.locator('script').count()).resolves.toBe(0);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await page.waitForTimeout(100);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('incentive report', () => {
  it('given the parts of a month, when built and written as JSON, then the keys come in the documented order and the month scorecard is the last of the trend', () => {
    const json = reportJson(REPORT);
    const parsed = JSON.parse(json) as IncentiveReport;

    expect(Object.keys(parsed)).toEqual(['month', 'timeZone', 'issuedAt', 'currency', 'payout', 'scorecard', 'trend', 'thresholds', 'change', 'teams', 'sides', 'deliveries']);
    expect(parsed.scorecard).toEqual(TREND.at(-1));
    expect(parsed.thresholds).toEqual({ poolRateBps: 200, gate: { minPromiseKeptRate: 0.8, promiseKeptRate: 0.8, passed: true }, nps: { minResponses: 5, responses: 2, counted: false }, salesShareBps: 5000 });
    expect(parsed.change).toMatchObject({ previousMonth: '2026-09', dealsClosed: 1, revenueClosed: usd(1_250_000), delivered: 1, nps: -1 });
    expect(parsed.teams.sales.map((team) => team.team)).toEqual(['T-SALES-A', 'T-SALES-B']);
    expect(parsed.teams.ops[0]).toMatchObject({ team: 'T-OPS', side: 'ops', change: { promiseKeptRate: null } });
    expect(parsed.sides.ops).toMatchObject({ side: 'ops', teams: 1, people: 3, pool: usd(18000), paid: usd(19234) });
    expect(parsed.deliveries.map((delivery) => [delivery.dealId, delivery.refunded])).toEqual([['D-REF', true], ['D1', false], ['D2', false]]);
    expect(json.startsWith('{\n  "month": "2026-10",\n  "timeZone": "Europe/Berlin"')).toBe(true);
    const builtBackwards = Object.fromEntries(Object.entries(REPORT).reverse()) as IncentiveReport;
    expect(reportJson(builtBackwards)).toBe(json);
  });

  it('given a trend that does not end with the month, when built, then it is refused', () => {
    expect(() => buildIncentiveReport({ timeZone: 'UTC', issuedAt: '2026-11-01T00:05:00Z', currency: 'USD', payout: PAYOUT, trend: TREND.slice(0, 11) })).toThrow();
    const shifted = TREND_MONTHS.map((month, index) => scorecardOf(addMonths(month, -1), index));
    expect(() => buildIncentiveReport({ timeZone: 'UTC', issuedAt: '2026-11-01T00:05:00Z', currency: 'USD', payout: PAYOUT, trend: shifted })).toThrow(/trend/);
  });

  it('given a statement whose total is not the sum of its lines, or another currency than the report, when built, then it is refused', () => {
    const [first, ...rest] = PAYOUT.statements;
    const wrongTotal = { ...PAYOUT, statements: [{ ...first!, total: usd(1) }, ...rest] };
    expect(() => buildIncentiveReport({ timeZone: 'UTC', issuedAt: '2026-11-01T00:05:00Z', currency: 'USD', payout: wrongTotal, trend: TREND })).toThrow(/sum of the lines/);
    expect(() => buildIncentiveReport({ timeZone: 'UTC', issuedAt: '2026-11-01T00:05:00Z', currency: 'EUR', payout: PAYOUT, trend: TREND })).toThrow(/currency/);
  });
});
