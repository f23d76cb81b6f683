// The editor in Chromium for a person who never opens the YAML: a privacy finding let stand with
// the "Acknowledge" button beside it (the first acknowledgement creates the list, written by Save),
// check errors in the error summary as GOV.UK's pattern has it, each finding its own item told
// apart in words, and a value the form calls wrong never written.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { axeViolations } from '../../helpers/browser.js';
import { addDraft } from '../../helpers/preview-server.js';
import { openEditor, studioInBrowser } from '../../studio/studio-browser.js';

const DRAFT = '2099-01';
const BIRTH = 'born on 3 February 2020';
const studio = studioInBrowser(async (p) => {
  await addDraft(p, DRAFT);
  await p.edit(`content/issues/${DRAFT}/issue.yaml`, 'are available here.\n', `are available here. The child was ${BIRTH}.\n`);
});
const fileOf = () => path.join(studio.run.project.paths.content, 'issues', DRAFT, 'issue.yaml');
const field = (page: Page, id: string) => page.locator(`[id="${id}"]`);

const open = () => openEditor(studio, DRAFT);

describe('a date of birth in the welcome', () => {
  it('is a check error in the summary, linked to its field, named as the form labels it', async () => {
    const page = await open();
    const summary = page.locator('#error-summary');
    await summary.waitFor({ state: 'visible' });
    const link = summary.getByRole('link', { name: /gives a date of birth/ });
    expect(await link.innerText()).toMatch(/^Check: Welcome: .* › Text: "born on 3 February 2020" gives a date of birth/);
    expect(await link.getAttribute('href')).toBe('#f.sections.0.body');
    // On the field: each finding its own item, an error said in words, not only in colour.
    const items = page.locator('[id="f.sections.0.body-finding"] > li');
    const error = items.filter({ hasText: 'gives a date of birth' });
    expect(await error.locator('.tag').innerText()).toBe('Error:');
    expect(await page.locator('[id="f.sections.0.body-finding"] li.warning .tag').allInnerTexts()).not.toContain('Error:');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('is acknowledged with the button beside it: only the reason asked, the list made, nothing written until Save', async () => {
    const page = await open();
    const before = await readFile(fileOf(), 'utf8');
    expect(before).not.toContain('acknowledgements');
    const finding = page.locator('[id="f.sections.0.body-finding"] > li', { hasText: 'gives a date of birth' });
    await finding.getByRole('button', { name: `Acknowledge "${BIRTH}" (privacy/date-of-birth)` }).click();
    await page.getByLabel('Why may it stand?').fill('the published report gives it');
    await page.getByLabel('Your name').fill('A. Secretariat');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Let it stand' }).click();
    await field(page, 'f.acknowledgements.0.reason').waitFor();
    expect(await field(page, 'f.acknowledgements.0.code').inputValue()).toBe('privacy/date-of-birth');
    expect(await field(page, 'f.acknowledgements.0.text').inputValue()).toBe(BIRTH);
    expect(await field(page, 'f.acknowledgements.0.by').inputValue()).toBe('A. Secretariat');
    expect(await page.locator('[id="f.acknowledgements"] > .unsaved-tag').innerText()).toMatch(/^Not saved yet/);
    // The finding is quiet in the preview at once, and the file is untouched until Save.
    await expect.poll(() => finding.count(), { timeout: 20_000 }).toBe(0);
    expect(await readFile(fileOf(), 'utf8')).toBe(before);
    await page.click('#save');
    await page.locator('#save-summary').waitFor();
    const saved = parseDocument(await readFile(fileOf(), 'utf8')).toJS() as { acknowledgements: unknown };
    expect(saved.acknowledgements).toEqual([
      { code: 'privacy/date-of-birth', text: BIRTH, reason: 'the published report gives it', by: 'A. Secretariat' },
    ]);
    await page.close();
  });
});

describe('a value the form calls wrong', () => {
  it('is not written: the save says which and why, and saves the rest only when asked', async () => {
    const page = await open();
    const before = await readFile(fileOf(), 'utf8');
    await field(page, 'f.sendAt').fill('05/02/2027');
    await field(page, 'f.preheader').fill('A preheader that is fine');
    await page.click('#save');
    await page.locator('#wrong-list').waitFor();
    expect(await page.locator('#save-result p').innerText()).toBe('Not saved: this value is not right yet.');
    expect(await page.locator('#wrong-list li').allInnerTexts()).toEqual([expect.stringMatching(/^Send at: /)]);
    expect(await readFile(fileOf(), 'utf8')).toBe(before);
    await page.getByRole('button', { name: 'Save the other change without it' }).click();
    await page.locator('#save-summary').waitFor();
    const after = await readFile(fileOf(), 'utf8');
    expect(after).toMatch(/^preheader: "A preheader that is fine"$/m);
    expect(after).toContain('sendAt: "2099-01-12 09:00"\n');
    expect(await page.locator('#editor-status').innerText()).toBe('Not saved yet: 1 change.');
    await expect.poll(() => field(page, 'f.sendAt').inputValue(), { timeout: 20_000 }).toBe('05/02/2027');
    expect(await page.locator('[id="f.sendAt-wrap"] .unsaved-tag').innerText()).toBe('Not saved yet');
    await page.close();
  });
});
