// Two people in Chromium (told apart by the studio's `personOf`, here a test header): each sees
// who else has the issue's editor open, in the editor and on the studio's issue page, live; a
// save that met the other's save names them, merged or asked; an editor left is gone at once.
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
const field = (page: Page, id: string) => page.locator(`[id="${id}"]`);
const presence = (page: Page) => page.locator('#presence').innerText();
const saved = async (page: Page) => {
  await page.click('#save');
  await page.locator('#save-result p').waitFor();
  return page.locator('#save-result p').innerText();
};

describe('working together', () => {
  it('shows who else is editing, live, and names them when a save meets theirs', { timeout: 90_000 }, async () => {
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

    // Different fields: Priya's save is merged with Sam's, and says whose change it met.
    await field(sam, 'f.sections.4.role').fill('Panel member – nursing');
    expect(await saved(sam)).toBe('Saved.');
    await field(priya, 'f.sections.4.title').fill('Join the Panel');
    expect(await saved(priya)).toBe('Saved, merged with changes Sam Lee saved meanwhile.');

    // The same field: not saved; Priya is asked to choose, and told it was Sam.
    await field(sam, 'f.sections.4.closingDate').fill('2099-02-01');
    expect(await saved(sam)).toMatch(/^Saved/);
    await field(priya, 'f.sections.4.closingDate').fill('2099-02-05');
    expect(await saved(priya)).toBe('Not saved: Sam Lee changed the file meanwhile in the same places. Choose for each:');

    // Priya leaves her editor: Sam's pages say so at once, without waiting for the expiry.
    await priya.goto(`${run.url}/`);
    await expect.poll(() => presence(samIssue), { timeout: 10_000 }).toBe('');
    await expect.poll(() => presence(sam), { timeout: 10_000 }).toBe('');
    expect(csp).toEqual([]);
  });
});
