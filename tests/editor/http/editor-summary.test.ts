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
