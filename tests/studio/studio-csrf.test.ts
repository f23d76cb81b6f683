// The studio's actions over raw HTTP: a POST from another origin, without the session's form
// token, or with another session's token is refused and records nothing; public mode has no
// actions at all (404). The one request that passes shows the refusals are the checks' doing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCleanDraft, rawRequest, type Running, runPreview, studioSession } from '../helpers/preview-server.js';

const DRAFT = '2022-05';
let studio: Running;
let pub: Running;

beforeAll(async () => {
  studio = await runPreview('studio', (p) => addCleanDraft(p, DRAFT));
  pub = await runPreview('public', (p) => addCleanDraft(p, DRAFT));
});
afterAll(async () => {
  await studio?.stop();
  await pub?.stop();
});

const FORM = 'application/x-www-form-urlencoded';
const recorded = (run: Running) => ({
  audit: run.store.audit.list(DRAFT).length,
  links: run.store.liveShareLinks(DRAFT).length,
  status: run.store.statuses.get(DRAFT),
});

async function post(run: Running, action: string, headers: Record<string, string>, fields: Record<string, string>) {
  return rawRequest(
    run.url,
    'POST',
    `/issues/${DRAFT}/${action}`,
    { 'content-type': FORM, ...headers },
    new URLSearchParams(fields).toString(),
  );
}

describe('studio actions refuse what did not come from the studio', () => {
  it('refuses a cross-origin POST, a missing or wrong token and another session’s token; records nothing', async () => {
    const mine = await studioSession(studio.url, DRAFT);
    const theirs = await studioSession(studio.url, DRAFT);
    expect(theirs.cookie).not.toBe(mine.cookie);
    const origin = studio.url;
    const before = recorded(studio);
    const attempts: [string, Record<string, string>, Record<string, string>][] = [
      ['another site', { origin: 'http://evil.example', cookie: mine.cookie }, { csrf: mine.token }],
      ['another port of the same host', { origin: 'http://127.0.0.1:1', cookie: mine.cookie }, { csrf: mine.token }],
      ['an opaque origin', { origin: 'null', cookie: mine.cookie }, { csrf: mine.token }],
      ['no origin, cross-site fetch metadata', { 'sec-fetch-site': 'cross-site', cookie: mine.cookie }, { csrf: mine.token }],
      ['no origin and no fetch metadata', { cookie: mine.cookie }, { csrf: mine.token }],
      ['a missing token', { origin, cookie: mine.cookie }, {}],
      ['a wrong token', { origin, cookie: mine.cookie }, { csrf: `${mine.token.slice(0, -2)}AA` }],
      ['another session’s token', { origin, cookie: mine.cookie }, { csrf: theirs.token }],
      ['no session cookie', { origin }, { csrf: mine.token }],
    ];
    for (const [what, headers, fields] of attempts) {
      for (const action of ['approve', 'share', 'proof']) {
        const r = await post(studio, action, headers, { ...fields, by: 'Mallory', to: 'a@example.org', expires: '7d' });
        expect(r.status, `${action} with ${what}`).toBe(403);
        expect(r.body).toContain('The studio refused this request');
      }
    }
    expect(recorded(studio)).toEqual(before);

    // The same request from the studio's own page, with its own token, is done.
    const done = await post(studio, 'share', { origin, cookie: mine.cookie }, { csrf: mine.token, expires: '7d' });
    expect(done.status).toBe(303);
    expect(done.headers.location).toMatch(/^\/issues\/2022-05\/\?result=[A-Za-z0-9_-]+#action-result$/);
    expect(recorded(studio).links).toBe(before.links + 1);
    // A browser that sends Sec-Fetch-Site but no Origin is judged by it.
    const viaMetadata = await post(studio, 'share', { 'sec-fetch-site': 'same-origin', cookie: mine.cookie }, { csrf: mine.token });
    expect(viaMetadata.status).toBe(303);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, and refuses what is not a small form', async () => {
    const page = await rawRequest(studio.url, 'GET', `/issues/${DRAFT}/`);
    expect(String(page.headers['set-cookie'])).toMatch(/^newsletter_studio=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    const { cookie, token } = await studioSession(studio.url, DRAFT);
    const headers = { origin: studio.url, cookie };
    const json = await rawRequest(studio.url, 'POST', `/issues/${DRAFT}/share`, { ...headers, 'content-type': 'application/json' }, '{}');
    expect(json.status).toBe(415);
    const huge = await post(studio, 'share', headers, { csrf: token, by: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);
    expect((await rawRequest(studio.url, 'GET', `/issues/${DRAFT}/approve`)).status).toBe(405);
    expect((await post(studio, 'approve', headers, { csrf: token, by: 'Ann' })).status).toBe(303); // the token still works
    expect(
      (await rawRequest(studio.url, 'POST', '/issues/2000-01/approve', { ...headers, 'content-type': FORM }, `csrf=${token}`)).status,
    ).toBe(404);
  });

  it('public mode has no actions: 404, nothing recorded, no forms on any page', async () => {
    const before = recorded(pub);
    for (const action of ['approve', 'proof', 'share']) {
      const r = await post(pub, action, { origin: pub.url }, { csrf: 'x', by: 'Mallory' });
      expect(r.status, action).toBe(404);
    }
    expect(recorded(pub)).toEqual(before);
    expect((await rawRequest(pub.url, 'GET', `/issues/${DRAFT}/`)).status).toBe(404);
    for (const path of ['/archive/', '/archive/2022-04/']) {
      const r = await rawRequest(pub.url, 'GET', path);
      expect(r.body).not.toContain('<form');
      expect(r.headers['set-cookie']).toBeUndefined();
      expect(r.headers['content-security-policy']).toContain("form-action 'none'");
    }
  });
});
