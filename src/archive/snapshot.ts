// A snapshot is an issue frozen as subscribers get it: what approval pins, what Mailchimp is sent,
// and what the archive shows once the issue is sent. Everything a reader receives is in it, so
// a later change to shared content (regions, reviews, newsletter.yaml) or to the templates never
// rewrites history. Pure: made from a render, hashed from its parts.
import { type Content, DEFAULT_TRACKING, type Issue, type TrackingPolicy } from '../content/schema.js';
import { contentHash, receivedTracking, type ReceivedContent } from '../render/content-hash.js';
import type { RenderedIssue } from '../render/index.js';

/** What subscribers receive (its `html` with Mailchimp's merge tags as written, for Mailchimp to fill), and more. */
export interface IssueSnapshot extends ReceivedContent {
  schemaVersion: 1;
  issueId: string;
  /** The web version as the archive shows it: no draft banner, merge tags replaced. */
  web: string;
  /** The content hash of everything subscribers get (render/content-hash.ts); the render's own hash. */
  hash: string;
  /** When the render was made (ISO 8601, UTC). */
  renderedAt: string;
}

/** What the campaign of this snapshot tracks (newsletter.yaml's tracking; the default when the snapshot has none). */
export function trackingOf(s: Pick<IssueSnapshot, 'tracking'>): TrackingPolicy {
  return s.tracking ?? { ...DEFAULT_TRACKING };
}

export function snapshotOf(content: Content, issue: Issue, rendered: RenderedIssue, now: Date): IssueSnapshot {
  const parts: ReceivedContent = {
    subject: issue.subject,
    preheader: issue.preheader,
    fromName: content.newsletter.sender.name,
    fromEmail: content.newsletter.sender.email,
    replyTo: content.newsletter.sender.replyTo,
    html: rendered.html,
    text: rendered.text,
    ...receivedTracking(content.newsletter.tracking),
  };
  return { schemaVersion: 1, issueId: issue.id, ...parts, web: rendered.web, hash: contentHash(parts), renderedAt: now.toISOString() };
}
