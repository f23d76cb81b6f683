// Sign-in links by email, through the project's real SMTP test server: only team addresses get
// one, the page is the same either way, a link works once and for 15 minutes, requests are
// limited per address and per client, and only a hash of the token is stored.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/team/email-links.js';
import { startTeamStudio, type TeamStudio, waitFor } from './team-studio.js';

let s: TeamStudio;
beforeAll(async () => {
  s = await startTeamStudio({ TRUSTED_PROXY: '127.0.0.1' });
}, 30_000);
afterAll(() => s.stop());

/** Each test asks from its own client address (forwarded by the trusted proxy), so limits do not mix. */
let client = 0;
const ask = (email: string, from = `192.0.2.${++client}`) =>
  s.post('', '/auth/email', { email, return: '/issues/2022-05/' }, { 'x-forwarded-for': from });
const linkToken = (email: string) => new URL(s.linkFor(email)).searchParams.get('token')!;
const later = (minutes: number) => (s.clock.now = new Date(s.clock.now.getTime() + minutes * 60_000));

describe('asking for a link', () => {
  it('a team address gets a link by mail; another address gets none; the page says the same', async () => {
    const before = s.smtp.received.length;
    const member = await ask('priya@example.gov.uk');
    const stranger = await ask('mallory@example.org');
    expect(member.status).toBe(303);
    expect(stranger.status).toBe(303);
    expect(stranger.headers.location).toBe(member.headers.location);
    const page = await s.get(member.headers.location as string);
    expect(page.body).toContain('If that address is on the team, a sign-in link is on its way.');
    await waitFor(() => s.smtp.received.length > before);
    await new Promise((r) => setTimeout(r, 200));
    const sent = s.smtp.received.slice(before);
    expect(sent.map((m) => m.envelopeTo)).toEqual([['priya@example.gov.uk']]);
    expect(sent[0]!.mail.subject).toMatch(/^Sign in to the .* studio$/);
    expect(sent[0]!.mail.text).toContain('within 15 minutes. It works once.');
  });

  it('only a hash of the token is stored', async () => {
    await ask('omar@example.gov.uk');
    await waitFor(() => s.smtp.received.some((m) => m.envelopeTo.includes('omar@example.gov.uk')));
    const token = linkToken('omar@example.gov.uk');
    const db = new Database(s.dbFile, { readonly: true });
    const rows = db.prepare('SELECT token_hash FROM sign_in_link WHERE email = ?').all('omar@example.gov.uk') as { token_hash: string }[];
    db.close();
    expect(rows.length).toBe(1);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[\w-]{43}$/);
  });
});

describe('using a link', () => {
  it('the link opens a page with a button (a mail scanner opening it uses nothing); the button signs in once', async () => {
    await ask('ada@example.gov.uk');
    await waitFor(() => s.smtp.received.some((m) => m.envelopeTo.includes('ada@example.gov.uk')));
    const link = new URL(s.linkFor('ada@example.gov.uk'));
    const page = await s.get(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<button type="submit">Sign in</button>');
    const token = link.searchParams.get('token')!;
    const first = await s.post('', '/auth/link', { token });
    expect(first.status).toBe(303);
    expect(first.headers['set-cookie']).toBeDefined();
    const again = await s.post('', '/auth/link', { token });
    expect(again.status).toBe(403);
    expect(again.body).toContain('has been used already: each works once');
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('a link past its 15 minutes is refused', async () => {
    await ask('wren@example.gov.uk');
    await waitFor(() => s.smtp.received.some((m) => m.envelopeTo.includes('wren@example.gov.uk')));
    const token = linkToken('wren@example.gov.uk');
    const start = s.clock.now;
    later(15);
    const r = await s.post('', '/auth/link', { token });
    s.clock.now = start;
    expect(r.status).toBe(403);
    expect(r.body).toContain('has expired: each works for 15 minutes');
    // Unused, so it still works within its time: the refusal did not use it up.
    expect((await s.post('', '/auth/link', { token })).status).toBe(303);
  });

  it('a made-up token, and a POST from another site, are refused', async () => {
    expect((await s.post('', '/auth/link', { token: 'A'.repeat(43) })).body).toContain('not one the studio made');
    await ask('priya@example.gov.uk');
    await waitFor(() => s.smtp.received.filter((m) => m.envelopeTo.includes('priya@example.gov.uk')).length >= 2);
    const token = linkToken('priya@example.gov.uk');
    const cross = await s.post('', '/auth/link', { token }, { origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    expect((await s.post('', '/auth/link', { token })).status).toBe(303);
  });
});

describe('rate limits', () => {
  it(`per address: after ${LIMITS.perAddress} requests in 15 minutes, more are refused alike for team and other addresses`, async () => {
    for (const email of ['omar@example.gov.uk', 'nobody@example.org']) {
      const sofar = email.startsWith('omar') ? 1 : 0; // omar asked once above
      for (let i = sofar; i < LIMITS.perAddress; i++) expect((await ask(email)).status).toBe(303);
      const limited = await ask(email);
      expect(limited.status).toBe(429);
      expect(limited.body).toContain('Too many sign-in links were asked for. Wait 15 minutes');
    }
    const start = s.clock.now;
    later(16);
    expect((await ask('nobody@example.org')).status).toBe(303);
    s.clock.now = start;
  });

  it(`per client: one client gets ${LIMITS.perClient} requests in 15 minutes, whatever the addresses`, async () => {
    const from = '198.51.100.7';
    for (let i = 0; i < LIMITS.perClient; i++) expect((await ask(`someone${i}@example.org`, from)).status).toBe(303);
    expect((await ask('someone-else@example.org', from)).status).toBe(429);
    expect((await ask('someone-else@example.org', '198.51.100.8')).status).toBe(303);
  });

  it('X-Forwarded-For from a client that is not a trusted proxy is not believed', async () => {
    // The test's requests come from 127.0.0.1, trusted here; a studio that trusts no proxy counts the peer.
    const other = await startTeamStudio();
    try {
      for (let i = 0; i < LIMITS.perClient; i++)
        await other.post('', '/auth/email', { email: `x${i}@example.org` }, { 'x-forwarded-for': `203.0.113.${i}` });
      const r = await other.post('', '/auth/email', { email: 'y@example.org' }, { 'x-forwarded-for': '203.0.113.99' });
      expect(r.status).toBe(429);
    } finally {
      await other.stop();
    }
  });
});
