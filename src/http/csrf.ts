// Who may ask the studio to act. The studio's actions (approve, proof, share) are POSTs from its
// own issue page, and every one must prove it:
//  - it came from a studio page: Origin is the studio's own origin (or, when a browser sends no
//    Origin, Sec-Fetch-Site says same-origin). SameSite cookies alone do not do this: another
//    program on 127.0.0.1 at another port is the *same site*, only not the same origin;
//  - it carries the form token of the browser's session: the session is a random value in a
//    SameSite=Strict HttpOnly cookie, the token is an HMAC of it under a key that lives only in
//    this process. A page elsewhere can neither read the token nor make one for a cookie it
//    planted (cookies are shared across ports), and a restart of the studio voids every token.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'newsletter_studio';
const SESSION = /^[A-Za-z0-9_-]{43}$/;

export interface StudioSession {
  id: string;
  /** Present when the session was made for this response: the Set-Cookie header to send. */
  setCookie?: string;
}

export type Verdict = { ok: true; session: string } | { ok: false; why: 'origin' | 'token' };

export class StudioSessions {
  private readonly key = randomBytes(32);

  /** The browser's session, or a new one (with the cookie that keeps it). */
  session(req: IncomingMessage): StudioSession {
    const id = sessionCookie(req);
    if (id) return { id };
    const fresh = randomBytes(32).toString('base64url');
    return { id: fresh, setCookie: `${SESSION_COOKIE}=${fresh}; Path=/; HttpOnly; SameSite=Strict` };
  }

  /** The token a session's forms carry. */
  formToken(session: string): string {
    return createHmac('sha256', this.key).update(`studio form\u0000${session}`).digest('base64url');
  }

  /** Whether a POST may act: from our own origin, with the token of its own session. */
  verify(req: IncomingMessage, token: string | null): Verdict {
    if (!sameOrigin(req)) return { ok: false, why: 'origin' };
    const session = sessionCookie(req);
    if (!session || token === null) return { ok: false, why: 'token' };
    const want = Buffer.from(this.formToken(session));
    const got = Buffer.from(token);
    // Compared in constant time, so the token cannot be found a byte at a time.
    if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, why: 'token' };
    return { ok: true, session };
  }
}

function sessionCookie(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(at + 1).trim();
    if (SESSION.test(value)) return value;
  }
  return undefined;
}

/** The request came from a page of this very origin (the Host was already checked to be loopback). */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host?.toLowerCase();
  if (origin !== undefined) return host !== undefined && origin.toLowerCase() === `http://${host}`;
  return req.headers['sec-fetch-site'] === 'same-origin';
}
