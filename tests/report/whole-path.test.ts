// The whole path of a report: April 2022 sent through the stand-in, the daemon's readings at about
// +1 hour and +24 hours (after "not ready yet"), the studio's report page in Chromium (axe-clean,
// CSP intact, charts as images with their data beside them), and `newsletter report --json` and
// `--csv` from the same store. Only the aggregate report endpoints are ever asked.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { main } from '../../src/cli/main.js';
import { startPreview, type PreviewServer } from '../../src/server/server.js';
import type { IssueReport } from '../../src/report/model.js';
import { captured } from '../cli/capture.js';
import { axeViolations, cspViolations, launchBrowser, offlineContext } from '../helpers/browser.js';
import { SECRET } from '../helpers/preview-server.js';
import type { World } from '../scheduler/harness.js';
import { DUE, FOOTER_URL, HOUR, ISSUE, RECRUITMENT_URL, sentWorld, setFigures, TestClock, WELCOME_URL } from './world.js';

const clock = new TestClock(DUE);
let standin: Standin;
let w: Awaited<ReturnType<typeof sentWorld>>;
let browser: Browser;
let preview: PreviewServer;
beforeAll(async () => {
  standin = await startStandin({ now: clock.now });
  w = await sentWorld(standin, clock);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await preview?.close();
  await browser?.close();
  await w?.close();
  await standin?.stop();
});

const FIRST = {
  emails_sent: 3000,
  bounces: { hard_bounces: 12, soft_bounces: 8 },
  unsubscribed: 4,
  abuse_reports: 1,
  opens: { unique_opens: 1490 },
  clicks: { unique_subscriber_clicks: 298 },
  urls_clicked: [
    { url: RECRUITMENT_URL, total_clicks: 140, unique_clicks: 120 },
    { url: WELCOME_URL, total_clicks: 90, unique_clicks: 80 },
    { url: FOOTER_URL, total_clicks: 10, unique_clicks: 9 },
  ],
  domains: [
    { domain: 'nhs.net', emails_sent: 1200, opens: 500, clicks: 120 },
    { domain: 'gmail.com', emails_sent: 300, opens: 210, clicks: 30 },
  ],
};

const cli = async (args: string[], db: World['dbFile']) => {
  const io = captured();
  const code = await main(args, io, w.project.root, { NEWSLETTER_DB: db });
  return { code, out: io.stdout, err: io.stderr };
};

