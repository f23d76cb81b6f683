// The archive's accessibility statement (issue 19): served in public mode and written by
// `build --site`, linked from the footer of every archive page, its facts taken from
// newsletter.yaml and the check registry, and itself accessible in Chromium.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/check/registry.js';
import { main } from '../../src/cli/main.js';
import { axeViolations, launchBrowser, offlineContext, openPage } from '../helpers/browser.js';
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

const open = (url: string): Promise<{ page: Page; csp: string[] }> => openPage(context, url);

describe('the accessibility statement in public mode', () => {
  it('is linked from the footer of the archive and of every issue in it, and opens', async () => {
    for (const at of ['/archive/', '/archive/2022-04/']) {
      const { page } = await open(`${pub.url}${at}`);
      await page.locator('footer').getByRole('link', { name: 'Accessibility statement' }).click();
      await page.waitForURL(/\/accessibility\/$/);
      expect(await page.locator('h1').innerText()).toBe('Accessibility statement for Child Safeguarding Practice Review Panel newsletter');
      await page.close();
    }
  });

  it('has the parts the regulations require, with facts from newsletter.yaml and the checks', async () => {
    const { page, csp } = await open(`${pub.url}/accessibility/`);
    const headings = await page.locator('h2').allInnerTexts();
    expect(headings).toEqual([
      'How accessible the archive and the emails are',
      'Feedback and contact information',
      'Reporting accessibility problems with the archive or the emails',
      'Enforcement procedure',
      'Technical information about the archive’s accessibility',
      'How we check the newsletter',
      'Preparation of this accessibility statement',
    ]);
    const text = await page.locator('main').innerText();
    expect(text).toContain('get back to you within 5 working days');
    expect(await page.getByRole('link', { name: 'Mailbox.NationalReviewPanel@education.gov.uk' }).first().getAttribute('href')).toBe(
      'mailto:Mailbox.NationalReviewPanel@education.gov.uk',
    );
    expect(text).toContain('Equality and Human Rights Commission (EHRC)');
    expect(await page.getByRole('link', { name: /Equality Advisory and Support Service/ }).getAttribute('href')).toBe(
      'https://www.equalityadvisoryservice.com/',
    );
    expect(text).toContain('The archive is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard');
    expect(text).toContain('Issues sent before April 2022 are not in the archive');
    expect(text).toContain('This fails WCAG 2.2 success criterion 1.4.10 Reflow.');
    expect(text).toContain('This statement was prepared on 5 April 2022. It was last reviewed on 2 December 2026.');
    // Every check in the registry is named, those about accessibility with their WCAG criteria.
    for (const check of CHECKS) expect(text).toContain(`${check.name}`);
    expect(text).toContain(
      'accessibility: lang, image alt text, heading order, colour contrast, layout tables (WCAG 2.2: 1.1.1 Non-text Content',
    );
    expect(text).toContain(
      'links: links well formed, https or mailto, with text that says where they go (WCAG 2.2: 2.4.4 Link Purpose (In Context))',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(csp).toEqual([]);
    await page.close();
  });

  it('is not there when newsletter.yaml gives no statement, and neither are the links to it', async () => {
    const bare = await runPreview('public', (p) => p.edit('content/newsletter.yaml', /\naccessibility:[\s\S]*$/, '\n'));
    try {
      const page = await context.newPage();
      expect((await page.goto(`${bare.url}/accessibility/`))?.status()).toBe(404);
      await page.goto(`${bare.url}/archive/2022-04/`);
      expect(await page.getByRole('link', { name: 'Accessibility statement' }).count()).toBe(0);
      await page.close();
    } finally {
      await bare.stop();
    }
  });
});

describe('the accessibility statement in build --site', () => {
  it('is written, and every page of the built archive links to it by a path that reaches it', async () => {
    const io = { out: () => {}, err: () => {}, tty: false };
    process.env.PUBLIC_URL = 'https://newsletter.example.org';
    try {
      expect(await main(['build', '--site'], io, pub.project.root)).toBe(0);
    } finally {
      delete process.env.PUBLIC_URL;
    }
    const site = path.join(pub.project.root, 'dist/site');
    const statement = await readFile(path.join(site, 'accessibility/index.html'), 'utf8');
    expect(statement).toContain('https://newsletter.example.org/archive/');
    const pages = (await readdir(site, { recursive: true })).filter((f) => f.endsWith('.html') && !f.startsWith('accessibility'));
    expect(pages.sort()).toEqual(['archive/2022-04/index.html', 'archive/index.html', 'index.html']);
    for (const rel of pages) {
      const html = await readFile(path.join(site, rel), 'utf8');
      const footer = /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';
      const href = /<a href="([^"]+)">Accessibility statement<\/a>/.exec(footer)?.[1];
      expect(href, rel).toBeDefined();
      expect(path.join(path.dirname(path.join(site, rel)), href!, 'index.html')).toBe(path.join(site, 'accessibility/index.html'));
    }
  });
});
