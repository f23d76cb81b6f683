// Real Chromium for the preview tests: Debian's /usr/bin/chromium driven by playwright-core.
// Requests that leave 127.0.0.1 (remote images in the email) are refused, so tests stay offline.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { CHROMIUM } from './programs.js';
import { REPO } from './project.js';

export { CHROMIUM };

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. Install it with \`sudo apt-get install -y chromium\` (CI does this), or set CHROMIUM_PATH.`,
    );
  }
  // playwright gives every launch a fresh temporary profile (user-data-dir).
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function offlineContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  return context;
}

/** A new page at `url`, which must answer 200, with the CSP violations it reports from then on. */
export async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; csp: string[] }> {
  const page = await context.newPage();
  const csp = cspViolations(page);
  const status = (await page.goto(url))?.status();
  if (status !== 200) throw new Error(`${url} answered ${status}, not 200`);
  return { page, csp };
}

/** Collect Content-Security-Policy violations a page reports, to assert there are none. */
export function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

const AXE = path.join(REPO, 'node_modules/axe-core/axe.min.js');

/** axe-core's violations on the page, as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's own CSP (rightly) does not block it.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** The frame showing the email on a studio page, once it has loaded. */
export async function emailFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe.email');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the email iframe has no document');
  await frame.waitForLoadState('load');
  return frame;
}
