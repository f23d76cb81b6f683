// Team mode's settings, from the environment. `newsletter serve --team` refuses to start, saying
// what to set, unless each is usable: the studio's address, a strong session key, and at least
// one way to sign in (an OpenID provider, or email sign-in links through SMTP_URL).
import { isIP } from 'node:net';
import { NewsletterError } from '../errors.js';
import { parseDuration } from '../share/share-token.js';

export interface TeamConfig {
  /** STUDIO_URL without a trailing slash, e.g. https://studio.example.gov.uk */
  studioUrl: string;
  /** Its origin, which every POST must come from. */
  origin: string;
  /** Its host (name:port as browsers send it), the only Host the studio answers to. */
  host: string;
  secure: boolean;
  /** STUDIO_SESSION_KEY: keys the hashes of session ids and sign-in tokens, and the form tokens. */
  sessionKey: string;
  oidc?: { issuer: string; clientId: string; clientSecret: string };
  /** Email sign-in links (SIGN_IN_EMAIL=on) through SMTP_URL. */
  emailLinks?: { smtpUrl: string };
  /** TRUSTED_PROXY: addresses whose X-Forwarded-For, -Proto and -Host are believed. */
  trustedProxies: string[];
  /** Seconds a session lasts without a request, and in all. */
  idleSeconds: number;
  lifetimeSeconds: number;
}

export const MIN_SESSION_KEY_BYTES = 32;
const MAKE_KEY = 'make one with `openssl rand -base64 32`';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function teamConfig(env: NodeJS.ProcessEnv): TeamConfig {
  const url = studioUrl(env.STUDIO_URL);
  const key = env.STUDIO_SESSION_KEY?.trim() ?? '';
  if (!key) refuse(`set STUDIO_SESSION_KEY to at least ${MIN_SESSION_KEY_BYTES} random bytes — ${MAKE_KEY}`);
  if (Buffer.byteLength(key) < MIN_SESSION_KEY_BYTES || new Set(key).size < 8)
    refuse(`STUDIO_SESSION_KEY is too weak: it must be at least ${MIN_SESSION_KEY_BYTES} random bytes — ${MAKE_KEY}`);
  const oidc = oidcSettings(env);
  const emailLinks = emailSettings(env);
  if (!oidc && !emailLinks)
    refuse(
      'sign-in is not configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET for your identity provider (see the README, "Hosting the studio for the team"), or set SIGN_IN_EMAIL=on and SMTP_URL to send sign-in links by email',
    );
  return {
    studioUrl: url.href.replace(/\/+$/, ''),
    origin: url.origin,
    host: url.host,
    secure: url.protocol === 'https:',
    sessionKey: key,
    ...(oidc ? { oidc } : {}),
    ...(emailLinks ? { emailLinks } : {}),
    trustedProxies: proxies(env.TRUSTED_PROXY),
    idleSeconds: duration(env, 'SESSION_IDLE', '2h'),
    lifetimeSeconds: duration(env, 'SESSION_LIFETIME', '20h'),
  };
}

function studioUrl(given: string | undefined): URL {
  const text = given?.trim();
  if (!text) refuse('set STUDIO_URL to the address the team opens, e.g. https://newsletter-studio.example.gov.uk');
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || (url.pathname !== '/' && url.pathname !== ''))
    refuse(`STUDIO_URL "${text}" is not a web address without a path — write it as e.g. https://newsletter-studio.example.gov.uk`);
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname))
    refuse(
      `STUDIO_URL "${text}" is plain http: sign-in and sessions would cross the network unencrypted — serve the studio at an https address through a reverse proxy (http is allowed only on 127.0.0.1, for trials)`,
    );
  return url;
}

function oidcSettings(env: NodeJS.ProcessEnv): TeamConfig['oidc'] {
  const names = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const [issuer, clientId, clientSecret] = names.map((n) => env[n]?.trim() ?? '');
  const missing = names.filter((n) => !env[n]?.trim());
  if (missing.length === names.length) return undefined;
  if (missing.length)
    refuse(
      `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set: sign-in with an identity provider needs all of ${names.join(', ')}`,
    );
  let url: URL | undefined;
  try {
    url = new URL(issuer!);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))))
    refuse(
      `OIDC_ISSUER "${issuer}" is not an https address — copy the issuer from your identity provider, e.g. https://login.microsoftonline.com/<tenant id>/v2.0`,
    );
  return { issuer: issuer!, clientId: clientId!, clientSecret: clientSecret! };
}

function emailSettings(env: NodeJS.ProcessEnv): TeamConfig['emailLinks'] {
  const on = env.SIGN_IN_EMAIL?.trim().toLowerCase();
  if (!on || on === 'off') return undefined;
  if (on !== 'on') refuse(`SIGN_IN_EMAIL is "${env.SIGN_IN_EMAIL}" — write on or off`);
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) refuse('SIGN_IN_EMAIL=on sends sign-in links by email: set SMTP_URL too (as for proofs)');
  return { smtpUrl };
}

function proxies(text: string | undefined): string[] {
  const list = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((a) => isIP(a) === 0);
  if (bad !== undefined)
    refuse(
      `TRUSTED_PROXY holds "${bad}", which is not an IP address — list the reverse proxy's addresses, e.g. TRUSTED_PROXY=127.0.0.1,::1`,
    );
  return list;
}

function duration(env: NodeJS.ProcessEnv, name: string, fallback: string): number {
  const text = env[name]?.trim() || fallback;
  const seconds = parseDuration(text);
  if (seconds === undefined) refuse(`${name} is "${text}" — write a duration such as 30m, 2h or 1d`);
  return seconds;
}

function refuse(message: string): never {
  throw new TeamConfigError(message);
}

/** Team mode cannot start as configured (exit 1, no stack trace). */
export class TeamConfigError extends NewsletterError {
  constructor(message: string) {
    super('team-config', `the team studio cannot start: ${message}`);
    this.name = 'TeamConfigError';
  }
}
