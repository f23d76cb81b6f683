// Share links in Chromium: a valid link shows the draft with a DRAFT banner and says when the
// issue changed since; expired, forged, revoked and malformed links get a 403 with no draft content.
// Links are never signed or trusted with a weak secret; the public server sees drafts written later.
import { createHmac } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { makeShareLink } from '../../src/share/share.js';
import { PreviewConfigError, previewSecret, SECRET_FILE } from '../../src/http/config.js';
import { verifyShareToken } from '../../src/share/share-token.js';
import { launchBrowser, offlineContext } from '../helpers/browser.js';
import { addDraft, rawGet, type Running, runPreview, SECRET } from '../helpers/preview-server.js';

const DRAFT = '2099-01';
const DRAFT_SUBJECT = 'Draft newsletter: January 2099';
let browser: Browser;
let context: BrowserContext;
let run: Running;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await offlineContext(browser);
  run = await runPreview('public', (p) => addDraft(p, DRAFT, DRAFT_SUBJECT));
});
afterAll(async () => {
  await run?.stop();
  await browser?.close();
});

async function link(seconds = 7 * 86_400): Promise<string> {
  const current = (await run.server.workspace.render(DRAFT))!.rendered.hash;
  const made = makeShareLink(run.store, SECRET, {
    issue: DRAFT,
    hash: current,
    seconds,
    now: run.clock.now,
    publicUrl: run.url,
    by: 'Ann',
  });
  return made.url;
}

async function visit(url: string): Promise<{ page: Page; status: number; text: string }> {
  const page = await context.newPage();
  const response = await page.goto(url);
  return { page, status: response?.status() ?? 0, text: await page.locator('body').innerText() };
}

/** What the server answers at `url`, read over HTTP: refusals and withdrawals are the server's logic, seen with no browser. */
async function answer(url: string): Promise<{ status: number; text: string }> {
  const { status, body } = await rawGet(run.url, new URL(url).pathname);
  return { status, text: body };
}

function expectRefused(r: { status: number; text: string }): void {
  expect(r.status).toBe(403);
  expect(r.text).toContain('This preview link does not work');
  expect(r.text).not.toContain(DRAFT_SUBJECT);
  expect(r.text).not.toContain('As we move into the new financial year');
}

