// What body text may contain: Markdown, not HTML, and links only to https:, http: or mailto: (or
// "#anchor" within the issue). The parser lives here, shared with the renderer, so the rule that
// refuses a link when content is loaded and the rule that drops one when it is rendered judge the
// same thing: markdown-it's own reading of the link, whether written inline, by reference
// ("[r]: javascript:…"), as an <autolink>, with entity-encoded letters, or as a bare address.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { memoByText } from '../memo.js';

export const SAFE_LINK = /^(https?:|mailto:|#)/i;
export const RAW_HTML = /<\/?[a-z][a-z0-9-]*(\s[^>]*)?\/?>/i;

/** A Mailchimp merge tag as written: *|NAME|*, no spaces inside. Case is judged by the check, not here. */
const MERGE_TAG_AT = /\*\|[^\s|*]{1,60}\|\*/y;

/** The newsletter's Markdown: CommonMark, no raw HTML or images, bare http(s) addresses linked. */
export const markdownIt = new MarkdownIt('commonmark', { html: false, linkify: true, typographer: false });
markdownIt.disable(['image', 'html_block', 'html_inline']);
markdownIt.enable(['linkify']);
// Only addresses written with their scheme become links: "gov.uk" or "e.g." in prose stay words.
markdownIt.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
// Let every link parse; unsafe ones are refused on loading and unwrapped on rendering, not silently left as text.
markdownIt.validateLink = () => true;
// Merge tags look like emphasis: *|FNAME|* must stay as written, never become <em>|FNAME|</em>.
// A "*|" that does not start a whole tag is kept as text too, so the merge-tag check sees it.
markdownIt.inline.ruler.before('emphasis', 'merge_tag', (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x2a || state.src.charCodeAt(state.pos + 1) !== 0x7c) return false;
  MERGE_TAG_AT.lastIndex = state.pos;
  const tag = MERGE_TAG_AT.exec(state.src)?.[0] ?? '*|';
  if (state.pos + tag.length > state.posMax) return false;
  if (!silent) state.pending += tag;
  state.pos += tag.length;
  return true;
});

const parsed = memoByText<readonly Token[]>(512);

/**
 * markdown-it's reading of a body field, read once for all who ask: the safety rule and the
 * one-line rule when content is loaded, then the render's HTML and plain text. Shared, so never
 * changed: the render's sanitise copies what it changes.
 */
export function parsedMarkdown(source: string): readonly Token[] {
  return parsed(source, () => markdownIt.parse(source, {}));
}

/** Every link target in a Markdown text, as markdown-it reads it (entities decoded), with the link's token. */
export function linksIn(tokens: readonly Token[]): { href: string; token: Token }[] {
  const found: { href: string; token: Token }[] = [];
  for (const t of tokens) {
    if (t.type === 'link_open') found.push({ href: (t.attrGet('href') ?? '').trim(), token: t });
    if (t.children) found.push(...linksIn(t.children));
  }
  return found;
}

/** Whether a link target (as markdown-it gives it) may reach a reader. */
export function isSafeLink(href: string): boolean {
  // Browsers ignore tabs and line breaks inside an address, and spaces or controls before it.
  return SAFE_LINK.test(href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, ''));
}

/** Why a Markdown field is unsafe, or undefined when it is fine. */
export function unsafeMarkdown(source: string): string | undefined {
  const tag = RAW_HTML.exec(source);
  if (tag) return `contains HTML (${tag[0].slice(0, 40)}) — write Markdown instead: **bold**, [link text](https://…), "- " for lists`;
  for (const { href } of linksIn(parsedMarkdown(source))) {
    if (!isSafeLink(href)) return `links to "${shown(href)}" — links must start with https:// or mailto:`;
  }
  return undefined;
}

/** A target as the author would recognise it: markdown-it percent-encodes what it reads. */
function shown(href: string): string {
  let decoded = href;
  try {
    decoded = decodeURI(href);
  } catch {
    // Left encoded: it was not valid percent-encoding to begin with.
  }
  return decoded.replace(/[\u0000-\u001f\u007f]/g, '\ufffd').slice(0, 40);
}
