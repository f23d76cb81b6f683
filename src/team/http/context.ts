// What the team studio adds to every request: its settings, the session keeper, the OpenID
// sign-in, the email links' mailer, and who is signed in on this very request (set by the gate,
// read by any studio route through `signedIn(req)`).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { MailTransport } from '../../distribute/transport.js';
import type { Person } from '../../state/team.js';
import type { TeamConfig } from '../config.js';
import type { OidcSignIn } from '../oidc.js';
import type { SessionKeeper } from '../sessions.js';

export interface TeamContext {
  config: TeamConfig;
  sessions: SessionKeeper;
  oidc?: OidcSignIn;
  /** The SMTP transport for sign-in links (SMTP_URL). */
  transport?: () => MailTransport;
  onError: (e: unknown) => void;
  /** What a change to the team did, for the page the admin is sent back to. */
  results: TeamResults;
}

/** Results kept for the page after post-redirect-get, readable only by the session that acted. */
export class TeamResults {
  private readonly kept = new Map<string, { session: string; result: { ok: boolean; text: string } }>();

  put(session: string, result: { ok: boolean; text: string }): string {
    const ref = randomBytes(12).toString('base64url');
    this.kept.set(ref, { session, result });
    if (this.kept.size > 100) this.kept.delete(this.kept.keys().next().value!);
    return ref;
  }

  take(session: string, ref: string | null): { ok: boolean; text: string } | undefined {
    const found = ref === null ? undefined : this.kept.get(ref);
    return found?.session === session ? found.result : undefined;
  }
}

const signedInPeople = new WeakMap<IncomingMessage, { person: Person; session: string }>();

/** The person signed in on this request (team mode, after the gate); undefined in the one-person studio. */
export function signedIn(req: IncomingMessage): Person | undefined {
  return signedInPeople.get(req)?.person;
}

/** The session (its hash) of this request's person, which their form tokens are bound to. */
export function sessionOf(req: IncomingMessage): string | undefined {
  return signedInPeople.get(req)?.session;
}

export function markSignedIn(req: IncomingMessage, person: Person, session: string): void {
  signedInPeople.set(req, { person, session });
}

/** X-Forwarded-* are believed only from a proxy listed in TRUSTED_PROXY. */
function fromTrustedProxy(req: IncomingMessage, config: TeamConfig): boolean {
  const peer = normalise(req.socket.remoteAddress ?? '');
  return config.trustedProxies.some((p) => normalise(p) === peer);
}

const normalise = (a: string) => (a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a).toLowerCase();

/** The client's address: the peer, or the nearest address a trusted proxy forwarded for. */
export function clientOf(req: IncomingMessage, config: TeamConfig): string {
  const peer = normalise(req.socket.remoteAddress ?? 'unknown');
  const forwarded = req.headers['x-forwarded-for'];
  if (!fromTrustedProxy(req, config) || typeof forwarded !== 'string') return peer;
  const hops = forwarded
    .split(',')
    .map((s) => normalise(s.trim()))
    .filter((s) => isIP(s) !== 0);
  // The rightmost address that is not one of our proxies is the one a proxy of ours saw.
  while (hops.length && config.trustedProxies.some((p) => normalise(p) === hops.at(-1))) hops.pop();
  return hops.at(-1) ?? peer;
}

/** The studio answers only to STUDIO_URL's host (as a trusted proxy forwards it, or as sent). */
export function isStudioHost(req: IncomingMessage, config: TeamConfig): boolean {
  const forwarded = req.headers['x-forwarded-host'];
  const host = fromTrustedProxy(req, config) && typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : req.headers.host;
  return host?.toLowerCase() === config.host.toLowerCase();
}

/** A POST came from a page of the studio: its Origin is STUDIO_URL's (or, with no Origin, Sec-Fetch-Site says same-origin). */
export function fromStudioPage(req: IncomingMessage, config: TeamConfig): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) return origin.toLowerCase() === config.origin.toLowerCase();
  return req.headers['sec-fetch-site'] === 'same-origin';
}
