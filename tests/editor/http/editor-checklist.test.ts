// The checklist `New issue` leaves, in Chromium: shown on the issue's page and in its editor; an
// item is ticked by saving a change to its field or by hand, and the list goes when all are done.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newIssue } from '../../../src/workflow/new-issue.js';
import { axeViolations, cspViolations } from '../../helpers/browser.js';
import { studioInBrowser } from '../../studio/studio-browser.js';

const MAY = '2022-05';
const studio = studioInBrowser((p) => newIssue(p.paths, { id: MAY, now: () => new Date('2022-04-20T10:00:00Z') }).then(() => undefined));
const checklistFile = () => path.join(studio.run.project.paths.content, 'issues', MAY, 'checklist.json');
const left = async () =>
  (JSON.parse(await readFile(checklistFile(), 'utf8')) as { items: { id: string; done: boolean }[] }).items
    .filter((i) => !i.done)
    .map((i) => i.id);

describe('the new issue’s checklist', () => {
  it('is on the issue’s page, and ticked off in the editor by saving a field or by hand, then gone', async () => {
    const page = await studio.context.newPage();
    const csp = cspViolations(page);
    await page.goto(`${studio.run.url}/issues/${MAY}/`);
    const onPage = page.locator('#checklist li');
    expect((await onPage.allInnerTexts()).map((t) => t.trim())).toContain('Review the welcome — write it; check refuses the placeholder');
    expect(await axeViolations(page)).toEqual([]);
    // Ticked by hand on the issue's page too.
    const subject = onPage.filter({ hasText: 'Review the subject' });
    await subject.getByRole('checkbox').check();
    await expect.poll(() => subject.count()).toBe(0);
    expect(await left()).not.toContain('subject');

    await page.goto(`${studio.run.url}/issues/${MAY}/edit/`);
    await page.waitForSelector('body[data-validated]');
    const items = page.locator('#checklist-items li');
    const texts = async () => (await items.allInnerTexts()).map((t) => t.trim());
    const before = await texts();
    expect(before).toContain('Review the welcome — write it; check refuses the placeholder');
    expect(await axeViolations(page)).toEqual([]);

    // Saving the welcome ticks its item, and only it.
    await page.locator('[id="f.sections.0.body"]').fill('Welcome to our May issue.');
    await page.click('#save');
    await page.locator('#save-summary').waitFor();
    await expect.poll(() => items.count()).toBe(before.length - 1);
    expect(await texts()).not.toContain('Review the welcome — write it; check refuses the placeholder');
    expect(await left()).not.toContain('welcome');

    // By hand: each box ticked goes; with the last, the checklist and its file go.
    const count = await items.count();
    for (let n = count; n > 0; n--) {
      await items.first().getByRole('checkbox').check();
      await expect.poll(() => items.count()).toBe(n - 1);
    }
    await page.locator('#checklist').waitFor({ state: 'detached' });
    expect(existsSync(checklistFile())).toBe(false);
    await page.goto(`${studio.run.url}/issues/${MAY}/`);
    expect(await page.locator('#checklist').count()).toBe(0);
    expect(csp).toEqual([]);
    await page.close();
  });
});
