// Signed share tokens: base64url(JSON payload) "." base64url(HMAC-SHA256). Pure: the secret and
// the clock are passed in. Whether a link was revoked is the store's business, not the token's.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ISSUE_ID } from '../content/load.js';
import { MIN_SECRET_BYTES } from '../http/config.js';
import { parseDuration as parseUkDuration } from '../time/uk.js';

export interface SharePayload {
  /** The link's id in the store. */
  link: string;
  issue: string;
  /** Content hash of the render the link was made for. */
  hash: string;
  expiresAt: Date;
}

export type TokenCheck = { ok: true; payload: SharePayload } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const DOMAIN = 'panel-newsletter share v1';

export function isStrongSecret(secret: string): boolean {
  return Buffer.byteLength(secret) >= MIN_SECRET_BYTES;
}

/** For the edges that take a secret (the server, link making): a weak one is a bug, never used. */
export function assertStrongSecret(secret: string): void {
  if (!isStrongSecret(secret)) throw new Error(`share links need a secret of at least ${MIN_SECRET_BYTES} bytes`);
}

export function newLinkId(): string {
  return randomBytes(12).toString('base64url');
}

export function signShareToken(payload: SharePayload, secret: string): string {
  assertStrongSecret(secret);
  const body = Buffer.from(
    JSON.stringify({ l: payload.link, i: payload.issue, h: payload.hash, x: Math.floor(payload.expiresAt.getTime() / 1000) }),
  ).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

export function verifyShareToken(token: string, secret: string, now: Date): TokenCheck {
  const m = /^([A-Za-z0-9_-]{1,1000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'malformed' };
  const [, body, sig] = m as unknown as [string, string, string];
  // Nothing signed with a weak key is trusted, whoever signed it.
  if (!isStrongSecret(secret)) return { ok: false, reason: 'forged' };
  const expected = Buffer.from(mac(body, secret), 'base64url');
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  const payload = parsePayload(body);
  if (!payload) return { ok: false, reason: 'malformed' };
  if (payload.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(`${DOMAIN}.${body}`).digest('base64url');
}

function parsePayload(body: string): SharePayload | undefined {
  try {
    const p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const ok =
      typeof p.l === 'string' &&
      /^[A-Za-z0-9_-]{16}$/.test(p.l) &&
      typeof p.i === 'string' &&
      ISSUE_ID.test(p.i) &&
      typeof p.h === 'string' &&
      /^[0-9a-f]{64}$/.test(p.h) &&
      typeof p.x === 'number' &&
      Number.isSafeInteger(p.x);
    return ok ? { link: p.l as string, issue: p.i as string, hash: p.h as string, expiresAt: new Date((p.x as number) * 1000) } : undefined;
  } catch {
    return undefined;
  }
}

export const MAX_SHARE_SECONDS = 90 * 86_400;

/**
 * How long a share link works, in whole seconds: "7d", "12h", "30m", "2w" — the one duration grammar
 * of time/uk.ts, with a unit always — up to 90 days; undefined otherwise.
 */
export function parseDuration(text: string): number | undefined {
  const ms = parseUkDuration(text);
  if (ms === undefined) return undefined;
  const seconds = Math.round(ms / 1000);
  return seconds > 0 && seconds <= MAX_SHARE_SECONDS ? seconds : undefined;
}
