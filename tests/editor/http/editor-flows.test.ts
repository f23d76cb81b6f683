// The editor in Chromium, beyond single edits: a file changed on disk while a form is open
// (merged, or a conflict the person settles), the live preview and clicking into it, a new
// issue, and the shared files regions.yaml and reviews.yaml.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ReviewRegistry } from '../../../src/content/schema.js';
import { cspViolations } from '../../helpers/browser.js';
import { addDraft } from '../../helpers/preview-server.js';
import { studioInBrowser } from '../../studio/studio-browser.js';

const DRAFT = '2099-01';
const studio = studioInBrowser((p) => addDraft(p, DRAFT));

const field = (page: Page, id: string) => page.locator(`[id="${id}"]`);
const contentFile = (rel: string) => path.join(studio.run.project.paths.content, rel);
const draftFile = () => contentFile(`issues/${DRAFT}/issue.yaml`);

async function open(address: string): Promise<Page> {
  const page = await studio.context.newPage();
  const csp = cspViolations(page);
  page.on('close', () => expect(csp).toEqual([]));
  expect((await page.goto(`${studio.run.url}${address}`))?.status()).toBe(200);
  await page.waitForSelector('body[data-validated]');
  return page;
}

describe('a file changed on disk during an edit', () => {
  it('shows the file as it is now, keeps the unsaved value marked, and saves both', async () => {
    const page = await open(`/issues/${DRAFT}/edit/`);
    await field(page, 'f.sections.4.role').fill('Panel member – nursing');
    const onDisk = await readFile(draftFile(), 'utf8');
    await writeFile(draftFile(), onDisk.replace('closingDate: 2022-04-18', 'closingDate: 2099-01-30'));
    await expect.poll(() => field(page, 'f.sections.4.closingDate').inputValue(), { timeout: 20_000 }).toBe('2099-01-30');
    expect(await field(page, 'f.sections.4.role').inputValue()).toBe('Panel member – nursing');
    expect(await page.locator('[id="f.sections.4.role-wrap"] .unsaved-tag').innerText()).toBe('Not saved yet');
    expect(await page.locator('[id="f.sections.4.closingDate-wrap"] .unsaved-tag').count()).toBe(0);
    expect(await page.locator('#disk-changed').isVisible()).toBe(false);
    await page.click('#save');
    await page.locator('#save-diff').waitFor({ state: 'attached' });
    const saved = await readFile(draftFile(), 'utf8');
    expect(saved).toContain('closingDate: 2099-01-30\n');
    expect(saved).toContain('role: Panel member – nursing\n');
    await expect.poll(() => page.locator('.unsaved-tag').count(), { timeout: 20_000 }).toBe(0);
    await page.close();
  });

  it("after a save merged with another window's, shows the other window's values", async () => {
    const a = await open(`/issues/${DRAFT}/edit/`);
    const b = await open(`/issues/${DRAFT}/edit/`);
    await field(a, 'f.preheader').fill('Window A wrote this');
    await field(b, 'f.subject').fill('Window B wrote this');
    await a.click('#save');
    await a.locator('#save-summary').waitFor();
    await b.click('#save');
    await b.locator('#save-summary').waitFor();
    const saved = await readFile(draftFile(), 'utf8');
    expect(saved).toContain('Window A wrote this');
    expect(saved).toContain('Window B wrote this');
    await expect.poll(() => field(b, 'f.preheader').inputValue(), { timeout: 20_000 }).toBe('Window A wrote this');
    await expect.poll(() => field(a, 'f.subject').inputValue(), { timeout: 20_000 }).toBe('Window B wrote this');
    await a.close();
    await b.close();
  });

  it('shows both values when the same field changed, and saves the one chosen', async () => {
    const page = await open(`/issues/${DRAFT}/edit/`);
    await field(page, 'f.sections.4.closingDate').fill('2099-02-05');
    const onDisk = await readFile(draftFile(), 'utf8');
    await writeFile(draftFile(), onDisk.replace(/closingDate: .*/, 'closingDate: 2099-02-01'));
    await page.locator('#disk-changed').waitFor({ state: 'visible' });
    await page.click('#save');
    const conflict = page.locator('.conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain(
      'Recruitment: Would you like to join the Panel? › Closing date — in the file now: "2099-02-01"; yours: "2099-02-05"',
    );
    expect(await readFile(draftFile(), 'utf8')).toContain('closingDate: 2099-02-01\n');
    await conflict.getByRole('button', { name: 'Use mine' }).click();
    await page.locator('#save-diff').waitFor({ state: 'attached' });
    expect(await readFile(draftFile(), 'utf8')).toContain('closingDate: 2099-02-05\n');
    await page.close();
  });
});

