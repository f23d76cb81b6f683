// The content hash: one sha256 over everything a subscriber receives — subject, preheader, sender,
// reply-to, email HTML and plain text (not YAML formatting, not the web version). It is the one
// name for "this exact content": approval is given to it, share links and check reports carry it,
// publish sends the approved snapshot that has it, and a sent record is checked against it.
import { createHash } from 'node:crypto';

/** What the content hash pins: what lands in a subscriber's inbox. */
export interface ReceivedContent {
  subject: string;
  preheader: string;
  fromName: string;
  fromEmail: string;
  replyTo: string;
  html: string;
  text: string;
}

export function contentHash(c: ReceivedContent): string {
  const hash = createHash('sha256');
  // Each part ends with a NUL, so moving text from one part to the next changes the hash.
  for (const part of [c.subject, c.preheader, c.fromName, c.fromEmail, c.replyTo, c.html, c.text]) hash.update(part).update('\u0000');
  return hash.digest('hex');
}
