// Live reload in Chromium: saving a content or template file updates the open page; a broken
// file shows an overlay with file:line:column over the last good render, and recovery clears it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emailFrame, launchBrowser, offlineContext } from '../helpers/browser.js';
import { addDraft, type Running, runPreview } from '../helpers/preview-server.js';

// A draft: a sent issue shows its sent record, which no edit changes.
const DRAFT = 'content/issues/2099-01/issue.yaml';
const APRIL = 'content/issues/2022-04/issue.yaml';
let browser: Browser;
let context: BrowserContext;
let run: Running;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await offlineContext(browser);
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  run = await runPreview('studio', (p) => addDraft(p));
  page = await context.newPage();
});
afterEach(async () => {
  await page?.close();
  await run?.stop();
});

const emailText = async () => (await emailFrame(page)).locator('body').innerText();

describe('live reload', () => {
  it('editing a content file updates the open page without a refresh', async () => {
    await page.goto(`${run.url}/issues/2099-01/`);
    expect(await emailText()).toContain('As we move into the new financial year');
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    await run.project.edit(DRAFT, 'As we move into the new financial year', 'As spring arrives and the year turns');
    await expect.poll(emailText, { timeout: 10_000 }).toContain('As spring arrives and the year turns');
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
  });

  it('a template change updates the open page too', async () => {
    await page.goto(`${run.url}/issues/2099-01/`);
    await emailFrame(page);
    await run.project.edit('templates/email/sections/welcome.mjml.hbs', '{{title}}', '{{title}} (edited template)');
    await expect.poll(emailText, { timeout: 10_000 }).toContain('Welcome (edited template)');
  });

  it('a broken content file shows the error with file:line:column over the last good render, and recovers', async () => {
    await page.goto(`${run.url}/issues/2099-01/`);
    expect(await emailText()).toContain('As we move into the new financial year');
    const good = await run.project.read(DRAFT);
    await run.project.write(DRAFT, good.replace('status: draft', 'status: draftt'));
    const overlay = page.locator('#overlay[role="alert"]');
    await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(1);
    expect(await overlay.innerText()).toMatch(/content\/issues\/2099-01\/issue\.yaml:7:9 status: must be "draft" or "sent"/);
    expect(await emailText()).toContain('As we move into the new financial year');

    await run.project.write(DRAFT, good.replace('As we move into the new financial year', 'Fixed and saved again'));
    await expect.poll(() => overlay.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(emailText, { timeout: 10_000 }).toContain('Fixed and saved again');
  });

  it('while the content has an error, the check panel never says "Ready to send"', async () => {
    await page.goto(`${run.url}/issues/2022-04/`);
    const verdict = page.locator('section.report .verdict');
    expect(await verdict.innerText()).toContain('Ready to send');
    const good = await run.project.read(APRIL);
    await run.project.write(APRIL, good.replace('status: sent', 'status: sentt'));
    await expect.poll(() => page.locator('#overlay[role="alert"]').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => verdict.innerText(), { timeout: 10_000 }).toContain('Not ready to send: the content has 1 problem');
    expect(await verdict.innerText()).not.toContain('Ready to send');
    // A page opened now says the same.
    const fresh = await context.newPage();
    await fresh.goto(`${run.url}/issues/2022-04/`);
    expect(await fresh.locator('section.report .verdict').innerText()).toContain('Not ready to send');
    await fresh.close();

    await run.project.write(APRIL, good);
    await expect.poll(() => verdict.innerText(), { timeout: 10_000 }).toContain('Ready to send');

    // A template that cannot render: a draft shows the problem over its last good render (a sent
    // issue shows its sent record, which no template changes).
    const draft = await context.newPage();
    await draft.goto(`${run.url}/issues/2099-01/`);
    await run.project.edit('templates/email/sections/welcome.mjml.hbs', '{{title}}', '{{titel}}');
    await expect.poll(() => draft.locator('#overlay[role="alert"]').count(), { timeout: 10_000 }).toBe(1);
    // The findings follow the email.
    await expect.poll(() => draft.locator('section.report .verdict').innerText(), { timeout: 10_000 }).toContain('Not ready to send');
    await draft.close();
  });

  it('a page opened while the content is broken shows the overlay and the last good render', async () => {
    await page.goto(`${run.url}/issues/2099-01/`);
    await emailFrame(page);
    await run.project.edit('content/regions.yaml', /^(\w+):/m, '$1: [unclosed');
    await expect.poll(() => page.locator('#overlay[role="alert"]').count(), { timeout: 10_000 }).toBe(1);
    const fresh = await context.newPage();
    await fresh.goto(`${run.url}/`);
    expect(await fresh.locator('#overlay').innerText()).toMatch(/content\/regions\.yaml:\d+:\d+/);
    expect(await fresh.locator('tbody tr').count()).toBe(2);
    await fresh.close();
  });

  it('re-renders only the issue whose file changed; shared files re-render every draft, never a sent issue', async () => {
    const ws = run.server.workspace;
    const before = { april: (await ws.render('2022-04'))!.seq, draft: (await ws.render('2099-01'))!.seq };
    expect(await ws.refresh([`${run.project.root}/content/issues/2099-01/issue.yaml`])).toEqual(['2099-01']);
    expect((await ws.render('2022-04'))!.seq).toBe(before.april);
    expect((await ws.render('2099-01'))!.seq).toBeGreaterThan(before.draft);
    const draft = (await ws.render('2099-01'))!.seq;
    expect(await ws.refresh([`${run.project.root}/content/newsletter.yaml`])).toBe('all');
    expect((await ws.render('2022-04'))!.seq).toBe(before.april);
    expect((await ws.render('2099-01'))!.seq).toBeGreaterThan(draft);
  });
});
