// Sign-in through a real OpenID provider on 127.0.0.1 (oidc-provider), end to end in Chromium:
// the authorization code flow with PKCE, state and nonce; two people approving from two browsers
// count as two, the same person twice as one. What a provider sends back is forged in some tests
// (re-signed with the provider's key, or another), and each forgery is refused.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CustomFetch } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, offlineContext } from '../helpers/browser.js';
import { rawRequest } from '../helpers/preview-server.js';
import { ACCOUNTS, callbackFor, CLIENT, decodeJwt, startProvider, type TestProvider } from './openid-provider.js';
import { startTeamStudio, type TeamStudio } from './team-studio.js';

let op: TestProvider;
let s: TeamStudio;
let browser: Browser;
/** When set, the ID token the provider returns is replaced with what this makes of its claims. */
let forge: ((claims: Record<string, unknown>) => Promise<string>) | undefined;

const oidcFetch: CustomFetch = async (url, options) => {
  const res = await fetch(url, options as RequestInit);
  if (!forge || !url.endsWith('/token') || !res.ok) return res;
  const body = (await res.json()) as { id_token: string };
  body.id_token = await forge(decodeJwt(body.id_token));
  return new Response(JSON.stringify(body), {
    status: res.status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
};

beforeAll(async () => {
  op = await startProvider();
  s = await startTeamStudio(
    { OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: CLIENT.id, OIDC_CLIENT_SECRET: CLIENT.secret },
    (p) => p.edit('content/newsletter.yaml', /^name: /m, 'approvals: 2\nname: '),
    { team: { config: () => undefined as never, oidcFetch } },
  );
  op.serve(s.url);
  // April 2022 is approvable on 30 March 2022.
  s.clock.now = new Date('2022-03-30T09:00:00Z');
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await s?.stop();
  await op?.close();
});

/** Open an issue page; sign in at the provider as `login` on the way; back on the page asked for. */
async function signInAs(context: BrowserContext, login: string, path = '/issues/2022-05/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${s.url}${path}`);
  await page.getByRole('link', { name: 'Sign in with your work account' }).click();
  await page.waitForURL((u) => u.origin === op.issuer);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'any');
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.origin === s.url || /Continue/.test(''), { timeout: 2000 }).catch(() => undefined);
  if (new URL(page.url()).origin === op.issuer) await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((u) => u.origin === s.url);
  return page;
}

