// One studio and one Chromium for a test file: started before its tests, stopped after them.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { TempProject } from '../helpers/project.js';
import { cspViolations, launchBrowser, offlineContext } from '../helpers/browser.js';
import { type Running, runPreview } from '../helpers/preview-server.js';

export interface StudioInBrowser {
  browser: Browser;
  context: BrowserContext;
  run: Running;
}

/** The fields are filled in once the file's `beforeAll` has run. */
export function studioInBrowser(prepare: (p: TempProject) => Promise<void>, then?: (run: Running) => void): StudioInBrowser {
  const s = {} as StudioInBrowser;
  beforeAll(async () => {
    s.browser = await launchBrowser();
    s.context = await offlineContext(s.browser);
    s.run = await runPreview('studio', prepare);
    then?.(s.run);
  });
  afterAll(async () => {
    await s.run?.stop();
    await s.browser?.close();
  });
  return s;
}

/**
 * The editor of issue `id` in a new page, once its first findings are shown (body[data-checked]);
 * the page fails its test if it broke the content security policy by the time it closes.
 */
export async function openEditor(studio: StudioInBrowser, id: string, wait?: { timeout: number }): Promise<Page> {
  const page = await studio.context.newPage();
  const csp = cspViolations(page);
  page.on('close', () => expect(csp).toEqual([]));
  expect((await page.goto(`${studio.run.url}/issues/${id}/edit/`))?.status()).toBe(200);
  await page.waitForSelector('body[data-checked]', wait);
  return page;
}
