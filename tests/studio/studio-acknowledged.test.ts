// The studio's check panel in Chromium: acknowledgements from the issue file read as sentences
// (who let what stand, where, and why), and findings say file:line:column as `check` does.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, offlineContext } from '../helpers/browser.js';
import { addDraft, type Running, runPreview } from '../helpers/preview-server.js';

const DRAFT = 'content/issues/2099-01/issue.yaml';
let browser: Browser;
let run: Running;

beforeAll(async () => {
  browser = await launchBrowser();
  run = await runPreview('studio', async (p) => {
    await addDraft(p);
    await p.edit(DRAFT, 'are available here.\n', 'are available here. The family lived near LS9 7TF. Call 07700 900123.\n');
    await p.edit(
      DRAFT,
      'sendAt:',
      'acknowledgements:\n  - code: privacy/postcode\n    text: LS9 7TF\n    reason: the published report gives it\n    by: A. Secretariat\nsendAt:',
    );
  });
});
afterAll(async () => {
  await run?.stop();
  await browser?.close();
});

it('shows what the issue file lets stand as sentences, and where each finding is', async () => {
  const page = await (await offlineContext(browser)).newPage();
  await page.goto(`${run.url}/issues/2099-01/`);
  const report = page.locator('section.report');
  const acknowledged = report.getByRole('list', { name: 'Let stand (acknowledged in the issue file)' });
  await expect.poll(() => acknowledged.count(), { timeout: 10_000 }).toBe(1);
  expect(await acknowledged.innerText()).toMatch(
    /^A\. Secretariat let "LS9 7TF" stand in section \d+ \([a-z-]+\) — a detail that could identify someone \(privacy\/postcode\) — because: the published report gives it\.$/,
  );
  expect(await report.innerText()).not.toContain('reason: the published report');

  const line = (await run.project.read(DRAFT)).split('\n').findIndex((l) => l.includes('07700 900123')) + 1;
  const phone = report.locator('li.finding', { hasText: '"07700 900123"' });
  expect(await phone.locator('.place').innerText()).toMatch(
    new RegExp(`^${DRAFT}:${line}:\\d+ section \\d+ \\([a-z-]+\\), [a-zA-Z0-9 ,]+:$`),
  );
});
