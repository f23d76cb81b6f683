// The frame of every page the tool builds itself: studio, editor, archive, accessibility statement
// and dist/index.html. Pure: strings in, HTML out. Styles and the script go in <head>, where the
// Content-Security-Policy allows them by hash.
import { escapeHtml } from '../render/html.js';

export interface Shell {
  title: string;
  css: string;
  body: string;
  script?: string;
  /** Extra <head> lines, e.g. the feed's <link rel="alternate">. */
  head?: string;
  bodyAttrs?: Record<string, string>;
}

export function page(s: Shell): string {
  const attrs = Object.entries(s.bodyAttrs ?? {})
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.title)}</title>
<link rel="icon" href="${ICON_HREF}">${s.head ? `\n${s.head}` : ''}
<style>${s.css}</style>${s.script ? `\n<script>${s.script}</script>` : ''}
</head>
<body${attrs}>
${s.body}
</body>
</html>
`;
}

export const BASE_CSS = `
:root{color-scheme:light}
body{margin:0;font:1rem/1.5 Arial,Helvetica,sans-serif;color:#0b0c0c;background:#fff}
a{color:#1d70b8}a:hover{color:#003078}
a:focus,button:focus{outline:3px solid #fd0;outline-offset:0;background:#fd0;color:#0b0c0c;box-shadow:0 4px #0b0c0c}
.wrap{max-width:64rem;margin:0 auto;padding:1rem 1.25rem}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 1rem}
.muted{color:#505a5f}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.5rem .75rem .5rem 0;border-bottom:1px solid #b1b4b6;vertical-align:top}
.tag{display:inline-block;padding:0 .4rem;font-weight:bold;font-size:.875rem;border-radius:2px}
.tag-draft{background:#e8e8e8;color:#0b0c0c}.tag-approved{background:#cce2d8;color:#005a30}
.tag-scheduled{background:#bbd4ea;color:#0c2d4a}.tag-sent{background:#0b0c0c;color:#fff}
`;

/** A short page that says what happened and nothing more (404, 403). */
export function messagePage(title: string, message: string): string {
  return page({ title, css: BASE_CSS, body: `<main class="wrap"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main>` });
}

/**
 * The icon browsers ask for at /favicon.ico (for pages, like an issue's web version, that do not name one): the Panel's blue with a white "N". SVG,
 * so it is a few bytes and sharp at any size; without it every page logs a 404.
 */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#1d70b8"/><path d="M9 24V8h3l8 11V8h3v16h-3l-8-11v11z" fill="#fff"/></svg>';

/** The same icon inside every page we build (img-src allows data:), so a static copy of the archive needs no file for it. */
const ICON_HREF = `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`;
