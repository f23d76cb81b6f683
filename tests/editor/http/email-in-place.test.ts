// Issue 27: a new render reaches the email frame without a second request. The editor's preview
// answer and the studio's live-reload swap carry the email, and the page puts it into the frame's
// own document in place: the frame's policy (inline styles, no scripts) still governs it, the
// page's strict policy is untouched, and an answer for an edit already replaced is never shown.
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cspViolations, emailFrame } from '../../helpers/browser.js';
import { addDraft } from '../../helpers/preview-server.js';
import { studioInBrowser } from '../../studio/studio-browser.js';

const DRAFT = '2099-01';
const studio = studioInBrowser((p) => addDraft(p, DRAFT));

const draftFile = () => path.join(studio.run.project.paths.content, `issues/${DRAFT}/issue.yaml`);
const frameOf = (page: Page) => page.locator('iframe.email');
const headings = (page: Page) =>
  page.evaluate(() =>
    [...((document.querySelector('iframe.email') as HTMLIFrameElement).contentDocument?.querySelectorAll('h2') ?? [])].map(
      (h) => h.textContent,
    ),
  );

/** Open a page, mark its email frame's document, and count the email documents it asks for from then on. */
async function openMarked(address: string, ready: string): Promise<{ page: Page; csp: string[]; loads: Request[] }> {
  const page = await studio.context.newPage();
  const csp = cspViolations(page);
  await page.goto(`${studio.run.url}${address}`);
  await page.waitForSelector(ready);
  await emailFrame(page);
  await page.evaluate(
    () => (((document.querySelector('iframe.email') as HTMLIFrameElement).contentWindow as unknown as { mark: string }).mark = 'first'),
  );
  const loads: Request[] = [];
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() !== page.mainFrame()) loads.push(r);
  });
  return { page, csp, loads };
}

/** The frame still holds the document it first loaded (so nothing navigated it), with the email's own styles applied. */
async function sameDocumentStyled(page: Page): Promise<{ mark?: string; headingStyle: string }> {
  return page.evaluate(() => {
    const frame = document.querySelector('iframe.email') as HTMLIFrameElement;
    const h2 = frame.contentDocument!.querySelector('h2')!;
    return {
      mark: (frame.contentWindow as unknown as { mark?: string }).mark,
      headingStyle: `${frame.contentWindow!.getComputedStyle(h2).fontSize} ${frame.contentWindow!.getComputedStyle(h2).marginTop}`,
    };
  });
}

describe('the editor', () => {
  it('puts the edited email into the frame in place: no draft request, its styles applied, no CSP violation', async () => {
    const { page, csp, loads } = await openMarked(`/issues/${DRAFT}/edit/`, 'body[data-validated]');
    const before = await sameDocumentStyled(page);
    await page.locator('[id="f.sections.4.title"]').fill('Join the Panel in place');
    await expect.poll(() => headings(page), { timeout: 20_000 }).toContain('Join the Panel in place');
    const after = await sameDocumentStyled(page);
    expect(after.mark).toBe('first');
    // The template's heading size and margin, from the email's inline styles (the browser's own
    // would be 24px and about 20px): the frame's policy allows them.
    expect(before.headingStyle).toBe('22px 8px');
    expect(after.headingStyle).toBe('22px 8px');
    expect(loads.map((r) => r.url())).toEqual([]);
    expect(await frameOf(page).getAttribute('sandbox')).toBe('allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    expect(csp).toEqual([]);
    await page.close();
  });

  it('never shows a preview answer that arrives after a later one', async () => {
    const page = await studio.context.newPage();
    await page.goto(`${studio.run.url}/issues/${DRAFT}/edit/`);
    await page.waitForSelector('body[data-validated]');
    await emailFrame(page);
    // The answer for "Held heading" is kept back until the form has been reset and shown again.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    await page.route('**/api/edit/preview', async (route) => {
      if (held || !(route.request().postData() ?? '').includes('Held heading')) return route.continue();
      held = true;
      const response = await route.fetch();
      await released;
      await route.fulfill({ response });
    });
    const title = page.locator('[id="f.sections.4.title"]');
    const saved = await title.inputValue();
    await title.fill('Held heading');
    await expect.poll(() => held, { timeout: 20_000 }).toBe(true);
    // Discard: the form is drawn again from the file and previewed at once, past the held answer.
    const later = page.waitForEvent(
      'requestfinished',
      (r) => r.url().endsWith('/api/edit/preview') && (r.postData() ?? '').includes('"ops":[]'),
    );
    await page.click('#discard');
    await later;
    await expect.poll(() => headings(page), { timeout: 20_000 }).toContain(saved);
    const late = page.waitForEvent(
      'requestfinished',
      (r) => r.url().endsWith('/api/edit/preview') && (r.postData() ?? '').includes('Held heading'),
    );
    release();
    await late;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    expect(await headings(page)).toContain(saved);
    expect(await headings(page)).not.toContain('Held heading');
    await page.close();
  });
});

describe('the studio page (live reload)', () => {
  it('swaps a saved change into the frame in place, with no request for the email', async () => {
    const { page, csp, loads } = await openMarked(`/issues/${DRAFT}/`, 'iframe.email');
    await studio.run.project.edit(
      `content/issues/${DRAFT}/issue.yaml`,
      'title: Would you like to join the Panel?',
      'title: Saved outside the studio',
    );
    await expect.poll(() => headings(page), { timeout: 20_000 }).toContain('Saved outside the studio');
    const after = await sameDocumentStyled(page);
    expect(after.mark).toBe('first');
    expect(after.headingStyle).toBe('22px 8px');
    expect(loads.map((r) => r.url())).toEqual([]);
    expect(csp).toEqual([]);
    await page.close();
  });

  it('swaps after an atomic save too (a new file renamed over the old, as editors do)', async () => {
    const { page, csp } = await openMarked(`/issues/${DRAFT}/`, 'iframe.email');
    const text = await studio.run.project.read(`content/issues/${DRAFT}/issue.yaml`);
    const aside = path.join(path.dirname(draftFile()), '.issue.yaml.tmp-save');
    await writeFile(
      aside,
      text.replace(/title: (Would you like to join the Panel\?|Saved outside the studio)$/m, 'title: Renamed into place'),
    );
    await rename(aside, draftFile());
    await expect.poll(() => headings(page), { timeout: 20_000 }).toContain('Renamed into place');
    expect((await sameDocumentStyled(page)).mark).toBe('first');
    expect(csp).toEqual([]);
    await page.close();
  });

  it('another view (plain text) is swapped whole, as before', async () => {
    const page = await studio.context.newPage();
    await page.goto(`${studio.run.url}/issues/${DRAFT}/?show=text`);
    const plain = page.locator('pre.plain');
    await plain.waitFor();
    await studio.run.project.edit(`content/issues/${DRAFT}/issue.yaml`, 'As we move into the new financial year', 'As the text view shows');
    await expect.poll(() => plain.innerText(), { timeout: 20_000 }).toContain('As the text view shows');
    await page.close();
  });
});
