// Real Chromium for the preview tests: Debian's /usr/bin/chromium driven by playwright-core.
// Requests that leave 127.0.0.1 (remote images in the email) are refused, so tests stay offline.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { TestRunner } from 'vitest';
import { CHROMIUM, runsHere } from './programs.js';
import { REPO } from './project.js';

export { CHROMIUM };

/**
 * Chromium, launched. Where it is not installed (outside CI), a stand-in instead: the file's hooks
 * run as usual, and a test is skipped when it asks for a page, so every assertion before that, and
 * every test that needs no page, still runs. With CI set a missing Chromium fails here.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    if (!runsHere('Chromium')) return standIn<Browser>();
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

/** Skip the test that is running: it drives a browser this machine lacks. */
function skipBrowserTest(): never {
  const test = TestRunner.getCurrentTest();
  const why = `Chromium is not installed at ${CHROMIUM}`;
  // A hook outside any test cannot skip one test: it fails, saying so.
  if (!test) throw new Error(`${why}, and a hook asked for a page: open pages in the tests, so only they are skipped`);
  return test.context.skip(why);
}

/** A browser (or browser context) that can be made, set up and closed, and skips the test that asks it for a page. */
function standIn<T extends object>(): T {
  return new Proxy({} as T, {
    get(_target, name) {
      if (name === 'then') return undefined; // not a promise, so it can be awaited as a value
      if (name === 'newContext') return async () => standIn<BrowserContext>();
      if (name === 'close' || name === 'route') return async () => {};
      return () => skipBrowserTest();
    },
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
