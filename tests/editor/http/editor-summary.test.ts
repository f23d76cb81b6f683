// The error summary while the person types, in Chromium: it has role="alert", so each time it is
// hidden or written again a screen reader may say it again. Between an edit's preview and that
// edit's findings it keeps the findings shown (marked busy, not hidden); findings that come back
// the same leave it untouched, and a finding that goes or comes is written in.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../helpers/browser.js';
import { addDraft } from '../../helpers/preview-server.js';
import { openEditor, studioInBrowser } from '../../studio/studio-browser.js';

// A copy of April 2022 sent in 2099: its 2022 dates are three check errors.
const DRAFT = '2099-01';
const studio = studioInBrowser((p) => addDraft(p, DRAFT));
const WAIT = { timeout: 15_000 };
const field = (page: Page, id: string) => page.locator(`[id="${id}"]`);

const open = () => openEditor(studio, DRAFT, WAIT);

type Watched = { log: string[]; summary: HTMLElement };

/** From now on, every change to the summary: its `hidden` or `aria-busy` turned, children or text written. */
async function watchSummary(page: Page): Promise<void> {
  await page.evaluate(() => {
    const summary = document.getElementById('error-summary')!;
    const log: string[] = [];
    (window as unknown as { watched: Watched }).watched = { log, summary };
    new MutationObserver((records) => {
      for (const r of records) {
        const where = (r.target as Element).id || r.target.nodeName;
        if (r.type === 'attributes') log.push(`${r.attributeName} ${summary.getAttribute(r.attributeName!) ?? 'removed'}`);
        else if (r.type === 'characterData') log.push(`text written in ${r.target.parentElement?.id ?? ''}`);
        else log.push(`children of ${where}: ${r.removedNodes.length} out, ${r.addedNodes.length} in`);
      }
    }).observe(summary, {
      attributes: true,
      attributeFilter: ['hidden', 'aria-busy'],
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
}

/** What was seen since `watchSummary`, once the findings of the page's latest preview are shown. */
async function seen(page: Page): Promise<{ log: string[]; items: string[]; same: boolean; busy: boolean }> {
  await page.waitForFunction(() => document.body.dataset.checked === document.body.dataset.validated, undefined, WAIT);
  return page.evaluate(() => {
    const { log, summary } = (window as unknown as { watched: Watched }).watched;
    return {
      log,
      items: [...summary.querySelectorAll('a')].map((a) => a.textContent ?? ''),
      same: document.getElementById('error-summary') === summary && !summary.hidden,
      busy: summary.hasAttribute('aria-busy'),
    };
  });
}

/** The summary's items as they are now. */
const seen0 = (page: Page) =>
  page.evaluate(() => ({ items: [...document.querySelectorAll('#error-summary a')].map((a) => a.textContent ?? '') }));

const CHECK_ERRORS = [
  expect.stringMatching(/^Check: Recruitment: Would you like to join the Panel\?: applications close on 18 April 2022/),
  expect.stringMatching(/^Check: Stakeholder news: .* an event on 14 June 2022/),
  expect.stringMatching(/^Check: Stakeholder news: .* an event on 15 June 2022/),
];

describe('the error summary while typing', () => {
  it('stays as it is, never hidden nor written again, when the findings come back the same', async () => {
    const page = await open();
    await watchSummary(page);
    expect((await seen(page)).items).toEqual(CHECK_ERRORS);
    const body = field(page, 'f.sections.4.body');
    await body.press('End');
    // Typed key by key, as a person does: a preview, then its findings, for each burst.
    await body.pressSequentially(' Apply by the date shown.', { delay: 40 });
    // The email shows the last key's text: the preview of the edit as typed has been answered.
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLIFrameElement>('iframe.email')?.contentDocument?.body.textContent?.includes('Apply by the date shown.'),
      undefined,
      WAIT,
    );
    const after = await seen(page);
    expect(after.items).toEqual(CHECK_ERRORS);
    expect(after.same).toBe(true);
    // Only quietly marked out of date while each edit's findings were awaited, and no longer.
    expect(after.log.filter((l) => !l.startsWith('aria-busy '))).toEqual([]);
    expect(after.log).toContain('aria-busy true');
    expect(after.busy).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('is written in, still never hidden, when a finding goes and when it comes back', async () => {
    const page = await open();
    const date = field(page, 'f.sections.4.closingDate');
    await watchSummary(page);
    await date.fill('2099-02-01');
    await page.waitForFunction(() => document.querySelectorAll('#error-summary a').length === 2, undefined, WAIT);
    const gone = await seen(page);
    expect(gone.items).toEqual(CHECK_ERRORS.slice(1));
    expect(gone.same).toBe(true);
    expect(gone.log).not.toContainEqual(expect.stringMatching(/^hidden/));
    expect(gone.log).toContainEqual(expect.stringMatching(/^children of error-list: 3 out, 2 in/));

    await watchSummary(page);
    await date.fill('2022-04-18');
    await page.waitForFunction(() => document.querySelectorAll('#error-summary a').length === 3, undefined, WAIT);
    const back = await seen(page);
    expect(back.items).toEqual(CHECK_ERRORS);
    expect(back.same).toBe(true);
    expect(back.log).not.toContainEqual(expect.stringMatching(/^hidden/));
    expect(back.log).toContainEqual(expect.stringMatching(/^children of error-list: 2 out, 3 in/));
    expect(back.busy).toBe(false);
    await page.close();
  });

  /** The summary's lines: text and where each links. */
  const lines = (page: Page) =>
    page.$$eval('#error-list a', (as) => as.map((a): [string, string] => [a.textContent ?? '', a.getAttribute('href') ?? '']));
  const busy = (page: Page) => page.evaluate(() => document.getElementById('error-summary')!.hasAttribute('aria-busy'));
  /** Hold back every answer of the findings until the returned function is called. */
  async function holdFindings(page: Page): Promise<() => Promise<void>> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const handler = async (route: import('playwright-core').Route) => {
      await held;
      await route.continue().catch(() => undefined);
    };
    await page.route('**/edit/findings/**', handler);
    return async () => {
      release();
      await page.unroute('**/edit/findings/**', handler);
    };
  }
  const settled = (page: Page) =>
    page.waitForFunction(() => document.body.dataset.checked === document.body.dataset.validated, undefined, WAIT);
  const previewAnswered = (page: Page) =>
    page.waitForFunction(() => document.body.dataset.validated !== document.body.dataset.checked, undefined, WAIT);

  it('keeps each check line linked to its item while an item moves, until that version’s findings come', async () => {
    const page = await open();
    let release = async () => {};
    try {
      await settled(page);
      const recruitment = async () => (await lines(page)).find(([text]) => text.startsWith('Check: Recruitment:'))?.[1];
      const before = await lines(page);
      expect(await recruitment()).toBe('#f.sections.4'); // the fifth section
      release = await holdFindings(page);
      await page.click('[id="f.sections.4-up"]'); // Recruitment becomes the fourth section
      await previewAnswered(page);
      const kept = await lines(page);
      expect(await busy(page)).toBe(true);
      // The kept line follows its item: it links where Recruitment is now, which holds its closing date.
      expect(await recruitment()).toBe('#f.sections.3');
      expect(await field(page, 'f.sections.3.closingDate').inputValue()).toBe('2022-04-18');
      // The lines of items that did not move link where they did.
      expect(kept.filter(([text]) => !text.startsWith('Check: Recruitment:'))).toEqual(
        before.filter(([text]) => !text.startsWith('Check: Recruitment:')),
      );
      await release();
      await settled(page);
      // The new version's findings link to the same places.
      expect([...(await lines(page))].sort()).toEqual([...kept].sort());
      expect(await busy(page)).toBe(false);
    } finally {
      await release();
      await page.close();
    }
  });

  it('is not left marked busy when a preview fails, nor emptied when the findings do not come', async () => {
    const page = await open();
    let release = async () => {};
    try {
      await settled(page);
      const body = field(page, 'f.sections.4.body');
      await body.press('End');
      // A preview answered, its findings held back: marked busy meanwhile.
      release = await holdFindings(page);
      await body.pressSequentially(' A', { delay: 40 });
      await previewAnswered(page);
      expect(await busy(page)).toBe(true);
      // The next edit's preview fails: no findings are coming, so the summary is no longer busy.
      await page.route('**/api/edit/preview', (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: 'The studio could not render this version.' }),
        }),
      );
      await body.pressSequentially('B', { delay: 40 });
      await expect.poll(() => busy(page), WAIT).toBe(false);
      expect(await page.locator('#editor-status').textContent()).toBe('The studio could not render this version.');
      expect((await seen0(page)).items).toEqual(CHECK_ERRORS);
      await release();
      await page.unroute('**/api/edit/preview');

      // The findings' answer fails: those shown stay (not an empty list), said to be from before.
      await page.route('**/edit/findings/**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{}' }));
      await body.pressSequentially('C', { delay: 40 });
      await expect.poll(() => page.locator('#editor-status').textContent(), WAIT).toMatch(/^The checks did not answer for this change/);
      expect(await busy(page)).toBe(false);
      expect((await seen0(page)).items).toEqual(CHECK_ERRORS);
    } finally {
      await release();
      await page.close();
    }
  });

  it('keeps the focus where it was at Save when only check errors stand (the form has none)', async () => {
    const page = await open();
    await field(page, 'f.preheader').fill('A preheader that is fine');
    await watchSummary(page);
    await page.click('#save');
    await page.locator('#save-summary').waitFor();
    const after = await seen(page);
    expect(after.items).toEqual(CHECK_ERRORS);
    expect(after.log.filter((l) => !l.startsWith('aria-busy '))).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('save');
    await page.close();
  });
});
