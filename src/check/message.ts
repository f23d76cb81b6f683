// The issue as one RFC 5322 message (plain text and HTML alternatives), the way a mail filter
// receives it. Pure and deterministic: the Date is the planned send time.
import { londonToUtc } from '../time/uk.js';
import type { CheckInput } from './context.js';

const BOUNDARY = 'panel-newsletter-alternative';

/** How the parts are encoded: base64 by default; Mailchimp sends quoted-printable; 8bit shows a filter the raw lines. */
export type TransferEncoding = 'base64' | 'quoted-printable' | '8bit';

export function emailMessage({ content, issue, rendered }: CheckInput, encoding: TransferEncoding = 'base64'): string {
  const { sender } = content.newsletter;
  const part = (type: string, body: string) =>
    [`--${BOUNDARY}`, `Content-Type: ${type}; charset=UTF-8`, `Content-Transfer-Encoding: ${encoding}`, '', encode(body, encoding)].join(
      '\r\n',
    );
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

function encode(text: string, encoding: TransferEncoding): string {
  if (encoding === 'base64') return base64Lines(text);
  const lines = text.replace(/\r?\n/g, '\r\n');
  return encoding === '8bit' ? lines : quotedPrintable(lines);
}

/** RFC 2045 §6.7: bytes outside printable ASCII as =XX, lines soft-broken before 76 characters. */
function quotedPrintable(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      const encoded = [...Buffer.from(line, 'utf8')]
        .map((b, i, all) =>
          (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && i < all.length - 1)
            ? String.fromCharCode(b)
            : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
        )
        .join('');
      const out: string[] = [];
      let rest = encoded;
      while (rest.length > 75) {
        let cut = 75;
        while (rest[cut - 1] === '=' || rest[cut - 2] === '=') cut--; // never split an =XX
        out.push(`${rest.slice(0, cut)}=`);
        rest = rest.slice(cut);
      }
      return [...out, rest].join('\r\n');
    })
    .join('\r\n');
}

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}