describe('a sent issue’s report, from the daemon to the studio and the command line', () => {
  it('is "not ready yet" until Mailchimp has a report, then read at about +1 hour and +24 hours', async () => {
    const { daemon, log } = w.daemon;
    clock.set(new Date(DUE.getTime() + 30 * 60_000));
    expect((await daemon.readReports()).size).toBe(0); // nothing due in the first hour

    clock.set(new Date(DUE.getTime() + HOUR + 60_000));
    expect((await daemon.readReports()).get(ISSUE)).toBe('not-ready');
    expect(log.lines.some((l) => l.event === 'report.not-ready' && l.level === 'info')).toBe(true);
    expect(log.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(w.store.reports.list(ISSUE)).toEqual([]);

    await setFigures(standin, w.campaignId, FIRST);
    clock.advance(5 * 60_000);
    expect((await daemon.readReports()).size).toBe(0); // waits before asking again
    clock.advance(15 * 60_000);
    expect((await daemon.readReports()).get(ISSUE)).toBe('read');
    expect((await daemon.readReports()).size).toBe(0); // the hour's reading is kept, once

    clock.set(new Date(DUE.getTime() + 24 * HOUR + 2 * 60_000));
    await setFigures(standin, w.campaignId, {
      ...FIRST,
      opens: { unique_opens: 1800 },
      clicks: { unique_subscriber_clicks: 410 },
      urls_clicked: [...FIRST.urls_clicked.slice(0, 2), { url: FOOTER_URL, total_clicks: 25, unique_clicks: 20 }],
    });
    expect((await daemon.readReports()).get(ISSUE)).toBe('read');
    expect(w.store.reports.list(ISSUE).map((r) => r.slot)).toEqual(['hour', 'day']);

    // Aggregates only: never a per-person report, and no address anywhere in what is kept.
    const asked = new Set(standin.requests.map((r) => r.operationId).filter((op) => op?.startsWith('getReports')));
    expect(asked).toEqual(new Set(['getReportsId', 'getReportsIdClickDetails', 'getReportsIdDomainPerformance']));
    expect(JSON.stringify(w.store.reports.list(ISSUE))).not.toMatch(/@/);
  });

  it('the studio shows the report page: figures, caveat beside the open rate, charts with tables, axe-clean', async () => {
    preview = await startPreview({ paths: w.project.paths, store: w.store, secret: SECRET, mode: 'studio', port: 0, now: clock.now });
    const context = await offlineContext(browser);
    const page = await context.newPage();
    const csp = cspViolations(page);
    // Reached from the sent issue's page in the studio.
    await page.goto(`${preview.url}/issues/${ISSUE}/`);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/report/')),
      page.getByRole('link', { name: 'What readers did' }).click(),
    ]);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-security-policy']).toContain("script-src 'none'");
    await expect(page.locator('h1').textContent()).resolves.toContain('What readers did');
    const figures = await page.locator('#figures').innerText();
    expect(figures).toContain('Emails sent\n3000');
    expect(figures).toContain('Clicked\n410 people, 13.8% of those delivered');
    expect(figures).toMatch(/Opened\n1800 people, 60\.4% of those delivered\s+Apple Mail Privacy Protection/);
    // Clicks by section, in the issue's order, with the footer's links after the sections.
    const sections = await page.locator('#sections tbody tr').allInnerTexts();
    expect(sections.map((r) => r.split('\t').slice(0, 2))).toEqual([
      ['Welcome', '90'],
      ['Would you like to join the Panel?', '140'],
      ['Header and footer', '25'],
    ]);
    const charts = page.locator('svg[role="img"]');
    await expect(charts.count()).resolves.toBe(2);
    await expect(page.locator('svg[role="img"] title').allTextContents()).resolves.toEqual([
      'Clicks by section',
      'Opens and clicks over the readings',
    ]);
    await expect(page.locator('#readings tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('#links tbody tr').first().innerText()).resolves.toContain(RECRUITMENT_URL);
    expect(await axeViolations(page)).toEqual([]);
    // The per-link table as a download, the same CSV `newsletter report --csv` prints.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download this table (CSV, for a spreadsheet)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${ISSUE}-links.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^"url",/i);
    expect(csv).toContain(RECRUITMENT_URL);
    expect(csp).toEqual([]);
    await context.close();
  }, 60_000);

  it('is never served in public mode', async () => {
    const pub = await startPreview({ paths: w.project.paths, store: w.store, secret: SECRET, mode: 'public', port: 0, now: clock.now });
    try {
      expect((await fetch(`${pub.url}/issues/${ISSUE}/report/`)).status).toBe(404);
    } finally {
      await pub.close();
    }
  });

  it('`newsletter report --json` and `--csv` give the same figures from the same store', async () => {
    const json = await cli(['report', ISSUE, '--json'], w.dbFile);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.out) as IssueReport;
    expect(r.state).toBe('ready');
    if (r.state !== 'ready') return;
    expect(r.latest).toMatchObject({ slot: 'day', emailsSent: 3000, delivered: 2980, opens: { unique: 1800 }, clicks: { unique: 410 } });
    expect(r.series.map((s) => s.clicks?.unique)).toEqual([298, 410]);
    expect(r.links[0]).toMatchObject({ url: RECRUITMENT_URL, section: { index: 4 }, totalClicks: 140 });
    expect(r.domains.map((d) => d.domain)).toEqual(['nhs.net', 'gmail.com']);

    const csv = await cli(['report', ISSUE, '--csv'], w.dbFile);
    expect(csv.out.split('\r\n')[0]).toBe('"url","section","section_title","total_clicks","unique_clicks","read_at"');
    expect(csv.out).toContain(`"${RECRUITMENT_URL}","5","Would you like to join the Panel?","140","120"`);

    const text = await cli(['report', ISSUE], w.dbFile);
    expect(text.out).toContain('clicked         410 people (13.8% of those delivered), 255 clicks in all');
    expect(text.out).toContain('Note: Apple Mail Privacy Protection');
  });
});
