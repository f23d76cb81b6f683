// Lines added to the footer of an archived issue's web version as it is served or written to the
// built site: the page may be a snapshot of what was sent, so they never go into the snapshot.
import { escapeHtml } from '../render/html.js';

/** The page with one more line at the end of its footer (a footer is made if it has none). */
export function withFooterLine(web: string, line: string): string {
  const p = `<p>${line}</p>\n`;
  const at = web.lastIndexOf('</footer>');
  if (at >= 0) return `${web.slice(0, at)}${p}${web.slice(at)}`;
  const end = web.lastIndexOf('</body>');
  return end >= 0 ? `${web.slice(0, end)}<footer>${p}</footer>\n${web.slice(end)}` : web;
}

/** An archived issue with a link back to the list of every issue in the archive. */
export function withArchiveLink(web: string, href: string): string {
  return withFooterLine(web, `<a href="${escapeHtml(href)}">All issues in the archive</a>`);
}