describe('the live preview', () => {
  it('shows a change in the email before it is saved, and a click on a section focuses its field', async () => {
    const page = await open(`/issues/${DRAFT}/edit/`);
    const before = await readFile(draftFile(), 'utf8');
    await field(page, 'f.sections.4.title').fill('Join the Panel');
    const email = page.frameLocator('iframe.email');
    await email.locator('h2', { hasText: 'Join the Panel' }).waitFor();
    expect(await readFile(draftFile(), 'utf8')).toBe(before);
    await email.locator('p', { hasText: 'The right candidate will be someone' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f.sections.4.title');
    await page.close();
  });
});

describe('check findings while typing', () => {
  it('a finding that names its field is shown on that field', async () => {
    const page = await open(`/issues/${DRAFT}/edit/`);
    const body = field(page, 'f.sections.4.body');
    await body.fill(`${await body.inputValue()}Interviews are held at our office, LS1 4AP.\n`);
    const finding = page.locator('[id="f.sections.4.body-finding"]');
    await finding.waitFor({ state: 'visible' });
    expect(await finding.innerText()).toContain('"LS1 4AP" is a full postcode');
    expect(await body.getAttribute('aria-describedby')).toContain('f.sections.4.body-finding');
    await page.close();
  });
});

describe('new issues and shared files', () => {
  it('"New issue" runs what `newsletter new` runs and opens the new issue in the editor', async () => {
    const page = await studio.context.newPage();
    await page.goto(`${studio.run.url}/`);
    await page.getByRole('link', { name: 'New issue' }).first().click();
    await page.locator('#new-id').fill('2099-03');
    await page.click('#create');
    await page.waitForURL(`${studio.run.url}/issues/2099-03/edit/`);
    expect(await page.locator('h1').innerText()).toMatch(/^Edit 2099-03: /);
    expect(await readFile(contentFile('issues/2099-03/issue.yaml'), 'utf8')).toContain('sendAt: ');
    await page.close();
  }, 60_000);

  it('regions.yaml: a regional link gets its "since", one line added', async () => {
    const page = await open('/edit/regions/');
    await field(page, 'f.regions.1.links.0.since').fill('2022-04-01');
    await page.click('#save');
    expect(await page.locator('#save-diff').textContent()).toBe(
      '--- a/content/regions.yaml\n+++ b/content/regions.yaml\n@@ -10,0 +11 @@\n+        since: 2022-04-01\n',
    );
    await page.close();
  });

  it('reviews.yaml: a published review is added, written only by Save, with messages until its fields are filled in', async () => {
    const page = await open('/edit/reviews/');
    const before = await readFile(contentFile('reviews.yaml'), 'utf8');
    await page.getByRole('button', { name: 'Add review' }).click();
    await field(page, 'f.reviews.4.title-error').waitFor({ state: 'visible' });
    expect(await readFile(contentFile('reviews.yaml'), 'utf8')).toBe(before);
    await field(page, 'f.reviews.4.title').fill('CSPR Child T');
    await field(page, 'f.reviews.4.partnership').fill('Leeds Safeguarding Children Partnership');
    await field(page, 'f.reviews.4.region').selectOption('Yorkshire and the Humber');
    await field(page, 'f.reviews.4.published').fill('2022-01-14');
    await field(page, 'f.reviews.4.url').fill('https://www.leedsscp.org.uk/');
    await page.waitForFunction(() => document.getElementById('error-summary')?.hidden === true);
    await page.click('#save');
    await page.locator('#save-diff').waitFor({ state: 'attached' });
    // The new review is named by the title just given it, not by another field.
    expect(await page.locator('#save-summary li').first().innerText()).toBe('A new review added to Reviews');
    expect(await page.locator('#save-summary').innerText()).toContain('CSPR Child T › Title changed');
    const data = ReviewRegistry.parse(parseDocument(await readFile(contentFile('reviews.yaml'), 'utf8')).toJS());
    expect(data.reviews.at(-1)).toEqual({
      title: 'CSPR Child T',
      kind: 'local',
      partnership: 'Leeds Safeguarding Children Partnership',
      region: 'Yorkshire and the Humber',
      published: '2022-01-14',
      url: 'https://www.leedsscp.org.uk/',
      themes: [],
    });
    await page.close();
  });
});
