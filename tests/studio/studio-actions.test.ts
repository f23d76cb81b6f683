// The studio's actions in Chromium: approve (then a content change makes the approval stale),
// a proof that arrives at a real SMTP server on loopback, a share link made, copied and opened;
// refusals in the CLI's words; the forms work without JavaScript; accessible, within the CSP.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from '../../src/distribute/smtp.js';
import { onThisComputerOnly } from '../../src/share/address.js';
import { startSmtp, type TestSmtp } from '../workflow/smtp.js';
import { axeViolations, cspViolations, launchBrowser, offlineContext } from '../helpers/browser.js';
import { addCleanDraft, addDraft, type Running, runPreview } from '../helpers/preview-server.js';

const DRAFT = '2022-05'; // passes every check
const FAILING = '2099-01'; // dates in the past of its send date: check finds errors
let browser: Browser;
let context: BrowserContext;
let run: Running;
let smtp: TestSmtp;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await offlineContext(browser);
  smtp = await startSmtp();
  run = await runPreview(
    'studio',
    async (p) => {
      await addCleanDraft(p, DRAFT);
      await addDraft(p, FAILING);
    },
    {
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}?tls.rejectUnauthorized=false`, PROOF_ALLOWLIST: '@example.org' },
      transport: (url) => smtpTransport(url, { timeoutMs: 2000 }),
    },
  );
  // Before the clean draft's send time (5 April 2022), so it is ready to approve.
  run.clock.now = new Date('2022-03-30T09:00:00Z');
});
afterAll(async () => {
  await run?.stop();
  await smtp?.close();
  await browser?.close();
});

async function open(id: string, ctx = context): Promise<{ page: Page; csp: string[] }> {
  const page = await ctx.newPage();
  const csp = cspViolations(page);
  expect((await page.goto(`${run.url}/issues/${id}/`))?.status()).toBe(200);
  return { page, csp };
}

const result = (page: Page) => page.locator('#action-result[role="status"]');
const standing = (page: Page) => page.locator('#standing').innerText();

describe('studio actions', () => {
  it('approve: the page shows approved and fresh; a content change then shows stale, "changed since approval"', async () => {
    const { page, csp } = await open(DRAFT);
    expect(await standing(page)).toContain('Not approved yet');
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    await page.getByLabel('Your name', { exact: true }).fill('Ann Chair');
    await page.getByRole('button', { name: 'Approve this version' }).click();
    await expect
      .poll(() => result(page).innerText(), { timeout: 15_000 })
      .toMatch(/^Ann Chair approved 2022-05 \(content [0-9a-f]{12}\)\. 2022-05 is approved\./);
    await expect
      .poll(() => standing(page), { timeout: 10_000 })
      .toMatch(/approved[\s\S]*fresh[\s\S]*Approved as it is now by Ann Chair on 30 March 2022 at 10am \(BST\)/);
    // The store and the log hold what `newsletter approve` records.
    expect(run.store.statuses.get(DRAFT)).toBe('approved');
    const trail = run.store.audit.list(DRAFT).map((e) => [e.actor, e.action]);
    expect(trail).toEqual([
      ['Ann Chair', 'approve'],
      ['Ann Chair', 'status'],
    ]);
    expect(run.store.approvals.approvedSnapshot(DRAFT, 1)?.subject).toBe('Draft newsletter: May 2022');

    await run.project.edit(`content/issues/${DRAFT}/issue.yaml`, 'As we move into the new financial year', 'As we move into the new year');
    await expect.poll(() => standing(page), { timeout: 10_000 }).toMatch(/approved[\s\S]*stale[\s\S]*Changed since approval/);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    const list = await context.newPage();
    await list.goto(`${run.url}/`);
    expect(await list.locator('tbody tr', { hasText: 'May 2022' }).innerText()).toMatch(
      /approved\s+stale changed since approval \(Ann Chair/,
    );
    expect(csp).toEqual([]);
    await Promise.all([page.close(), list.close()]);
  });

  it('approve is refused while check finds errors, in the words of the CLI, and nothing is recorded', async () => {
    const { page } = await open(FAILING);
    await page.getByLabel('Your name', { exact: true }).fill('Ann Chair');
    await page.getByRole('button', { name: 'Approve this version' }).click();
    await expect
      .poll(() => result(page).innerText(), { timeout: 15_000 })
      .toContain('Not done: 2099-01 has 3 errors from check, so it cannot be approved:');
    expect(await result(page).locator('li').allInnerTexts()).toContain(
      'section 5 (recruitment): applications close on 18 April 2022, before the issue is sent (12 January 2099)',
    );
    expect(run.store.audit.list(FAILING)).toEqual([]);
    expect(run.store.statuses.get(FAILING)).toBe('draft');
    await page.close();
  });

  it('a proof from the studio arrives at the SMTP server, and is recorded as the CLI records it', async () => {
    const before = smtp.received.length;
    const { page } = await open(FAILING);
    await page.getByLabel('To').fill('reviewer@example.org, second@example.org');
    await page.getByLabel('Your name, for the log').fill('Bea Reviewer');
    await page.getByLabel('Send even if check finds errors (recorded)').check();
    await page.getByRole('button', { name: 'Send proof' }).click();
    await expect.poll(() => result(page).innerText(), { timeout: 15_000 }).toContain('delivered: second@example.org');
    expect(await result(page).innerText()).toContain('Sent despite 3 errors from check; this is recorded.');
    const [got] = smtp.received.slice(before);
    expect(got!.envelopeTo.sort()).toEqual(['reviewer@example.org', 'second@example.org']);
    expect(got!.mail.subject).toBe('[PROOF] Draft newsletter: January 2099');
    expect(got!.mail.html).toContain('As we move into the new financial year');
    expect(got!.mail.text).toContain('As we move into the new financial year');
    const [entry] = run.store.audit.list(FAILING, 'proof');
    expect(entry).toMatchObject({
      actor: 'Bea Reviewer',
      details: { forced: true, checkErrors: 3, delivered: ['reviewer@example.org', 'second@example.org'] },
    });
    await page.close();
  });

  it('a proof to an address outside PROOF_ALLOWLIST is refused before any connection', async () => {
    const connections = smtp.connections;
    const proofs = run.store.audit.list(DRAFT, 'proof').length;
    const { page } = await open(DRAFT);
    await page.getByLabel('To').fill('someone@elsewhere.test');
    await page.getByRole('button', { name: 'Send proof' }).click();
    await expect
      .poll(() => result(page).innerText(), { timeout: 15_000 })
      .toContain('Not done: not in PROOF_ALLOWLIST, so no proof was sent: someone@elsewhere.test');
    expect(await result(page).innerText()).toContain('add the address (or its @domain) to PROOF_ALLOWLIST');
    expect(smtp.connections).toBe(connections);
    expect(run.store.audit.list(DRAFT, 'proof')).toHaveLength(proofs);
    await page.close();
  });

  it('a share link is made, copied with the button, and opens; the page with the forms is accessible', async () => {
    const ctx = await offlineContext(browser);
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: run.url });
    const { page, csp } = await open(DRAFT, ctx);
    await page.getByLabel('The link works for').selectOption('1d');
    await page.getByRole('button', { name: 'Make a share link' }).click();
    const field = page.getByLabel('Share link');
    await expect.poll(() => field.count(), { timeout: 15_000 }).toBe(1);
    const url = await field.inputValue();
    expect(url).toMatch(new RegExp(`^${run.url}/share/[A-Za-z0-9_.-]+/$`));
    expect(await result(page).innerText()).toContain('Preview link to the draft 2022-05, valid until 31 March 2022 at 10am (BST).');
    expect(await page.locator('#share-note').innerText()).toBe(onThisComputerOnly(run.url)); // as the CLI says it
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.locator('[data-copied]').innerText()).toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(run.store.liveShareLinks(DRAFT)).toHaveLength(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(csp).toEqual([]);

    const shared = await ctx.newPage();
    expect((await shared.goto(url))?.status()).toBe(200);
    expect(await shared.locator('.banner').innerText()).toMatch(/^DRAFT — not yet sent/);
    expect(await shared.title()).toBe('Draft newsletter: May 2022');
    await ctx.close();
  });

  it('the forms work without JavaScript: post, then back to the issue page with the result', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    await ctx.route(
      (u) => u.hostname !== '127.0.0.1',
      (r) => r.abort(),
    );
    const { page } = await open(DRAFT, ctx);
    await page.getByRole('button', { name: 'Make a share link' }).click();
    await page.waitForURL(/\/issues\/2022-05\/\?result=[A-Za-z0-9_-]+#action-result$/);
    expect(await result(page).innerText()).toContain('Preview link to the draft 2022-05, valid until 6 April 2022');
    expect(await page.getByLabel('Share link').inputValue()).toMatch(/\/share\/.+\/$/);
    expect(await page.getByRole('button', { name: 'Copy link' }).isHidden()).toBe(true); // needs the script
    // The result belongs to the session that acted: another browser at the same address sees none.
    const other = await browser.newContext({ javaScriptEnabled: false });
    const stranger = await other.newPage();
    await stranger.goto(page.url());
    expect(await result(stranger).innerText()).toBe('');
    await Promise.all([ctx.close(), other.close()]);
  });
});
