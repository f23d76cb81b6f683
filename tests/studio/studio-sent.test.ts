// An issue that is being sent, or was sent, is not approved, proofed, shared or edited: in
// Chromium the studio offers none of it, and the requests themselves are refused, saying why.
// Every studio page has its icon (no 404 in the console), and the archive leads back to the list.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { issueClosed } from '../../src/workflow/closed.js';
import { axeViolations } from '../helpers/browser.js';
import { addDraft, rawRequest, studioSession } from '../helpers/preview-server.js';
import { studioInBrowser } from './studio-browser.js';

const SENT = '2022-04'; // sent: its file and its sent record say so
const SENDING = '2099-02';
const DRAFT = '2099-01';
const FORM = 'application/x-www-form-urlencoded';
const studio = studioInBrowser(
  async (p) => {
    await addDraft(p, DRAFT);
    await addDraft(p, SENDING, 'Being sent: February 2099');
  },
  (run) => {
    run.store.statuses.change(SENDING, 'draft', 'approved');
    run.store.statuses.change(SENDING, 'approved', 'sending');
  },
);

/** A page opened in Chromium, with every failed request and console error it caused. */
async function open(address: string): Promise<{ page: Page; failures: string[] }> {
  const page = await studio.context.newPage();
  const failures: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') failures.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  expect((await page.goto(`${studio.run.url}${address}`))?.status()).toBe(200);
  await page.waitForLoadState('load');
  return { page, failures };
}

describe('an issue being sent or sent', () => {
  it.each([
    [SENT, 'sent'],
    [SENDING, 'sending'],
  ] as const)('%s (%s): no approve, proof, share or Edit on its page, and its editor has no form', async (id, status) => {
    const { page } = await open(`/issues/${id}/`);
    expect(await page.locator('#actions-closed').innerText()).toContain(issueClosed(status));
    for (const name of ['Approve this version', 'Send proof', 'Make a share link'])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${studio.run.url}/issues/${id}/edit/`);
    expect(await page.locator('#closed-notice').innerText()).toBe(issueClosed(status));
    expect(await page.locator('form, input, textarea, select, #save').count()).toBe(0);
    await page.close();
  });

  it('a sent issue says when it was sent, and shows its findings as history, not as "ready to send"', async () => {
    const { page } = await open(`/issues/${SENT}/`);
    expect(await page.locator('#head p').innerText()).toMatch(/^Sent on 5 April 2022 at 9am \(BST\) · /);
    const report = page.locator('section.report');
    expect(await report.locator('h2').innerText()).toBe('Checks, as history');
    expect(await report.locator('.verdict').innerText()).toMatch(
      /^Sent on .*What went out cannot change: these findings \(\d+ errors?, \d+ warnings?\) are history/,
    );
    expect(await report.innerText()).not.toContain('Ready to send');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a draft still offers them all', async () => {
    const { page } = await open(`/issues/${DRAFT}/`);
    for (const name of ['Approve this version', 'Send proof', 'Make a share link'])
      expect(await page.getByRole('button', { name }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(1);
    await page.close();
  });

  it('the requests are refused with the reason, and nothing is recorded or written', async () => {
    const { cookie, token } = await studioSession(studio.run.url, DRAFT);
    const headers = { origin: studio.run.url, cookie, 'content-type': FORM };
    for (const [id, status] of [
      [SENT, 'sent'],
      [SENDING, 'sending'],
    ] as const) {
      for (const action of ['approve', 'proof', 'share']) {
        const fields = new URLSearchParams({ csrf: token, by: 'Ann Chair', to: 'ann@example.org' }).toString();
        const posted = await rawRequest(studio.run.url, 'POST', `/issues/${id}/${action}`, headers, fields);
        expect(posted.status).toBe(303);
        const shown = await rawRequest(studio.run.url, 'GET', String(posted.headers.location).split('#')[0]!, { cookie });
        expect(shown.body).toContain(`Not done: ${issueClosed(status).replace(/'/g, '&#39;')}`);
      }
      expect(studio.run.store.approvals.live(id)).toEqual([]);
      expect(studio.run.store.audit.list(id, 'proof')).toEqual([]);
      expect(studio.run.store.liveShareLinks(id)).toEqual([]);
      const editor = await rawRequest(studio.run.url, 'GET', `/issues/${DRAFT}/edit/`);
      const key = /<meta name="studio-token" content="([^"]+)">/.exec(editor.body)![1]!;
      const body = JSON.stringify({
        file: `issues/${id}/issue.yaml`,
        hash: 'x',
        ops: [{ op: 'set', path: ['preheader'], value: 'Changed' }],
      });
      const save = await rawRequest(
        studio.run.url,
        'POST',
        '/api/edit/save',
        { origin: studio.run.url, 'x-studio-token': key, 'content-type': 'application/json' },
        body,
      );
      expect([save.status, JSON.parse(save.body)]).toEqual([409, { error: issueClosed(status) }]);
    }
  });
});

describe('every studio page', () => {
  it('has its icon, no request fails and nothing is logged as an error, and the archive links back to the list', async () => {
    for (const address of ['/', `/issues/${DRAFT}/`, `/issues/${DRAFT}/edit/`, '/new-issue/', '/archive/']) {
      const { page, failures } = await open(address);
      const icon = await page.locator('link[rel="icon"]').getAttribute('href');
      expect(decodeURIComponent(icon ?? ''), address).toMatch(/^data:image\/svg\+xml,<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(failures, address).toEqual([]);
      await page.close();
    }
    // A page that names no icon (an issue's web version) gets the one at /favicon.ico.
    const { page, failures } = await open(`/archive/${SENT}/`);
    expect(await page.locator('link[rel="icon"]').count()).toBe(0);
    const asked = await studio.context.request.get(`${studio.run.url}/favicon.ico`);
    expect([asked.status(), asked.headers()['content-type'], (await asked.text()).startsWith('<svg')]).toEqual([
      200,
      'image/svg+xml',
      true,
    ]);
    expect(failures).toEqual([]);
    await page.goto(`${studio.run.url}/archive/`);
    await page.getByRole('link', { name: 'Back to all issues in the studio' }).click();
    await page.waitForURL(`${studio.run.url}/`);
    expect(await page.locator('h1').innerText()).toBe('Issues');
    await page.close();
  });
});
