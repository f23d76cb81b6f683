// The team studio's gate, against a real server: without a session nothing of the studio shows;
// an expired session, a removed person, a role too low, a cross-origin POST and a return-to
// address off the studio are each refused, and a refusal records nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeReturn } from '../../src/team/http/routes.js';
import { removeMember } from '../../src/team/members.js';
import { startTeamStudio, type TeamStudio } from './team-studio.js';

let s: TeamStudio;
beforeAll(async () => {
  s = await startTeamStudio();
}, 30_000);
afterAll(() => s.stop());

const STUDIO_GETS = [
  '/',
  '/issues/2022-05/',
  '/issues/2022-05/email',
  '/issues/2022-04/report/',
  '/issues/2022-05/edit/',
  '/issues/2022-05/publish/',
  '/issues/2022-05/edit/draft/abc',
  '/issues/2022-05/edit/findings/abc',
  '/edit/regions/',
  '/new-issue/',
  '/events',
  '/team/',
];
const STUDIO_POSTS = [
  '/issues/2022-05/approve',
  '/issues/2022-05/proof',
  '/issues/2022-05/share',
  '/api/edit/preview',
  '/api/edit/save',
  '/api/edit/presence',
  '/issues/2022-05/publish',
  '/issues/2022-05/unschedule',
  '/issues/2022-05/send-now',
  '/issues/2022-05/import-sent',
  '/issues/2022-05/report',
  '/api/issues/new',
  '/team/put',
  '/team/remove',
  '/auth/sign-out',
];

