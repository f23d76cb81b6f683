// The studio in Chromium: the list of issues, the April 2022 issue at both widths, dark modes,
// plain text, source, and the check report; accessible and within its Content-Security-Policy.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, cspViolations, emailFrame } from '../helpers/browser.js';
import { checkIssue } from '../../src/pipeline.js';
import { addDraft } from '../helpers/preview-server.js';
import { studioInBrowser } from './studio-browser.js';

const studio = studioInBrowser((p) => addDraft(p));

async function open(path: string): Promise<{ page: Page; csp: string[] }> {
  const page = await studio.context.newPage();
  const csp = cspViolations(page);
  const response = await page.goto(studio.run.url + path);
  expect(response?.status()).toBe(200);
  return { page, csp };
}

describe('studio', () => {
  it('lists every issue with its status and planned send time in UK format', async () => {
    const { page, csp } = await open('/');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const april = rows.filter({ hasText: 'April 2022' });
    expect(await april.innerText()).toContain('sent');
    expect(await april.innerText()).toContain('5 April 2022 at 9am (BST)');
    const draft = rows.filter({ hasText: 'January 2099' });
    expect(await draft.innerText()).toContain('draft');
    expect(await draft.innerText()).toContain('12 January 2099 at 9am (GMT)');
    expect(await axeViolations(page)).toEqual([]);
    expect(csp).toEqual([]);
    await page.close();
  });

  it('shows the status the store records for an issue that is not sent', async () => {
    studio.run.store.statuses.change('2099-01', 'draft', 'approved');
    const { page } = await open('/');
    expect(await page.locator('tbody tr', { hasText: 'January 2099' }).innerText()).toContain('approved');
    studio.run.store.statuses.change('2099-01', 'approved', 'draft');
    await page.close();
  });

  it('opens the April 2022 issue at desktop width: the 600 px email in a wide frame', async () => {
    const { page, csp } = await open('/');
    await page.getByRole('link', { name: /April 2022/ }).click();
    await page.waitForURL(/\/issues\/2022-04\/$/);
    const frame = await emailFrame(page);
    expect(await frame.locator('body').innerText()).toContain('As we move into the new financial year');
    const frameWidth = await page.locator('iframe.email').evaluate((el) => el.getBoundingClientRect().width);
    expect(frameWidth).toBeGreaterThan(600);
    const emailWidth = await frame.evaluate(() =>
      Math.max(...[...document.querySelectorAll('div')].map((d) => d.getBoundingClientRect().width).filter((w) => w <= 600)),
    );
    expect(emailWidth).toBe(600);
    expect(await page.getByRole('link', { name: 'Desktop' }).getAttribute('aria-current')).toBe('page');
    expect(await axeViolations(page)).toEqual([]);
    expect(csp).toEqual([]);
    await page.close();
  });

  it('shows the mobile view 375 px wide with no horizontal scrolling', async () => {
    const { page } = await open('/issues/2022-04/');
    await page.getByRole('link', { name: /Mobile/ }).click();
    await page.waitForURL(/width=mobile/);
    const frame = await emailFrame(page);
    expect(await page.locator('iframe.email').evaluate((el) => el.getBoundingClientRect().width)).toBe(375);
    const { scrollWidth, clientWidth } = await frame.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(clientWidth).toBe(375);
    expect(scrollWidth).toBeLessThanOrEqual(375);
    expect(await frame.locator('body').innerText()).toContain('Published LCSPRs');
    await page.close();
  });

  it('dark mode applies the email’s own dark styles; forced dark inverts the email', async () => {
    const background = async (scheme: string) => {
      const { page } = await open(`/issues/2022-04/?scheme=${scheme}`);
      const frame = await emailFrame(page);
      const result = await frame.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        filter: getComputedStyle(document.documentElement).filter,
      }));
      await page.close();
      return result;
    };
    const light = await background('light');
    const dark = await background('dark');
    const inverted = await background('inverted');
    expect(dark.body).not.toBe(light.body);
    expect(light.filter).toBe('none');
    expect(inverted.filter).toContain('invert(1)');
  });

  it('shows the plain text and the HTML source, escaped, never as markup', async () => {
    const { page } = await open('/issues/2022-04/?show=text');
    expect(await page.locator('pre.plain').innerText()).toContain('As we move into the new financial year');
    await page.getByRole('link', { name: 'HTML source' }).click();
    await page.waitForURL(/show=source/);
    const source = await page.locator('pre.source').innerText();
    expect(source).toMatch(/^<!doctype html>/i);
    expect(source).toContain('*|UNSUB|*');
    expect(await page.locator('iframe').count()).toBe(0);
    await page.close();
  });

  it('shows the check report beside the email, findings under the section they come from', async () => {
    const { page } = await open('/issues/2022-04/');
    const report = page.locator('section.report');
    // April 2022 was sent: its findings are history, counted, not a verdict on sending.
    expect(await report.locator('.verdict').innerText()).toMatch(/\(\d+ errors?, \d+ warnings?\) are history/);
    const layout = await page.evaluate(() => {
      const frame = document.querySelector('iframe.email')!.getBoundingClientRect();
      const panel = document.querySelector('section.report')!.getBoundingClientRect();
      return { frameRight: frame.right, panelLeft: panel.left, sameRow: panel.top < frame.bottom };
    });
    expect(layout.sameRow).toBe(true);
    expect(layout.panelLeft).toBeGreaterThanOrEqual(layout.frameRight);
    await page.close();
  });

  it('the panel shows exactly the findings `newsletter check` reports', async () => {
    await studio.run.project.edit('content/issues/2099-01/issue.yaml', /closingDate: "?[0-9-]+"?/, 'closingDate: "2098-11-01"');
    const { report } = await checkIssue(studio.run.project.paths, '2099-01');
    expect(report.errors).toBeGreaterThan(0);
    const { page } = await open('/issues/2099-01/');
    const codes = page.locator('section.report li.finding code');
    await expect.poll(() => codes.allInnerTexts(), { timeout: 5000 }).toEqual(expect.arrayContaining(report.findings.map((f) => f.code)));
    expect(await codes.count()).toBe(report.findings.length);
    expect(await page.locator('section.report .verdict').innerText()).toContain(`${report.errors} error`);
    await page.close();
  });

  it('a finding’s section link brings that section of the email into view', async () => {
    await studio.run.project.edit('content/issues/2099-01/issue.yaml', /closingDate: "?[0-9-]+"?/, 'closingDate: "2098-12-01"');
    const { page } = await open('/issues/2099-01/');
    const link = page.locator('section.report h3 a[data-anchor]').first();
    await expect.poll(() => link.count(), { timeout: 5000 }).toBe(1);
    const title = await link.getAttribute('data-title');
    await emailFrame(page);
    await link.click();
    const frame = await emailFrame(page);
    const visible = await frame.evaluate((t) => {
      const h = [...document.querySelectorAll('h1,h2,h3')].find((x) => x.textContent?.trim() === t)!;
      const top = h.getBoundingClientRect().top + window.frameElement!.getBoundingClientRect().top;
      return top >= 0 && top < window.parent.innerHeight;
    }, title);
    expect(visible).toBe(true);
    await page.close();
  });
});
