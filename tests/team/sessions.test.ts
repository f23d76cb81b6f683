// The session cookie over https: Secure and __Host- prefixed (only this host, every path); and
// only a keyed hash of the session id in the store.
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/state/store.js';
import { teamConfig } from '../../src/team/config.js';
import { SessionKeeper } from '../../src/team/sessions.js';

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'newsletter-sessions-'));
  store = openStore(path.join(dir, 'state.db'));
  store.team.put({ email: 'priya@example.gov.uk', name: 'Priya Shah', role: 'approver' }, 'test');
});
afterAll(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const config = (url: string) =>
  teamConfig({
    STUDIO_URL: url,
    STUDIO_SESSION_KEY: 'team-session-key-0123456789-abcdefghijklmnop',
    SIGN_IN_EMAIL: 'on',
    SMTP_URL: 'smtp://127.0.0.1:25',
  });
const request = (cookie: string) => ({ headers: { cookie } }) as IncomingMessage;

it('over https the cookie is __Host-, Secure, HttpOnly and SameSite=Lax, and finds its person', () => {
  const keeper = new SessionKeeper(config('https://studio.example.gov.uk'), store);
  const now = new Date('2026-01-05T09:00:00Z');
  const started = keeper.start({ email: 'priya@example.gov.uk', name: 'Priya Shah', issuer: 'https://login.example', subject: 's-1' }, now);
  expect(started.setCookie).toMatch(/^__Host-newsletter_team=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure; Max-Age=72000$/);
  const found = keeper.find(request(started.setCookie.split(';')[0]!), now);
  expect(found).toMatchObject({ ok: true, person: { email: 'priya@example.gov.uk', role: 'approver', subject: 's-1' } });
  // The same cookie without the prefix (as a subdomain or plain-http page could plant) is not read.
  expect(keeper.find(request(started.setCookie.split(';')[0]!.replace('__Host-', '')), now)).toEqual({ ok: false, why: 'none' });
});

it('the store holds a keyed hash of the session id, never the id', () => {
  const keeper = new SessionKeeper(config('https://studio.example.gov.uk'), store);
  const id = keeper
    .start({ email: 'priya@example.gov.uk', name: 'Priya Shah', issuer: 'i', subject: 's' }, new Date())
    .setCookie.split(';')[0]!
    .split('=')[1]!;
  const db = new Database(path.join(dir, 'state.db'), { readonly: true });
  const rows = db.prepare('SELECT session_hash FROM team_session').all() as { session_hash: string }[];
  db.close();
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.some((r) => r.session_hash === id)).toBe(false);
});

it('idle and absolute lifetimes follow SESSION_IDLE and SESSION_LIFETIME', () => {
  const c = teamConfig({
    STUDIO_URL: 'http://127.0.0.1:4000',
    STUDIO_SESSION_KEY: 'team-session-key-0123456789-abcdefghijklmnop',
    SIGN_IN_EMAIL: 'on',
    SMTP_URL: 'smtp://127.0.0.1:25',
    SESSION_IDLE: '30m',
    SESSION_LIFETIME: '8h',
  });
  expect([c.idleSeconds, c.lifetimeSeconds, c.secure]).toEqual([1800, 28800, false]);
  const keeper = new SessionKeeper(c, store);
  const t0 = new Date('2026-01-05T09:00:00Z');
  const cookie = keeper.start({ email: 'priya@example.gov.uk', name: 'P', issuer: 'i', subject: 's' }, t0).setCookie.split(';')[0]!;
  expect(keeper.find(request(cookie), new Date(t0.getTime() + 29 * 60_000)).ok).toBe(true);
  expect(keeper.find(request(cookie), new Date(t0.getTime() + 59 * 60_000 + 1))).toEqual({ ok: false, why: 'expired' });
});