describe('without a session', () => {
  it.each(STUDIO_GETS)('GET %s goes to sign-in and shows nothing of the studio', async (path) => {
    const r = await s.get(path);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe(`/auth/sign-in/?return=${encodeURIComponent(path)}`);
    expect(r.body).toBe(`See ${r.headers.location}\n`);
  });

  it.each(STUDIO_POSTS)('POST %s goes to sign-in and records nothing', async (path) => {
    const before = s.store.audit.list().length;
    const r = await s.post('', path, { csrf: 'x', email: 'mallory@example.org', role: 'admin', by: 'Mallory' });
    expect(r.status).toBe(303);
    expect(r.headers.location).toMatch(/^\/auth\/sign-in\//);
    expect(s.store.audit.list().length).toBe(before);
    expect(s.store.team.get('mallory@example.org')).toBeUndefined();
  });

  it('readers’ pages stay open: the archive, the feed, the sign-in page', async () => {
    expect((await s.get('/archive/')).status).toBe(200);
    expect((await s.get('/feed.xml')).status).toBe(200);
    const page = await s.get('/auth/sign-in/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Email me a sign-in link');
  });

  it('a Host other than STUDIO_URL’s is not served at all', async () => {
    const { rawRequest } = await import('../helpers/preview-server.js');
    const r = await rawRequest(s.url, 'GET', '/auth/sign-in/', { host: 'evil.example:80' });
    expect(r.status).toBe(404);
  });
});

describe('signed in', () => {
  it('the studio names the person and asks no name; a new session id at each sign-in', async () => {
    const first = await s.signIn('priya@example.gov.uk');
    const second = await s.signIn('priya@example.gov.uk');
    expect((await s.get('/', first)).status).toBe(200);
    expect(first).not.toBe(second);
    const page = await s.get('/issues/2022-05/', second);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Signed in as <strong>Priya Shah</strong> (approver)');
    expect(page.body).not.toContain('name="by"');
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('the session cookie is HttpOnly and SameSite=Lax (no Secure on loopback http)', async () => {
    await s.post('', '/auth/email', { email: 'omar@example.gov.uk' });
    const { waitFor } = await import('./team-studio.js');
    await waitFor(() => s.smtp.received.some((m) => m.envelopeTo.includes('omar@example.gov.uk')));
    const token = new URL(s.linkFor('omar@example.gov.uk')).searchParams.get('token')!;
    const r = await s.post('', '/auth/link', { token });
    expect(r.headers['set-cookie']).toEqual([
      expect.stringMatching(/^newsletter_team=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=72000$/),
    ]);
  });

  it('a writer’s POST to approve gets 403 in plain words and records nothing', async () => {
    const cookie = s.sessionFor('wren@example.gov.uk');
    const csrf = await s.formToken(cookie, '/issues/2022-05/');
    const before = s.store.audit.list().length;
    const r = await s.post(cookie, '/issues/2022-05/approve', { csrf });
    expect(r.status).toBe(403);
    expect(r.body).toContain('Only an approver or above may do this: you are a writer, so it cannot be approved by you.');
    expect(r.body).toContain('Nothing was done or recorded.');
    expect(s.store.approvals.live('2022-05')).toEqual([]);
    expect(s.store.audit.list().length).toBe(before);
  });

  it('role escalation: a writer cannot make themselves admin, nor remove anyone', async () => {
    const cookie = s.sessionFor('wren@example.gov.uk');
    const csrf = await s.formToken(cookie);
    expect((await s.post(cookie, '/team/put', { csrf, email: 'wren@example.gov.uk', role: 'admin' })).status).toBe(403);
    expect((await s.post(cookie, '/team/remove', { csrf, email: 'ada@example.gov.uk' })).status).toBe(403);
    expect(s.store.team.get('wren@example.gov.uk')?.role).toBe('writer');
    expect(s.store.team.get('ada@example.gov.uk')?.role).toBe('admin');
  });

  it('a cross-origin POST is refused, even with the right cookie and token', async () => {
    const cookie = s.sessionFor('priya@example.gov.uk');
    const csrf = await s.formToken(cookie, '/issues/2022-05/');
    const r = await s.post(cookie, '/issues/2022-05/share', { csrf, expires: '1d' }, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(r.body).toContain('did not come from a page of this studio');
    const forged = await s.post(cookie, '/issues/2022-05/share', { csrf: 'forged', expires: '1d' });
    expect(forged.status).toBe(403);
    expect(s.store.liveShareLinks('2022-05')).toEqual([]);
  });

  it('an admin adds a colleague in the studio; the change is audited with who made it', async () => {
    const cookie = s.sessionFor('ada@example.gov.uk');
    const csrf = await s.formToken(cookie);
    const r = await s.post(cookie, '/team/put', { csrf, email: 'new.person@example.gov.uk', name: 'New Person', role: 'publisher' });
    expect(r.status).toBe(303);
    const page = await s.get(r.headers.location as string, cookie);
    expect(page.body).toContain('New Person (new.person@example.gov.uk) is on the team as a publisher.');
    const entry = s.store.audit.list(undefined, 'team-add').at(-1)!;
    expect(entry.actor).toBe('Ada Admin <ada@example.gov.uk>');
    expect(entry.details.by).toEqual({ name: 'Ada Admin', email: 'ada@example.gov.uk', issuer: s.url, subject: 'ada@example.gov.uk' });
    // The last admin cannot remove themselves.
    const self = await s.post(cookie, '/team/remove', { csrf, email: 'ada@example.gov.uk' });
    expect((await s.get(self.headers.location as string, cookie)).body).toContain('is the team&#39;s only admin and cannot be removed');
  });

  it('a removed person is refused at their next request: their sessions are gone', async () => {
    const cookie = s.sessionFor('omar@example.gov.uk');
    expect((await s.get('/', cookie)).status).toBe(200);
    removeMember(s.store, 'omar@example.gov.uk', { hostUser: 'test' });
    expect(s.store.teamSessions.countFor('omar@example.gov.uk')).toBe(0);
    const r = await s.get('/', cookie);
    expect(r.status).toBe(303);
    expect(r.body).not.toContain('Draft newsletter');
  });

  it('a session whose person left the team by other means is refused with whom to ask, and ended', async () => {
    const cookie = s.sessionFor('ghost@example.gov.uk');
    const r = await s.get('/', cookie);
    expect(r.status).toBe(403);
    expect(r.body).toContain('Ada Admin');
    expect(r.body).not.toContain('Draft newsletter');
    expect(s.store.teamSessions.countFor('ghost@example.gov.uk')).toBe(0);
  });

  it('an idle session ends, and so does one past its lifetime', async () => {
    const cookie = s.sessionFor('priya@example.gov.uk');
    const start = s.clock.now;
    try {
      s.clock.now = new Date(start.getTime() + 2 * 3600_000);
      const idle = await s.get('/', cookie);
      expect(idle.status).toBe(303);
      expect(idle.headers.location).toBe('/auth/sign-in/?return=%2F&ended=1');
      const fresh = s.sessionFor('priya@example.gov.uk');
      for (let h = 1; h < 20; h++) {
        s.clock.now = new Date(start.getTime() + (2 + h) * 3600_000);
        expect((await s.get('/', fresh)).status).toBe(200);
      }
      s.clock.now = new Date(start.getTime() + 22 * 3600_000);
      expect((await s.get('/', fresh)).status).toBe(303);
    } finally {
      s.clock.now = start;
    }
  });

  it('sign out ends the session here', async () => {
    const cookie = s.sessionFor('priya@example.gov.uk');
    const csrf = await s.formToken(cookie, '/');
    const r = await s.post(cookie, '/auth/sign-out', { csrf });
    expect(r.status).toBe(200);
    expect(r.body).toContain('You have signed out');
    expect((await s.get('/', cookie)).status).toBe(303);
  });
});

describe('the return-to address is only ever a path of the studio', () => {
  it.each([
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['/%2F%2Fevil.example', '/'],
    ['/auth/callback?code=x', '/'],
    ['/\t/evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/issues/2022-05/', '/issues/2022-05/'],
    ['/issues/2022-05/?view=dark', '/issues/2022-05/?view=dark'],
  ])('%s → %s', (given, kept) => {
    expect(safeReturn(given)).toBe(kept);
  });

  it('the sign-in page carries only a safe return into its form', async () => {
    const page = await s.get(`/auth/sign-in/?return=${encodeURIComponent('//evil.example/')}`);
    expect(page.body).toContain('name="return" value="/"');
    expect(page.body).not.toContain('evil.example');
  });
});