describe('signing in with the identity provider', () => {
  it('lands on the page asked for, signed in as the provider says; a new session each time', async () => {
    const context = await offlineContext(browser);
    const page = await signInAs(context, 'priya');
    expect(new URL(page.url()).pathname).toBe('/issues/2022-05/');
    await expect(page.locator('.bar').textContent()).resolves.toContain('Signed in as Priya Shah (approver)');
    await expect(page.locator('input[name=by]').count()).resolves.toBe(0);
    const cookie = (await context.cookies()).find((c) => c.name === 'newsletter_team')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const entry = s.store.audit.list(undefined, 'sign-in').at(-1)!;
    expect(entry.details).toMatchObject({ email: 'priya@example.gov.uk', issuer: op.issuer, subject: 'priya' });
    await context.close();
  });

  it('someone signed in at the provider but not on the team gets one plain page, and the attempt is logged', async () => {
    const context = await offlineContext(browser);
    const page = await context.newPage();
    await page.goto(`${s.url}/`);
    await page.getByRole('link', { name: 'Sign in with your work account' }).click();
    await page.fill('input[name=login]', 'stranger');
    await page.fill('input[name=password]', 'any');
    await page.click('button[type=submit]');
    await page.waitForURL((u) => u.origin === s.url || u.pathname.includes('interaction'));
    if (new URL(page.url()).origin === op.issuer) await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((u) => u.origin === s.url);
    await expect(page.locator('h1').textContent()).resolves.toContain('You are not on the');
    await expect(page.locator('main').textContent()).resolves.toContain('Ada Admin');
    expect((await context.cookies()).some((c) => c.name === 'newsletter_team')).toBe(false);
    expect(s.store.audit.list(undefined, 'sign-in-refused').at(-1)!.details).toMatchObject({
      email: ACCOUNTS.stranger!.email,
      why: 'not on the team',
    });
    await context.close();
  });

  it('sign out ends the session here and at the provider', async () => {
    const context = await offlineContext(browser);
    const page = await signInAs(context, 'omar', '/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.origin === op.issuer);
    expect(s.store.teamSessions.countFor('omar@example.gov.uk')).toBe(0);
    await context.close();
  });
});

describe('two people approve in two browsers', () => {
  it('approvals: 2 counts two people; the same person twice counts once', async () => {
    const priya = await offlineContext(browser);
    const priyaAgain = await offlineContext(browser);
    const omar = await offlineContext(browser);
    const approve = async (page: Page) => {
      await page.getByRole('button', { name: 'Approve this version' }).click();
      await page.locator('#action-result strong').waitFor();
      return page.locator('#action-result').textContent();
    };
    await expect(approve(await signInAs(priya, 'priya'))).resolves.toContain('Priya Shah <priya@example.gov.uk> approved 2022-05');
    expect(s.store.statuses.get('2022-05')).toBe('draft');
    await expect(approve(await signInAs(priyaAgain, 'priya'))).resolves.toContain('had already approved');
    expect(s.store.statuses.get('2022-05')).toBe('draft');
    await expect(approve(await signInAs(omar, 'omar'))).resolves.toContain('2022-05 is approved');
    expect(s.store.statuses.get('2022-05')).toBe('approved');
    const approvals = s.store.approvals.live('2022-05');
    expect(approvals.map((a) => [a.approver, a.person])).toEqual([
      ['Priya Shah <priya@example.gov.uk>', { email: 'priya@example.gov.uk', issuer: op.issuer, subject: 'priya' }],
      ['Omar Khan <omar@example.gov.uk>', { email: 'omar@example.gov.uk', issuer: op.issuer, subject: 'omar' }],
    ]);
    for (const c of [priya, priyaAgain, omar]) await c.close();
  });
});

describe('what the provider sends back is checked', () => {
  /** The callback as the browser would open it: with the login cookie, or another's, or none. */
  const open = async (url: string, cookie?: string) => {
    const r = await rawRequest(s.url, 'GET', url.slice(s.url.length), cookie ? { cookie } : {});
    const signedIn = [r.headers['set-cookie'] ?? []].flat().some((c) => c.startsWith('newsletter_team=') && !c.includes('Max-Age=0'));
    return { status: r.status, text: r.body, signedIn };
  };

  it('a forged state is refused', async () => {
    const { url, cookie } = await callbackFor(s.url, 'priya');
    const forged = new URL(url);
    forged.searchParams.set('state', 'forged-state');
    const r = await open(forged.href, cookie);
    expect(r).toMatchObject({ status: 403, signedIn: false });
    expect(r.text).toContain('does not match the sign-in this browser started');
  });

  it('a replayed callback is refused, in the same browser and in another', async () => {
    const { url, cookie } = await callbackFor(s.url, 'priya');
    expect(await open(url, cookie)).toMatchObject({ status: 303, signedIn: true });
    expect(await open(url, cookie)).toMatchObject({ status: 403, signedIn: false });
    expect(await open(url)).toMatchObject({ status: 403, signedIn: false });
    // Another browser's own login does not accept this one's answer either (login CSRF).
    const other = await callbackFor(s.url, 'omar');
    const theirs = new URL(url);
    theirs.searchParams.set('state', new URL(other.url).searchParams.get('state')!);
    expect(await open(theirs.href, other.cookie)).toMatchObject({ status: 403, signedIn: false });
  });

  const forgeries: [string, (c: Record<string, unknown>) => Promise<string>][] = [
    ['a wrong nonce', (c) => op.sign({ ...c, nonce: 'another-nonce' })],
    ['a token from another issuer', (c) => op.sign({ ...c, iss: 'http://127.0.0.1:1' })],
    ['a token for another audience', (c) => op.sign({ ...c, aud: 'another-client' })],
    ['a token signed with another key', (c) => op.sign(c, 'other')],
    ['an expired token', (c) => op.sign({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })],
  ];
  it.each(forgeries)('%s is refused, and no session is made', async (_name, make) => {
    const { url, cookie } = await callbackFor(s.url, 'priya');
    const sessions = s.store.teamSessions.countFor('priya@example.gov.uk');
    forge = make;
    try {
      const r = await open(url, cookie);
      expect(r).toMatchObject({ status: 403, signedIn: false });
      expect(r.text).toContain('The identity provider&#39;s answer could not be verified');
    } finally {
      forge = undefined;
    }
    expect(s.store.teamSessions.countFor('priya@example.gov.uk')).toBe(sessions);
  });

  it('the same forgery machinery lets an honest token through (so the refusals above are the checks)', async () => {
    const { url, cookie } = await callbackFor(s.url, 'priya');
    forge = (c) => op.sign(c);
    try {
      expect(await open(url, cookie)).toMatchObject({ status: 303, signedIn: true });
    } finally {
      forge = undefined;
    }
  });
});
