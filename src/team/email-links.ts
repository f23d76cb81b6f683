// Sign-in links by email, for a team without an identity provider. A link is made only for an
// address on the team, lasts 15 minutes and is used once; the store keeps only a keyed hash of
// its token, and no password exists anywhere. Requests are limited per address and per client,
// and every request is counted alike whether or not the address is on the team, so neither the
// page nor the limits tell who is on it. The mail goes out after the answer, through SMTP_URL.
import { randomBytes } from 'node:crypto';
import type { MailTransport } from '../distribute/transport.js';
import type { Store } from '../state/store.js';
import { validEmail } from './members.js';

export const LINK_MINUTES = 15;
/** Requests allowed in the last 15 minutes: for one address, and from one client. */
export const LIMITS = { perAddress: 3, perClient: 10 } as const;

export interface LinkMailer {
  studioUrl: string;
  newsletter: string;
  from: { name: string; address: string };
  transport: () => MailTransport;
  mac: (purpose: string, value: string) => string;
  onError: (e: unknown) => void;
}

export type LinkRequest = 'sent' | 'limited' | 'not-an-address';

export function requestLink(store: Store, m: LinkMailer, given: string | null, client: string, now: Date): LinkRequest {
  const email = validEmail(given);
  if (!email) return 'not-an-address';
  const since = new Date(now.getTime() - LINK_MINUTES * 60_000);
  const counts = store.signInLinks.counts(email, client, since);
  if (counts.email >= LIMITS.perAddress || counts.client >= LIMITS.perClient) return 'limited';
  const expiresAt = new Date(now.getTime() + LINK_MINUTES * 60_000);
  const member = store.team.get(email);
  if (!member) {
    store.signInLinks.record({ email, client, tokenHash: null, at: now, expiresAt });
    return 'sent';
  }
  const token = randomBytes(32).toString('base64url');
  store.signInLinks.record({ email, client, tokenHash: m.mac('sign-in link', token), at: now, expiresAt });
  const link = `${m.studioUrl}/auth/link?token=${token}`;
  const transport = m.transport();
  // Not awaited: the page must come back as fast for an address on the team as for one not on it.
  transport
    .send({
      from: m.from,
      replyTo: m.from.address,
      to: [email],
      subject: `Sign in to the ${m.newsletter} studio`,
      text: `Hello ${member.name},\n\nTo sign in to the ${m.newsletter} studio, open this link within ${LINK_MINUTES} minutes. It works once.\n\n${link}\n\nIf you did not ask to sign in, ignore this email: nothing happens without the link.\n`,
      html: `<p>Hello ${escape(member.name)},</p><p>To sign in to the ${escape(m.newsletter)} studio, open this link within ${LINK_MINUTES} minutes. It works once.</p><p><a href="${link}">Sign in to the studio</a></p><p>If you did not ask to sign in, ignore this email: nothing happens without the link.</p>`,
      headers: {},
    })
    .catch(m.onError)
    .finally(() => transport.close());
  return 'sent';
}

export type Redeemed = { ok: true; email: string } | { ok: false; why: string };

export function redeemLink(store: Store, mac: LinkMailer['mac'], token: string | null, now: Date): Redeemed {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token))
    return { ok: false, why: 'This sign-in link is not complete. Copy the whole link from the email, or ask for a new one.' };
  const r = store.signInLinks.redeem(mac('sign-in link', token), now);
  if ('email' in r) return { ok: true, email: r.email };
  const why = {
    unknown: 'This sign-in link is not one the studio made. Ask for a new one.',
    used: 'This sign-in link has been used already: each works once. Ask for a new one.',
    expired: `This sign-in link has expired: each works for ${LINK_MINUTES} minutes. Ask for a new one.`,
  }[r.refused];
  return { ok: false, why };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
