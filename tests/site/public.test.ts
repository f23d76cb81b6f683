// Public mode and the archive in Chromium: only sent issues, the feed with absolute links, no
// studio, no drafts; accessible; traversal attempts are not found; `build --site` writes the same.
import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { axeViolations, cspViolations, launchBrowser, offlineContext, openPage } from '../helpers/browser.js';
import { addDraft, rawGet, type Running, runPreview } from '../helpers/preview-server.js';

const DRAFT_SUBJECT = 'Draft newsletter: January 2099';
let browser: Browser;
let context: BrowserContext;
let pub: Running;
let studio: Running;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await offlineContext(browser);
  pub = await runPreview('public', (p) => addDraft(p, '2099-01', DRAFT_SUBJECT));
  studio = await runPreview('studio', (p) => addDraft(p, '2099-01', DRAFT_SUBJECT));
});
afterAll(async () => {
  await pub?.stop();
  await studio?.stop();
  await browser?.close();
});

const open = (url: string): Promise<{ page: Page; csp: string[] }> => openPage(context, url);

describe('public archive', () => {
  it('lists sent issues only, newest first, and is accessible', async () => {
    for (const run of [pub, studio]) {
      const { page, csp } = await open(`${run.url}/archive/`);
      const items = await page.locator('ul.issues li h2').allInnerTexts();
      expect(items).toHaveLength(1);
      expect(items[0]).toMatch(/April 2022$/);
      expect(await page.locator('body').innerText()).not.toContain(DRAFT_SUBJECT);
      expect(await axeViolations(page)).toEqual([]);
      expect(csp).toEqual([]);
      await page.close();
    }
  });

  it('the issue’s web version opens from the archive and is accessible', async () => {
    const { page, csp } = await open(`${pub.url}/archive/`);
    await page.getByRole('link', { name: /April 2022/ }).click();
    await page.waitForURL(/\/archive\/2022-04\/$/);
    expect(await page.locator('main').innerText()).toContain('As we move into the new financial year');
    expect(await page.locator('.banner').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(csp).toEqual([]);
    await page.close();
  });

  it('the Atom feed has the sent issue with absolute links and no drafts', async () => {
    const feed = await rawGet(pub.url, '/feed.xml');
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(feed.body).toContain(`<link rel="alternate" type="text/html" href="${pub.url}/archive/2022-04/"/>`);
    expect(feed.body).toContain('<published>2022-04-05T08:00:00Z</published>');
    expect(feed.body).not.toContain('2099-01');
    expect((feed.body.match(/<entry>/g) ?? []).length).toBe(1);
  });

  it('in public mode the studio, drafts, check reports and events are not found', async () => {
    for (const path of ['/issues/2099-01/', '/issues/2022-04/', '/issues/2099-01/email', '/events', '/archive/2099-01/']) {
      const r = await rawGet(pub.url, path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain(DRAFT_SUBJECT);
    }
    const home = await rawGet(pub.url, '/');
    expect(home.status).toBe(302);
    expect(home.headers.location).toBe('/archive/');
  });

  it('a draft is not in the archive in studio mode either', async () => {
    expect((await rawGet(studio.url, '/archive/2099-01/')).status).toBe(404);
    expect((await rawGet(studio.url, '/feed.xml')).body).not.toContain('2099-01');
  });
});

describe('safety', () => {
  const attempts = [
    '/archive/../issues/2099-01/',
    '/archive/%2e%2e/issues/2099-01/',
    '/archive/%2E%2E%2Fissues%2F2099-01/',
    '/archive/..%2f..%2fetc%2fpasswd',
    '/archive/..%5c..%5cetc%5cpasswd',
    '/archive\\..\\content/newsletter.yaml',
    '//etc/passwd',
    '/etc/passwd',
    '/content/issues/2099-01/issue.yaml',
    '/.newsletter/state.db',
    '/archive/%00/',
    '/share/%2e%2e%2fissues/',
  ];
  it.each(attempts)('%s is not found', async (attempt) => {
    for (const run of [pub, studio]) {
      const r = await rawGet(run.url, attempt);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain(DRAFT_SUBJECT);
    }
  });

  it('every response carries the security headers and no secret', async () => {
    for (const [run, path] of [
      [pub, '/archive/'],
      [pub, '/feed.xml'],
      [pub, '/nowhere'],
      [studio, '/'],
      [studio, '/issues/2022-04/'],
      [studio, '/issues/2022-04/email'],
    ] as const) {
      const r = await rawGet(run.url, path);
      expect(r.headers['content-security-policy'], path).toMatch(/default-src 'none'/);
      expect(r.headers['content-security-policy']).not.toContain('unsafe-eval');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      // The issue page posts its action forms: same-origin lets those posts carry their Origin
      // (checked by the server) and still tells no other site anything.
      expect(r.headers['referrer-policy']).toBe(path === '/issues/2022-04/' ? 'same-origin' : 'no-referrer');
      expect(r.body).not.toContain('test-preview-secret');
    }
    const events = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const url = new URL(studio.url);
      const req = request({ host: url.hostname, port: url.port, path: '/events', headers: { host: url.host } }, (res) => {
        resolve(res.headers);
        res.destroy();
      });
      req.on('error', reject).end();
    });
    expect(events['content-type']).toMatch(/^text\/event-stream/);
    expect(events['content-security-policy']).toMatch(/default-src 'none'/);
    expect(events['x-content-type-options']).toBe('nosniff');
    const email = await rawGet(studio.url, '/issues/2022-04/email');
    expect(email.headers['content-security-policy']).toMatch(/sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox;/);
    expect(email.headers['content-security-policy']).not.toMatch(/script-src|allow-scripts/);
    const studioPage = await rawGet(studio.url, '/issues/2022-04/');
    expect(studioPage.body).toMatch(/<iframe class="email"[^>]* sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"/);
    expect(studioPage.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('redirects to addresses with non-ASCII characters are percent-encoded, not a failure', async () => {
    for (const [run, from, to] of [
      [pub, '/share/%C3%A9t%C3%A9', '/share/%C3%A9t%C3%A9/'],
      [pub, '/archive/caf%C3%A9', '/archive/caf%C3%A9/'],
      [studio, '/issues/%E2%98%83', '/issues/%E2%98%83/'],
    ] as const) {
      const r = await rawGet(run.url, from);
      expect(r.status, from).toBe(301);
      expect(r.headers.location).toBe(to);
      expect((await rawGet(run.url, to)).status).not.toBe(500);
    }
    expect(pub.errors).toEqual([]);
    expect(studio.errors).toEqual([]);
  });

  it('error pages load their own styles under the Content-Security-Policy', async () => {
    for (const url of [`${pub.url}/nowhere`, `${pub.url}/share/${'A'.repeat(20)}.${'B'.repeat(43)}/`]) {
      const page = await context.newPage();
      const csp = cspViolations(page);
      const status = (await page.goto(url))?.status();
      expect([403, 404]).toContain(status);
      const style = await page
        .locator('main')
        .evaluate((m) => ({ maxWidth: getComputedStyle(m).maxWidth, font: getComputedStyle(m).fontFamily }));
      expect(style.maxWidth, url).toBe('1024px');
      expect(style.font).toContain('Arial');
      expect(csp).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    }
  });

  it('the studio answers only to loopback host names', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(studio.url);
      request({ host: url.hostname, port: url.port, path: '/', headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(404);
  });

  it('markup written into content is refused and shown as text, never run', async () => {
    await studio.project.edit(
      'content/issues/2099-01/issue.yaml',
      'As we move into the new financial year',
      'As we move <script>window.ran=1</script><img src=x onerror="window.ran=2">',
    );
    await studio.server.workspace.refresh([`${studio.project.root}/content/issues/2099-01/issue.yaml`]);
    const { page } = await open(`${studio.url}/issues/2099-01/`);
    expect(await page.locator('#overlay').innerText()).toContain('contains HTML (<script>)');
    const frame = page.frames().find((f) => f.url().includes('/email'))!;
    await frame.waitForLoadState('load');
    expect(await frame.locator('body').innerText()).toContain('As we move into the new financial year');
    expect(await page.evaluate(() => (window as unknown as { ran?: number }).ran)).toBeUndefined();
    expect(await frame.evaluate(() => (window as unknown as { ran?: number }).ran)).toBeUndefined();
    await page.close();
  });
});

describe('newsletter build --site', () => {
  it('writes the archive and feed of sent issues as static files', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), tty: false };
    process.env.PUBLIC_URL = 'https://newsletter.example.org';
    try {
      expect(await main(['build', '--site'], io, pub.project.root)).toBe(0);
    } finally {
      delete process.env.PUBLIC_URL;
    }
    const site = `${pub.project.root}/dist/site`;
    expect((await readdir(`${site}/archive`)).sort()).toEqual(['2022-04', 'index.html']);
    const feed = await readFile(`${site}/feed.xml`, 'utf8');
    expect(feed).toContain('href="https://newsletter.example.org/archive/2022-04/"');
    expect(feed).not.toContain('2099-01');
    const index = await readFile(`${site}/index.html`, 'utf8');
    expect(index).toContain('href="archive/2022-04/"');
    expect(index).not.toContain(DRAFT_SUBJECT);
    expect(await readFile(`${site}/archive/2022-04/index.html`, 'utf8')).toContain('As we move into the new financial year');
  });
});
