// The state store's status table and share-link records, and the signed share token.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDuration, signShareToken, verifyShareToken } from '../../src/share/share-token.js';
import { canChange, StatusChanged, TransitionNotAllowed } from '../../src/state/status.js';
import { openStore, stateDbPath, type Store } from '../../src/state/store.js';

let dir: string;
let store: Store;
const now = new Date('2024-05-01T09:00:00Z');

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'newsletter-store-'));
  store = openStore(path.join(dir, 'state.db'), () => now);
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('issue status', () => {
  it('an unknown issue is a draft; the allowed path is draft → approved → scheduled → sent', () => {
    expect(store.statuses.get('2099-01')).toBe('draft');
    store.statuses.change('2099-01', 'draft', 'approved');
    store.statuses.change('2099-01', 'approved', 'scheduled');
    store.statuses.change('2099-01', 'scheduled', 'sent');
    expect(store.statuses.get('2099-01')).toBe('sent');
    expect(store.statuses.all()).toEqual(new Map([['2099-01', 'sent']]));
  });

  it('refuses transitions that are not in the table', () => {
    expect(() => store.statuses.change('2099-01', 'draft', 'sent')).toThrow(TransitionNotAllowed);
    expect(() => store.statuses.change('2099-01', 'draft', 'sent')).toThrow(/from draft it can only become approved/);
    expect(canChange('sent', 'draft')).toBe(false);
    expect(canChange('approved', 'draft')).toBe(true);
    expect(store.statuses.get('2099-01')).toBe('draft');
  });

  it('refuses a change from a status the issue is no longer in (someone changed it first)', () => {
    store.statuses.change('2099-01', 'draft', 'approved');
    const other = openStore(path.join(dir, 'state.db'), () => now);
    try {
      other.statuses.change('2099-01', 'approved', 'scheduled');
    } finally {
      other.close();
    }
    expect(() => store.statuses.change('2099-01', 'approved', 'draft')).toThrow(StatusChanged);
    expect(() => store.statuses.change('2099-01', 'approved', 'draft')).toThrow(/is scheduled now, not approved/);
    expect(store.statuses.get('2099-01')).toBe('scheduled');
  });

  it('the database is NEWSLETTER_DB, or .newsletter/state.db in the project', () => {
    expect(stateDbPath('/p', {})).toBe('/p/.newsletter/state.db');
    expect(stateDbPath('/p', { NEWSLETTER_DB: 'x/y.db' })).toBe('/p/x/y.db');
  });
});

describe('share links', () => {
  const hash = 'a'.repeat(64);
  const payload = { link: 'abcdefghijklmnop', issue: '2099-01', hash, expiresAt: new Date('2024-05-08T09:00:00Z') };

  it('records links and revokes every live link to one issue', () => {
    store.shareLinks.record({ id: 'l1', issue: '2099-01', hash, createdAt: now, expiresAt: payload.expiresAt });
    store.shareLinks.record({ id: 'l2', issue: '2099-01', hash, createdAt: now, expiresAt: payload.expiresAt });
    store.shareLinks.record({ id: 'l3', issue: '2099-02', hash, createdAt: now, expiresAt: payload.expiresAt });
    expect(store.shareLinks.revokeAll('2099-01')).toBe(2);
    expect(store.shareLinks.revokeAll('2099-01')).toBe(0);
    expect(store.shareLinks.find('l1')?.revokedAt).toEqual(now);
    expect(store.shareLinks.find('l3')?.revokedAt).toBeNull();
  });

  const ONE = 'secret-one-of-at-least-32-bytes-0123456789';
  const TWO = 'secret-two-of-at-least-32-bytes-0123456789';
  it('a token verifies with its secret until it expires', () => {
    const token = signShareToken(payload, ONE);
    expect(verifyShareToken(token, ONE, now)).toEqual({ ok: true, payload });
    expect(verifyShareToken(token, TWO, now)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyShareToken(token, ONE, payload.expiresAt)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyShareToken(`${token}x`, ONE, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyShareToken('', ONE, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('a weak secret never signs, and nothing is trusted under one', () => {
    expect(() => signShareToken(payload, 'x'.repeat(31))).toThrow(/at least 32 bytes/);
    const token = signShareToken(payload, ONE);
    expect(verifyShareToken(token, '', now)).toEqual({ ok: false, reason: 'forged' });
  });

  it('--expires takes minutes, hours, days or weeks, up to 90 days', () => {
    expect(parseDuration('7d')).toBe(7 * 86_400);
    expect(parseDuration('30m')).toBe(1800);
    expect(parseDuration('2w')).toBe(14 * 86_400);
    expect(parseDuration('91d')).toBeUndefined();
    expect(parseDuration('0h')).toBeUndefined();
    expect(parseDuration('7 days')).toBe(7 * 86_400);
  });
});
