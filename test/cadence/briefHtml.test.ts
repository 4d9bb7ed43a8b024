import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBriefHtml } from '../../functions/cadence/briefHtml.ts';
import { BRIEF_SECTIONS } from '../../functions/cadence/briefWords.ts';
import { launchChromium } from '../support/browser.ts';
import { closeServer, openWatched, serveUnderStrictCsp } from '../support/pageUnderCsp.ts';
import { HOSTILE_COMMENT, HOSTILE_CUSTOMER, SAMPLE_BRIEF } from './briefSample.ts';

/*
 * The brief of 2027-W10 (Europe/Berlin), opened in real headless Chromium under the CSP the API sends
 * with it (inline styles and data: images, nothing else), as the monthly report is checked.
 */

describe('the weekly brief in headless Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    browser = await launchChromium();
    ({ server, url } = await serveUnderStrictCsp(renderBriefHtml(SAMPLE_BRIEF)));
  });

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
  });

  const open = () => openWatched(browser, url);

  it('given the brief served under a strict CSP, when opened, then it loads with no console error and fetches nothing but itself, and every section is there in order', async () => {
    const { page, errors, requests } = await open();

    await expect(page.title()).resolves.toBe('Weekly brief, 2027-W10, Mon 8 Mar to Sun 14 Mar');
    const sections = await page.locator('main > section[data-section]').evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-section'), node.querySelector('h2')?.textContent]));
    expect(sections).toEqual(BRIEF_SECTIONS.map(([key, title]) => [key, title]));
    for (const [key] of BRIEF_SECTIONS) await expect(page.locator(`section[data-section="${key}"]`).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('given the week, when opened, then sales and operations show side by side', async () => {
    const { page } = await open();
    const sales = await page.locator('[data-section="summary"] section[aria-label="Sales"]').boundingBox();
    const operations = await page.locator('[data-section="summary"] section[aria-label="Operations"]').boundingBox();

    expect(sales && operations && Math.abs(sales.y - operations.y)).toBe(0);
    expect(operations!.x).toBeGreaterThan(sales!.x);
    await expect(page.locator('[data-section="summary"]').innerText()).resolves.toMatch(/Promises missed\s+1/);
    await page.close();
  });

  it('given a missed delivery and the week\u2019s facts, when opened, then each section says it with names and dates in Berlin time', async () => {
    const { page } = await open();

    await expect(page.locator('table[data-table="deliveries"] tr[data-deal-id="D-9"]').innerText()).resolves.toMatch(
      /missed\s+D-9.*T-OPS.*Fri 12 Mar 20:30.*Thu 11 Mar 18:00.*late by 1 d 2\.5 h \(26\.5 h\); short 2000 SEALCOAT-SQFT \(12000 promised, 10000 delivered\)/s,
    );
    await expect(page.locator('table[data-table="close-classes"] tr[data-class="within-rules"]').innerText()).resolves.toMatch(/Within the rules\s+1\s+\$12,500\.00/);
    await expect(page.locator('table[data-table="handoffs-returned"] tbody').innerText()).resolves.toMatch(/D-5\s+Oak Street Mall.*scopeDocumented, customerContact\s+<b>which lot\?<\/b>/s);
    await expect(page.locator('table[data-table="escalations-overdue"] tbody').innerText()).resolves.toMatch(/E-7\s+D-E-7\s+Acme Paving/);
    await expect(page.locator('section[data-ops-team="T-OPS"] [data-at-risk="D-1"]').innerText()).resolves.toMatch(/D-1 \(due Fri 19 Mar, finishes 2027-W12\)/);
    const forecasts = await page.locator('table[data-table="forecasts"] tbody tr').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-person-id'), row.className]));
    expect(forecasts).toEqual([['P-SALES-2', 'missed'], ['P-SALES-1', '']]);
    const nps = await page.locator('table[data-table="nps"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-category')));
    expect(nps).toEqual(['detractor', 'promoter']);
    await page.close();
  });

  it('given a customer name, a comment and a note that are markup, when opened, then they show as text: no script, no image, no dialog', async () => {
    const { page, errors, dialogs } = await open();

    await expect(page.getByText(HOSTILE_CUSTOMER, { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(HOSTILE_COMMENT, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.locator('script').count()).resolves.toBe(0);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('main b').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
