// Content-Security-Policy for every response. Our pages allow only the inline <style> and
// <script> blocks in their own <head>, by hash, so nothing that content puts in <body> can run
// or restyle the page; the email itself is served as a sandboxed document with no scripts.
import { createHash } from 'node:crypto';

const BASE = ["base-uri 'none'", "object-src 'none'"];

// The blocks are the studio's and the editor's own style and script, the same on every response:
// each is hashed once. Bounded, though nothing else should ever fill it.
const hashed = new Map<string, string>();
function hashOf(block: string): string {
  let h = hashed.get(block);
  if (h === undefined) {
    h = `'sha256-${createHash('sha256').update(block).digest('base64')}'`;
    if (hashed.size >= 64) hashed.clear();
    hashed.set(block, h);
  }
  return h;
}

/** The policy for a page we built: hashes of the inline blocks in its <head>. */
/** `forms`: the page posts forms to this server (the studio's issue page); no other page may post. */
export function pagePolicy(html: string, opts: { frames?: boolean; connect?: boolean; forms?: boolean } = {}): string {
  const head = html.slice(0, Math.max(0, html.indexOf('</head>')));
  const hashes = (tag: 'style' | 'script') =>
    [...head.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => hashOf(m[1]!));
  const scripts = hashes('script');
  const styles = hashes('style');
  return [
    "default-src 'none'",
    `script-src ${scripts.length ? scripts.join(' ') : "'none'"}`,
    `style-src ${styles.length ? styles.join(' ') : "'none'"}`,
    "img-src 'self' https: data:",
    `frame-src ${opts.frames ? "'self'" : "'none'"}`,
    `connect-src ${opts.connect ? "'self'" : "'none'"}`,
    "frame-ancestors 'none'",
    `form-action ${opts.forms ? "'self'" : "'none'"}`,
    ...BASE,
  ].join('; ');
}

/** The email as a document of its own: its inline styles, remote images, no scripts at all. */
export const EMAIL_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  // 'self': the issue's own pictures, served by this server at /images/ (src/images).
  "img-src 'self' https: data:",
  'font-src https: data:',
  "frame-ancestors 'self'",
  'sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox',
  "form-action 'none'",
  ...BASE,
].join('; ');

/** Plain responses (feed, errors as text, event stream): nothing may load. */
export const NOTHING_POLICY = ["default-src 'none'", "frame-ancestors 'none'", "form-action 'none'", ...BASE].join('; ');
