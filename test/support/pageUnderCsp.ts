import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';

/** The strictest policy the product's HTML documents allow themselves: inline styles and data: images, nothing else. */
export const STRICT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Serves one document at / with the strict CSP as a header; anything else is a 404 (and would show up as a request). */
export const serveUnderStrictCsp = async (document: string): Promise<{ url: string; server: Server }> => {
  const server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': STRICT_CSP, 'X-Content-Type-Options': 'nosniff' })
      .end(document);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
};

export const closeServer = (server: Server | undefined) => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));

/** A page opened with what it did recorded: errors (a CSP violation is a console error), dialogs, and every request it made. */
export interface WatchedPage {
  page: Page;
  errors: string[];
  dialogs: string[];
  requests: string[];
}

export const openWatched = async (browser: Browser, url: string): Promise<WatchedPage> => {
  const page = await browser.newPage();
  const opened: WatchedPage = { page, errors: [], dialogs: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => opened.errors.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('data:')) opened.requests.push(request.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return opened;
};
