// The issue as one RFC 5322 message (plain text and HTML alternatives), the way a mail filter
// receives it. Pure and deterministic: the Date is the planned send time.
import { londonToUtc } from '../render/dates.js';
import type { CheckInput } from './context.js';

const BOUNDARY = 'panel-newsletter-alternative';

export function emailMessage({ content, issue, rendered }: CheckInput): string {
  const { sender } = content.newsletter;
  const part = (type: string, body: string) =>
    [`--${BOUNDARY}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(body)].join('\r\n');
  return [
    `From: ${displayName(sender.name)} <${sender.email}>`,
    `Reply-To: ${sender.replyTo}`,
    'To: subscriber@example.org',
    `Subject: ${encodeWord(issue.subject)}`,
    `Date: ${londonToUtc(issue.sendAt).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${issue.id}.${rendered.hash.slice(0, 16)}@${sender.email.split('@')[1]}>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
    '',
    part('text/plain', rendered.text),
    part('text/html', rendered.html),
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n');
}

/** A header value: as it is when plain ASCII, else an RFC 2047 encoded word. */
function encodeWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
}

/** A display name in From: quoted when it has characters with a meaning in addresses. */
function displayName(name: string): string {
  return /^[\x20-\x7e]*$/.test(name) && /[(),.:;<>@[\]"\\]/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeWord(name);
}

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}
