// Publishing from the studio in Chromium, against the Mailchimp stand-in: the plan page, its
// confirmation, a second tab confirming a plan that is no longer true, and Unschedule; each page
// axe-clean and within its CSP, and the page says what comes next.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { approve } from '../../src/workflow/approve.js';
import { envFor } from '../publish/fixture.js';
import { axeViolations, cspViolations, launchBrowser, offlineContext } from '../helpers/browser.js';
import { addCleanDraft, type Running, runPreview } from '../helpers/preview-server.js';

const DRAFT = '2022-05';
const NOW = new Date('2022-03-30T09:00:00Z');
let browser: Browser;
let context: BrowserContext;
let standin: Standin;
let run: Running;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await offlineContext(browser);
  standin = await startStandin({ now: () => NOW });
  run = await runPreview('studio', (p) => addCleanDraft(p, DRAFT), { env: envFor(standin) });
  run.clock.now = NOW;
  await approve(run.project.paths, run.store, { id: DRAFT, by: 'Ann Chair', now: () => NOW });
});
afterAll(async () => {
  await run?.stop();
  await standin?.stop();
  await browser?.close();
});

const schedules = () => standin.requests.filter((r) => r.operationId === 'postCampaignsIdActionsSchedule').length;
const stepResult = (page: Page) => page.locator('#step-result[role="status"]').innerText();

async function planIn(page: Page): Promise<void> {
  await page.goto(`${run.url}/issues/${DRAFT}/`);
  await page.getByRole('link', { name: 'Review the plan to publish' }).click();
  await page.waitForURL(`${run.url}/issues/${DRAFT}/publish/`);
}

describe('publishing in the browser', () => {
  it('shows the plan, confirms it once, refuses a second tab’s stale plan, and unschedules', async () => {
    const first = await context.newPage();
    const csp = cspViolations(first);
    await planIn(first);
    expect(await first.locator('#plan-audience').innerText()).toMatch(/^It goes to the audience ".+" \(3 subscribed members\)\.$/);
    expect(await first.locator('#plan-when').innerText()).toBe('It is to be sent on 5 April 2022 at 9am (BST), UK time.');
    expect(await first.locator('#plan-steps li').allInnerTexts()).toEqual([
      'create the campaign "panel-newsletter:2022-05" (subject "Draft newsletter: May 2022")',
      'set the content (HTML and plain text) to the approved issue',
      "read Mailchimp's send checklist",
      'schedule for 5 April 2022 at 9am (BST) (2022-04-05T08:00:00Z)',
    ]);
    expect(await axeViolations(first)).toEqual([]);
    // A second tab shows the same plan before the first confirms it.
    const second = await context.newPage();
    await planIn(second);
    expect(schedules()).toBe(0);

    await first.getByRole('button', { name: 'Confirm and schedule' }).click();
    await first.waitForURL(/\/issues\/2022-05\/\?step=/);
    expect(await stepResult(first)).toMatch(
      /^2022-05 is scheduled in Mailchimp for 5 April 2022 at 9am \(BST\): campaign \w+, content [0-9a-f]{12}\.\s+Next: Mailchimp sends it then/,
    );
    expect(await first.locator('#standing').innerText()).toMatch(/scheduled/i);
    expect(await axeViolations(first)).toEqual([]);
    expect(schedules()).toBe(1);

    await second.getByRole('button', { name: 'Confirm and schedule' }).click();
    await second.waitForSelector('#plan-changed');
    expect(await second.locator('#plan-changed').innerText()).toMatch(
      /^Not done: The plan for 2022-05 changed after you saw it, so nothing was changed in Mailchimp/,
    );
    expect(await second.locator('#plan-steps').innerText()).toContain('Nothing will change in Mailchimp');
    expect(await axeViolations(second)).toEqual([]);
    expect(schedules()).toBe(1);
    expect(run.store.statuses.get(DRAFT)).toBe('scheduled');

    await first.getByRole('button', { name: 'Unschedule this issue' }).click();
    await first.waitForURL(/\?step=/);
    expect(await stepResult(first)).toMatch(/^Campaign \w+ is no longer scheduled; 2022-05 is approved\.\s+Next: Edit it/);
    expect(run.store.statuses.get(DRAFT)).toBe('approved');
    expect(await axeViolations(first)).toEqual([]);
    expect(csp).toEqual([]);
  });
});