describe('share links', () => {
  it('a valid link shows the draft with a DRAFT banner, unchanged since the link was made', async () => {
    const r = await visit(await link());
    expect(r.status).toBe(200);
    expect(await r.page.locator('.banner').innerText()).toMatch(/^DRAFT — not yet sent/);
    expect(r.text).not.toContain('has changed since');
    expect(await r.page.title()).toBe(DRAFT_SUBJECT);
    expect(r.text).toContain('As we move into the new financial year');
    await r.page.close();
  });

  it('says when the issue has changed since the link was made, and shows the latest version', async () => {
    const url = await link();
    await run.project.edit(`content/issues/${DRAFT}/issue.yaml`, 'As we move into the new financial year', 'Changed after sharing');
    await run.server.workspace.refresh([`${run.project.root}/content/issues/${DRAFT}/issue.yaml`]);
    const r = await visit(url);
    expect(r.status).toBe(200);
    expect(await r.page.locator('.banner').innerText()).toContain(
      'This issue has changed since this link was made on 1 May 2024 at 10am (BST)',
    );
    expect(r.text).toContain('Changed after sharing');
    await r.page.close();
  });

  it('an expired link gets 403 and no draft content', async () => {
    const url = await link(3600);
    run.clock.now = new Date(run.clock.now.getTime() + 3601_000);
    try {
      expectRefused(await answer(url));
    } finally {
      run.clock.now = new Date('2024-05-01T09:00:00Z');
    }
  });

  it('forged links get 403: another secret, a changed issue, a changed expiry', async () => {
    const url = await link();
    const token = url.split('/share/')[1]!.replace(/\/$/, '');
    const [body, sig] = token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const reSigned = (p: Record<string, unknown>) => `${Buffer.from(JSON.stringify(p)).toString('base64url')}.${sig}`;
    const otherSecret = makeShareLink(run.store, 'another-secret-entirely-0123456789', {
      issue: DRAFT,
      hash: payload.h as string,
      seconds: 600,
      now: run.clock.now,
      publicUrl: run.url,
      by: 'Ann',
    });
    for (const forged of [
      otherSecret.url,
      `${run.url}/share/${reSigned({ ...payload, i: '2022-04' })}/`,
      `${run.url}/share/${reSigned({ ...payload, x: (payload.x as number) + 86_400 * 365 })}/`,
    ]) {
      expectRefused(await answer(forged));
    }
  });

  it('the expiry kept in the store is enforced, not only the one inside the token', async () => {
    const url = await link(7 * 86_400);
    expect((await answer(url)).status).toBe(200);
    const id = (JSON.parse(Buffer.from(url.split('/share/')[1]!.split('.')[0]!, 'base64url').toString()) as { l: string }).l;
    // Shortened in the store after the link was sent: the token still says seven days.
    const db = new Database(run.dbFile);
    try {
      db.prepare('UPDATE share_link SET expires_at = ? WHERE link_id = ?').run(new Date(run.clock.now.getTime() - 1000).toISOString(), id);
    } finally {
      db.close();
    }
    expectRefused(await answer(url));
  });

  it('share pages, and refusals, tell search engines not to index them', async () => {
    const path = new URL(await link()).pathname;
    const shown = await rawGet(run.url, path);
    expect(shown.status).toBe(200);
    expect(shown.headers['x-robots-tag']).toMatch(/\bnoindex\b/);
    const refused = await rawGet(run.url, `/share/${'A'.repeat(20)}.${'B'.repeat(43)}/`);
    expect(refused.status).toBe(403);
    expect(refused.headers['x-robots-tag']).toMatch(/\bnoindex\b/);
  });

  it('the public server takes in a draft written after it started, and later edits to it', async () => {
    const id = '2099-02';
    await addDraft(run.project, id, 'Written after the server started');
    const made = await cli(['share', id]);
    expect(made.code, made.err).toBe(0);
    const url = made.out.match(/http:\/\/127\.0\.0\.1:\d+\/share\/\S+\//)![0];
    const opened = () => answer(url);
    await expect.poll(async () => (await opened()).status, { timeout: 10_000 }).toBe(200);
    const first = await opened();
    expect(first.text).toContain('As we move into the new financial year');
    expect(first.text).not.toContain('has changed since');

    await run.project.edit(`content/issues/${id}/issue.yaml`, 'As we move into the new financial year', 'Edited while the server ran');
    await expect.poll(async () => (await opened()).text, { timeout: 10_000 }).toContain('Edited while the server ran');
    expect((await opened()).text).toContain('This issue has changed since this link was made');
  });

  it('malformed tokens get 403', async () => {
    for (const bad of ['nonsense', 'a.b', `${'A'.repeat(20)}.${'B'.repeat(43)}`, '%E2%98%83']) {
      const r = await rawGet(run.url, `/share/${bad}/`);
      expect(r.status).toBe(403);
      expect(r.body).not.toContain(DRAFT_SUBJECT);
    }
  });

  it('`share --revoke` withdraws every link to the issue', async () => {
    const first = await link();
    const second = await link();
    expect((await answer(first)).status).toBe(200);
    const { code, out } = await cli(['share', '--revoke', DRAFT]);
    expect(code).toBe(0);
    expect(out).toMatch(/Withdrew \d+ links to 2099-01/);
    expectRefused(await answer(first));
    expectRefused(await answer(second));
  });
});

/** Run the CLI against this server's project, store and secret; `extra` changes the environment (undefined: unset). */
async function cli(argv: string[], extra: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), tty: false };
  const env: Record<string, string | undefined> = { NEWSLETTER_DB: run.dbFile, PREVIEW_SECRET: SECRET, PUBLIC_URL: run.url, ...extra };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  try {
    return { code: await main(argv, io, run.project.root), out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

describe('newsletter share', () => {
  it('prints a working link, never the secret; refuses a sent issue and a bad --expires', async () => {
    const made = await cli(['share', DRAFT, '--expires', '2d']);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/valid until \d{1,2} [A-Z][a-z]+ \d{4} at \d/);
    const url = made.out.match(/http:\/\/127\.0\.0\.1:\d+\/share\/\S+\//)![0];
    expect(made.out + made.err).not.toContain(SECRET);
    expect((await answer(url)).status).toBe(200);

    const sent = await cli(['share', '2022-04']);
    expect(sent.code).toBe(1);
    expect(sent.err).toContain('2022-04 has been sent');
    const forever = await cli(['share', DRAFT, '--expires', 'forever']);
    expect(forever.code).toBe(1);
    expect(forever.err).toContain('is not a duration');
    expect(forever.err).not.toMatch(/\n\s+at /);

    // Last, as a person sees it (skipped where Chromium is not installed), then withdrawn.
    const r = await visit(url);
    expect(r.status).toBe(200);
    expect(r.text).toContain('DRAFT');
    await r.page.close();
    expect((await cli(['share', '--revoke', DRAFT])).code).toBe(0);
    expectRefused(await answer(url));
  });

  it('generates PREVIEW_SECRET into the state folder when unset, and keeps it', async () => {
    const first = previewSecret(run.project.root, {});
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(previewSecret(run.project.root, {})).toBe(first);
    const file = `${run.project.root}/.newsletter/${SECRET_FILE}`;
    expect((await readFile(file, 'utf8')).trim()).toBe(first);
    expect((await stat(file)).mode & 0o077).toBe(0);
    const given = 'a-given-secret-of-forty-bytes-0123456789';
    expect(previewSecret(run.project.root, { PREVIEW_SECRET: given })).toBe(given);
  });
});

describe('weak secrets', () => {
  const secretFile = () => `${run.project.root}/.newsletter/${SECRET_FILE}`;

  it('a PREVIEW_SECRET under 32 bytes is a usage error that says how to make a good one', async () => {
    expect(() => previewSecret(run.project.root, { PREVIEW_SECRET: 'short-secret' })).toThrow(PreviewConfigError);
    for (const argv of [
      ['share', DRAFT],
      ['serve', '--public', '--port', '0'],
    ]) {
      const r = await cli(argv, { PREVIEW_SECRET: 'x'.repeat(31) });
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err).toContain('PREVIEW_SECRET is 31 bytes long');
      expect(r.err).toContain('openssl rand -base64 32');
      expect(r.err).not.toContain('x'.repeat(31));
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).not.toContain('/share/');
    }
  });

  it('an empty generated secret file is replaced, so links signed with an empty key never open', async () => {
    await mkdir(`${run.project.root}/.newsletter`, { recursive: true });
    await writeFile(secretFile(), '');
    const made = await cli(['share', DRAFT], { PREVIEW_SECRET: undefined });
    expect(made.code, made.err).toBe(0);
    const kept = (await readFile(secretFile(), 'utf8')).trim();
    expect(Buffer.byteLength(kept)).toBeGreaterThanOrEqual(32);
    expect(previewSecret(run.project.root, {})).toBe(kept);
    // What anyone could mint while the key was empty.
    const body = Buffer.from(JSON.stringify({ l: 'A'.repeat(16), i: DRAFT, h: 'a'.repeat(64), x: 4_102_444_800 })).toString('base64url');
    const minted = `${body}.${createHmac('sha256', '').update(`panel-newsletter share v1.${body}`).digest('base64url')}`;
    expect(verifyShareToken(minted, kept, run.clock.now).ok).toBe(false);
    expect(verifyShareToken(minted, '', run.clock.now)).toEqual({ ok: false, reason: 'forged' });
  });

  it('a short secret file is refused, never used, and the message says what to do', async () => {
    await mkdir(`${run.project.root}/.newsletter`, { recursive: true });
    await writeFile(secretFile(), 'guessable\n');
    try {
      const r = await cli(['share', DRAFT], { PREVIEW_SECRET: undefined });
      expect(r.code).toBe(1);
      expect(r.err).toContain('.newsletter/preview-secret holds a secret of only 9 bytes');
      expect(r.err).toContain('delete the file');
      expect(r.err).not.toContain('guessable');
      expect(r.out).not.toContain('/share/');
      expect(await readFile(secretFile(), 'utf8')).toBe('guessable\n');
    } finally {
      await writeFile(secretFile(), '');
    }
  });
});
