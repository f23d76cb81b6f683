// Share links for partners: make one for the current render of a draft, open one, withdraw them.
// The token proves who made the link; the store says whether it still stands.
import { findIssue, loadProject, loadTemplates, type ProjectPaths, renderIssue, usableContent } from '../pipeline.js';
import { londonLocal, ukDateTime } from '../time/uk.js';
import type { Store } from '../state/store.js';
import { refuseUnless } from '../lifecycle.js';
import { readStatuses } from '../workflow/sent-status.js';
import type { ShareAddress } from './address.js';
import { newLinkId, type SharePayload, signShareToken, verifyShareToken } from './share-token.js';

export interface MadeLink {
  url: string;
  expiresAt: Date;
}

export function makeShareLink(
  store: Store,
  secret: string,
  args: { issue: string; hash: string; seconds: number; now: Date; publicUrl: string; by: string; details?: Record<string, unknown> },
): MadeLink {
  const payload: SharePayload = {
    link: newLinkId(),
    issue: args.issue,
    hash: args.hash,
    expiresAt: new Date(args.now.getTime() + args.seconds * 1000),
  };
  // The link and its audit entry land together, as a proof or an approval does.
  store.tx(() => {
    store.shareLinks.record({
      id: payload.link,
      issue: payload.issue,
      hash: payload.hash,
      createdAt: args.now,
      expiresAt: payload.expiresAt,
    });
    store.audit.append({
      actor: args.by,
      action: 'share',
      issue: payload.issue,
      hash: payload.hash,
      details: { link: payload.link, expiresAt: payload.expiresAt.toISOString(), ...args.details },
      at: args.now,
    });
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

/** A link made for the current render of a draft, with the words both the CLI and the studio print. */
export interface SharedDraft extends MadeLink {
  /** "Preview link to the draft 2022-05, valid until 2022-05-12 09:00" */
  headline: string;
  /** What the person should know about the address (see address.ts). */
  note?: string;
}

/**
 * Share a draft: render it as it stands now, record the link and sign it. The one use case behind
 * `newsletter share` and the studio's Share button; the lifecycle table says when it is refused.
 */
export async function shareDraft(
  paths: ProjectPaths,
  store: Store,
  secret: string,
  args: { id: string; seconds: number; now: Date; address: ShareAddress; by: string; details?: Record<string, unknown> },
): Promise<SharedDraft> {
  // A sending or sent issue is not shared: its public page is what went out.
  refuseUnless('not-allowed-now', 'share', (await readStatuses(store, paths)).get(args.id), args.id);
  const project = await loadProject(paths);
  const content = usableContent(project, [args.id]);
  const issue = findIssue(content, args.id);
  const rendered = await renderIssue(content, issue, await loadTemplates(paths));
  const link = makeShareLink(store, secret, {
    issue: args.id,
    hash: rendered.hash,
    seconds: args.seconds,
    now: args.now,
    publicUrl: args.address.base,
    by: args.by,
    details: args.details,
  });
  const headline = `Preview link to the draft ${args.id}, valid until ${ukDateTime(londonLocal(link.expiresAt))}`;
  return { ...link, headline, note: args.address.note };
}

/** Withdraw every link to an issue, recorded in the audit log with who did it; the sentence says what happened. */
export function withdrawShareLinks(store: Store, id: string, by: string): string {
  const n = store.tx(() => {
    const withdrawn = store.shareLinks.revokeAll(id);
    if (withdrawn) store.audit.append({ actor: by, action: 'unshare', issue: id, hash: null, details: { withdrawn } });
    return withdrawn;
  });
  return n
    ? `Withdrew ${n} link${n === 1 ? '' : 's'} to ${id}; they now show "This preview link does not work".`
    : `There were no live links to ${id}.`;
}
