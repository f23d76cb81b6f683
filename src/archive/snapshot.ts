// A snapshot is an issue frozen as subscribers get it: what approval pins, what Mailchimp is sent,
// and what the archive shows once the issue is sent. Everything a reader receives is in it, so
// a later change to shared content (regions, reviews, newsletter.yaml) or to the templates never
// rewrites history. Pure: made from a render, hashed from its parts.
import { createHash } from 'node:crypto';
import { type Content, DEFAULT_TRACKING, type Issue, type TrackingPolicy } from '../content/schema.js';
import type { RenderedIssue } from '../render/index.js';

export interface IssueSnapshot {
  schemaVersion: 1;
  issueId: string;
  subject: string;
  preheader: string;
  fromName: string;
  fromEmail: string;
  replyTo: string;
  /** Email HTML with Mailchimp's merge tags as written, for Mailchimp to fill. */
  html: string;
  text: string;
  /** The web version as the archive shows it: no draft banner, merge tags replaced. */
  web: string;
  /** sha256 over everything subscribers get (see snapshotHash). */
  hash: string;
  /** When the render was made (ISO 8601, UTC). */
  renderedAt: string;
  /** newsletter.yaml's tracking, when it is not Mailchimp's default (all on); see trackingOf. */
  tracking?: TrackingPolicy;
}

type Hashed = Pick<IssueSnapshot, 'subject' | 'preheader' | 'fromName' | 'fromEmail' | 'replyTo' | 'html' | 'text' | 'tracking'>;

/** What the campaign of this snapshot tracks. */
export function trackingOf(s: Pick<IssueSnapshot, 'tracking'>): TrackingPolicy {
  return s.tracking ?? { ...DEFAULT_TRACKING };
}

const isDefaultTracking = (t: TrackingPolicy) => t.opens && t.htmlClicks && t.textClicks;

/**
 * The hash approval is given to: subject, preheader, sender, reply-to, email HTML and text — not
 * YAML formatting — and the tracking policy when it is not the default (so every hash made before
 * tracking was a setting stays as it was, and turning tracking off needs a new approval).
 */
export function snapshotHash(s: Hashed): string {
  const hash = createHash('sha256');
  for (const part of [s.subject, s.preheader, s.fromName, s.fromEmail, s.replyTo, s.html, s.text]) hash.update(part).update('\u0000');
  const t = trackingOf(s);
  if (!isDefaultTracking(t)) hash.update(`tracking:${+t.opens}${+t.htmlClicks}${+t.textClicks}`).update('\u0000');
  return hash.digest('hex');
}

export function snapshotOf(content: Content, issue: Issue, rendered: RenderedIssue, now: Date): IssueSnapshot {
  const parts: Hashed = {
    subject: issue.subject,
    preheader: issue.preheader,
    fromName: content.newsletter.sender.name,
    fromEmail: content.newsletter.sender.email,
    replyTo: content.newsletter.sender.replyTo,
    html: rendered.html,
    text: rendered.text,
    ...(isDefaultTracking(content.newsletter.tracking) ? {} : { tracking: { ...content.newsletter.tracking } }),
  };
  return { schemaVersion: 1, issueId: issue.id, ...parts, web: rendered.web, hash: snapshotHash(parts), renderedAt: now.toISOString() };
}
