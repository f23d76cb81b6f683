// Share links for partners: make one for the current render of a draft, open one, revoke them.
// The token proves who made the link; the store says whether it still stands.
import type { Store } from '../state/store.js';
import { newLinkId, type SharePayload, signShareToken, verifyShareToken } from './share-token.js';

export interface MadeLink {
  url: string;
  expiresAt: Date;
}

export function makeShareLink(
  store: Store,
  secret: string,
  args: { issue: string; hash: string; seconds: number; now: Date; publicUrl: string },
): MadeLink {
  const payload: SharePayload = {
    link: newLinkId(),
    issue: args.issue,
    hash: args.hash,
    expiresAt: new Date(args.now.getTime() + args.seconds * 1000),
  };
  store.shareLinks.record({
    id: payload.link,
    issue: payload.issue,
    hash: payload.hash,
    createdAt: args.now,
    expiresAt: payload.expiresAt,
  });
  return { url: `${args.publicUrl}/share/${signShareToken(payload, secret)}/`, expiresAt: payload.expiresAt };
}

export type OpenedLink =
  | { ok: true; issue: string; hash: string; createdAt: Date; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'revoked' | 'unknown' };

export function openShareLink(store: Store, secret: string, token: string, now: Date): OpenedLink {
  const checked = verifyShareToken(token, secret, now);
  if (!checked.ok) return checked;
  const record = store.shareLinks.find(checked.payload.link);
  // A valid signature without a record means the store was replaced: treat it as withdrawn.
  if (!record || record.issue !== checked.payload.issue) return { ok: false, reason: 'unknown' };
  if (record.revokedAt) return { ok: false, reason: 'revoked' };
  // The store's expiry is the one that counts when it is the earlier: it can be shortened after
  // the link was sent, and a token cannot be called back.
  const expiresAt = new Date(Math.min(record.expiresAt.getTime(), checked.payload.expiresAt.getTime()));
  if (!(expiresAt.getTime() > now.getTime())) return { ok: false, reason: 'expired' };
  return { ok: true, issue: record.issue, hash: record.hash, createdAt: record.createdAt, expiresAt };
}
