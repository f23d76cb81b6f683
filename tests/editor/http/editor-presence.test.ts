// Two people in Chromium (told apart by the studio's `personOf`, here a test header): each sees
// who else has the issue's editor open, in the editor and on the studio's issue page, live; an
// editor left is gone at once. A save on a stale copy naming the other: editor-stale-save.test.ts.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, cspViolations, launchBrowser, offlineContext } from '../../helpers/browser.js';
import { addDraft, type Running, runPreview } from '../../helpers/preview-server.js';

const DRAFT = '2099-01';
let browser: Browser;
let run: Running;
const people: Record<string, BrowserContext> = {};
const csp: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  run = await runPreview('studio', (p) => addDraft(p, DRAFT), {
    personOf: (req) => {
      const name = req.headers['x-test-person'];
      return typeof name === 'string' ? { name } : undefined;
    },
  });
  for (const name of ['Priya Shah', 'Sam Lee']) {
    const context = await offlineContext(browser);
    await context.setExtraHTTPHeaders({ 'x-test-person': name });
    people[name] = context;
  }
});
afterAll(async () => {
  await run?.stop();
  await browser?.close();
});

async function open(who: string, address: string, editor = true): Promise<Page> {
  const page = await people[who]!.newPage();
  csp.push(...cspViolations(page));
  expect((await page.goto(`${run.url}${address}`))?.status()).toBe(200);
  if (editor) await page.waitForSelector('body[data-validated]');
  return page;
}
const presence = (page: Page) => page.locator('#presence').innerText();

describe('working together', () => {
  it('shows who else is editing, live, and who has left', { timeout: 90_000 }, async () => {
    const priya = await open('Priya Shah', `/issues/${DRAFT}/edit/`);
    const samIssue = await open('Sam Lee', `/issues/${DRAFT}/`, false);
    await expect.poll(() => presence(samIssue), { timeout: 10_000 }).toMatch(/^Priya Shah is editing this issue: open the editor/);
    expect(await axeViolations(samIssue)).toEqual([]);

    const sam = await open('Sam Lee', `/issues/${DRAFT}/edit/`);
    await expect.poll(() => presence(priya), { timeout: 10_000 }).toMatch(/^Sam Lee is editing this file too\./);
    await expect.poll(() => presence(sam), { timeout: 10_000 }).toMatch(/^Priya Shah is editing this file too\./);
    // Sam's own editor is not news to Sam on the issue page.
    expect(await presence(samIssue)).toMatch(/^Priya Shah is editing this issue/);
    expect(await axeViolations(priya)).toEqual([]);

    // Priya leaves her editor: Sam's pages say so at once, without waiting for the expiry.
    await priya.goto(`${run.url}/`);
    await expect.poll(() => presence(samIssue), { timeout: 10_000 }).toBe('');
    await expect.poll(() => presence(sam), { timeout: 10_000 }).toBe('');
    expect(csp).toEqual([]);
  });
});
