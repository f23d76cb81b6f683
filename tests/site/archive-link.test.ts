// An archived issue's web version links back to the list of every issue in the archive: added as
// it is served and as `build --site` writes it, never into the sent snapshot.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSentSnapshot } from '../../src/archive/sent.js';
import { main } from '../../src/cli/main.js';
import { launchBrowser, offlineContext, openPage } from '../helpers/browser.js';
import { type Running, runPreview } from '../helpers/preview-server.js';

let browser: Browser;
let context: BrowserContext;
let pub: Running;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await offlineContext(browser);
  pub = await runPreview('public');
});
afterAll(async () => {
  await pub?.stop();
  await browser?.close();
});

describe('the link from an archived issue back to the archive', () => {
  it('is in the footer of the served page, and opens the archive', async () => {
    const { page } = await openPage(context, `${pub.url}/archive/2022-04/`);
    await page.locator('footer').getByRole('link', { name: 'All issues in the archive' }).click();
    await page.waitForURL(/\/archive\/$/);
    expect(await page.locator('main').innerText()).toContain('April 2022');
    await page.close();
  });

  it('is in the footer of the built page, by a path that reaches the archive, and not in the snapshot', async () => {
    const io = { out: () => {}, err: () => {}, tty: false };
    expect(await main(['build', '--site'], io, pub.project.root)).toBe(0);
    const site = path.join(pub.project.root, 'dist/site');
    const html = await readFile(path.join(site, 'archive/2022-04/index.html'), 'utf8');
    const footer = /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';
    const href = /<a href="([^"]+)">All issues in the archive<\/a>/.exec(footer)?.[1];
    expect(href).toBeDefined();
    expect(path.join(site, 'archive/2022-04', href!, 'index.html')).toBe(path.join(site, 'archive/index.html'));
    expect((await readSentSnapshot(pub.project.paths, '2022-04'))!.snapshot.web).not.toContain('All issues in the archive');
  });
});
