// The editor on the secretariat's everyday path, in Chromium: an issue made by `newsletter new`
// saves one field as one line; the save says what changed in the form's words, the file's lines
// on request; Save stays on screen; the status is shown, not offered; "Saving…" never lingers.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { STATUS_IS_FIXED } from '../../../src/editor/files.js';
import { newIssue } from '../../../src/workflow/new-issue.js';
import { axeViolations, cspViolations } from '../../helpers/browser.js';
import { addDraft, rawRequest } from '../../helpers/preview-server.js';
import { studioInBrowser } from '../../studio/studio-browser.js';

const MAY = '2022-05'; // made by `newsletter new` from April 2022
const DRAFT = '2099-01';
const studio = studioInBrowser(async (p) => {
  await newIssue(p.paths, { id: MAY, now: () => new Date('2022-04-20T10:00:00Z') });
  await addDraft(p, DRAFT);
});

const fileOf = (id: string) => path.join(studio.run.project.paths.content, 'issues', id, 'issue.yaml');
const field = (page: Page, id: string) => page.locator(`[id="${id}"]`);

async function open(id: string): Promise<Page> {
  const page = await studio.context.newPage();
  const csp = cspViolations(page);
  page.on('close', () => expect(csp).toEqual([]));
  expect((await page.goto(`${studio.run.url}/issues/${id}/edit/`))?.status()).toBe(200);
  await page.waitForSelector('body[data-validated]');
  return page;
}

describe('an issue made by `newsletter new`', () => {
  it('saves one field as one changed line, said as "Preheader changed", the diff on request', async () => {
    const page = await open(MAY);
    const before = await readFile(fileOf(MAY), 'utf8');
    await field(page, 'f.preheader').fill('Our May issue, with what the Panel learned this spring');
    await page.click('#save');
    await page.locator('#save-summary').waitFor();
    expect(await page.locator('#save-result p').innerText()).toBe('Saved.');
    expect(await page.locator('#save-summary').innerText()).toBe('Preheader changed');
    expect(await page.locator('#editor-status').innerText()).toBe('All changes saved.');
    // The lines of the file are there on request, not in the way.
    const diff = page.locator('#save-diff');
    expect(await diff.isVisible()).toBe(false);
    await page.getByText('What changed in the file').click();
    await diff.waitFor({ state: 'visible' });
    expect(await diff.innerText()).toMatch(
      /^--- a\/content\/issues\/2022-05\/issue\.yaml\n\+\+\+ b\/.*\n@@ -\d+ \+\d+ @@\n-preheader: .*\n\+preheader: "Our May issue, with what the Panel learned this spring"\n$/,
    );
    const after = await readFile(fileOf(MAY), 'utf8');
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual(['preheader: "Our May issue, with what the Panel learned this spring"']);
    expect(after.split('\n')).toHaveLength(before.split('\n').length);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('the editor page', () => {
  it('shows the status without offering to change it, and a save that tries is refused', async () => {
    const page = await open(DRAFT);
    const status = page.locator('[id="f.status-wrap"]');
    expect(await status.innerText()).toBe(`Status\n\ndraft\n\n${STATUS_IS_FIXED}`);
    expect(await page.locator('select[id="f.status"], input[id="f.status"]').count()).toBe(0);
    expect(await page.getByRole('option', { name: 'sent' }).count()).toBe(0);
    const token = await page.locator('meta[name="studio-token"]').getAttribute('content');
    const hash = await page.evaluate(() => document.body.dataset.hash);
    const body = JSON.stringify({ file: `issues/${DRAFT}/issue.yaml`, hash, ops: [{ op: 'set', path: ['status'], value: 'sent' }] });
    const before = await readFile(fileOf(DRAFT), 'utf8');
    const headers = { origin: studio.run.url, 'x-studio-token': token!, 'content-type': 'application/json' };
    const refused = await rawRequest(studio.run.url, 'POST', '/api/edit/save', headers, body);
    expect([refused.status, JSON.parse(refused.body)]).toEqual([422, { error: `Status is not changed in the editor. ${STATUS_IS_FIXED}` }]);
    expect(await readFile(fileOf(DRAFT), 'utf8')).toBe(before);
    await page.close();
  });

  it('keeps Save on screen at the top of a long form', async () => {
    const page = await open(DRAFT);
    await page.setViewportSize({ width: 1200, height: 700 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeGreaterThan(2 * 700); // the form is long: Save at its end would be out of sight
    const box = await page.locator('#save').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(700);
    await page.close();
  });

  it('does not leave "Saving…" beside a save that was not made', async () => {
    const page = await open(DRAFT);
    await field(page, 'f.sections.4.closingDate').fill('2099-02-05');
    const onDisk = await readFile(fileOf(DRAFT), 'utf8');
    await writeFile(fileOf(DRAFT), onDisk.replace(/closingDate: .*/, 'closingDate: 2099-02-01'));
    await page.locator('#disk-changed').waitFor({ state: 'visible' });
    await page.click('#save');
    await page.locator('.conflict').waitFor();
    expect(await page.locator('#save-result p').innerText()).toMatch(/^Not saved: /);
    expect(await page.locator('#editor-status').innerText()).toBe('Not saved yet: 1 change.');
    await page.close();
  });
});
