// One studio and one Chromium for a test file: started before its tests, stopped after them.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { TempProject } from '../helpers/project.js';
import { launchBrowser, offlineContext } from '../helpers/browser.js';
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
