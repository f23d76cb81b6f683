// Team sessions: a random id in a cookie, only its keyed hash in the store. Each request finds
// the session, ends it when it has been idle too long or is past its lifetime, and reads the
// person's role from the team afresh, so a removed person is refused at their next request.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Store } from '../state/store.js';
import type { Person } from '../state/team.js';
import type { TeamConfig } from './config.js';

const ID = /^[A-Za-z0-9_-]{43}$/;

/** Who signed in, as the provider (or the email link) vouched for them. */
export interface SignedInIdentity {
  email: string;
  name: string;
  issuer: string;
  subject: string;
  idToken?: string;
}

export type Found = { ok: true; person: Person; hash: string; idToken: string | null } | { ok: false; why: 'none' | 'expired' | 'removed' };

export class SessionKeeper {
  readonly cookieName: string;

  constructor(
    private readonly config: TeamConfig,
    private readonly store: Store,
  ) {
    // __Host-: only over https, only from this very host, for every path; no subdomain can set it.
    this.cookieName = config.secure ? '__Host-newsletter_team' : 'newsletter_team';
  }

  /** A keyed hash: of a session id (kept in the store), of a form (the form token). */
  mac(purpose: string, value: string): string {
    return createHmac('sha256', this.config.sessionKey).update(`${purpose}\u0000${value}`).digest('base64url');
  }

  /** Start a session (always a new id: sign-in never reuses one) and the cookie that holds it. */
  start(who: SignedInIdentity, now: Date): { setCookie: string; hash: string } {
    const id = randomBytes(32).toString('base64url');
    const hash = this.mac('session', id);
    this.store.teamSessions.create(hash, {
      email: who.email,
      name: who.name,
      issuer: who.issuer,
      subject: who.subject,
      idToken: who.idToken ?? null,
      createdAt: now,
      seenAt: now,
      expiresAt: new Date(now.getTime() + this.config.lifetimeSeconds * 1000),
    });
    return { setCookie: this.cookie(id, this.config.lifetimeSeconds), hash };
  }

  /** The person of the request's session, or why there is none. */
  find(req: IncomingMessage, now: Date): Found {
    const id = readCookie(req, this.cookieName);
    if (!id) return { ok: false, why: 'none' };
    const hash = this.mac('session', id);
    const s = this.store.teamSessions.get(hash);
    if (!s) return { ok: false, why: 'none' };
    const idleEnd = s.seenAt.getTime() + this.config.idleSeconds * 1000;
    if (now >= s.expiresAt || now.getTime() >= idleEnd) {
      this.store.teamSessions.end(hash);
      return { ok: false, why: 'expired' };
    }
    const member = this.store.team.get(s.email);
    if (!member) {
      this.store.teamSessions.end(hash);
      return { ok: false, why: 'removed' };
    }
    // Written at most once a minute: idle time is measured in hours, and a page loads many things.
    if (now.getTime() - s.seenAt.getTime() > 60_000) this.store.teamSessions.touch(hash, now);
    return {
      ok: true,
      person: { email: member.email, name: member.name, role: member.role, issuer: s.issuer, subject: s.subject },
      hash,
      idToken: s.idToken,
    };
  }

  /** End the request's session; the cookie that clears it. */
  end(req: IncomingMessage): { setCookie: string; idToken: string | null } {
    const id = readCookie(req, this.cookieName);
    let idToken: string | null = null;
    if (id) {
      const hash = this.mac('session', id);
      idToken = this.store.teamSessions.get(hash)?.idToken ?? null;
      this.store.teamSessions.end(hash);
    }
    return { setCookie: this.cookie('', 0), idToken };
  }

  /** The form token of a session (its hash), and whether a token given matches it. */
  formToken(hash: string): string {
    return this.mac('form', hash);
  }

  tokenMatches(hash: string, token: string | null): boolean {
    if (token === null) return false;
    const want = Buffer.from(this.formToken(hash));
    const got = Buffer.from(token);
    return got.length === want.length && timingSafeEqual(got, want);
  }

  private cookie(value: string, maxAge: number): string {
    return `${this.cookieName}=${value}; Path=/; HttpOnly; SameSite=Lax${this.config.secure ? '; Secure' : ''}; Max-Age=${maxAge}`;
  }
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    const value = part.slice(at + 1).trim();
    if (ID.test(value)) return value;
  }
  return undefined;
}
