// The content hash: one sha256 over everything a subscriber receives — subject, preheader, sender,
// reply-to, email HTML and plain text (not YAML formatting, not the web version). It is the one
// name for "this exact content": approval is given to it, share links and check reports carry it,
// publish sends the approved snapshot that has it, and a sent record is checked against it.
import { createHash } from 'node:crypto';
import type { TrackingPolicy } from '../content/schema.js';

/** What the content hash pins: what lands in a subscriber's inbox. */
export interface ReceivedContent {
  subject: string;
  preheader: string;
  fromName: string;
  fromEmail: string;
  replyTo: string;
  html: string;
  text: string;
  /** newsletter.yaml's tracking, only when it is not Mailchimp's default (all on): see receivedTracking. */
  tracking?: TrackingPolicy;
}

const isDefaultTracking = (t: TrackingPolicy) => t.opens && t.htmlClicks && t.textClicks;

/**
 * The tracking part of the content: nothing for the default, so every hash made before tracking
 * was a setting stays as it was, and turning tracking off after approval needs a new approval.
 */
export function receivedTracking(t: TrackingPolicy): Pick<ReceivedContent, 'tracking'> {
  return isDefaultTracking(t) ? {} : { tracking: { opens: t.opens, htmlClicks: t.htmlClicks, textClicks: t.textClicks } };
}

export function contentHash(c: ReceivedContent): string {
  const hash = createHash('sha256');
  // Each part ends with a NUL, so moving text from one part to the next changes the hash.
  for (const part of [c.subject, c.preheader, c.fromName, c.fromEmail, c.replyTo, c.html, c.text]) hash.update(part).update('\u0000');
  const t = c.tracking;
  if (t && !isDefaultTracking(t)) hash.update(`tracking:${+t.opens}${+t.htmlClicks}${+t.textClicks}`).update('\u0000');
  return hash.digest('hex');
}
