// Markdown in body fields, rendered safely: raw HTML is shown as text, images are not allowed,
// and only https:, http:, mailto: and #anchor links survive (checks flag http:). Merge tags stay as
// written. Also renders to plain text. The parser is shared with content validation (markdown-safety).
import type Token from 'markdown-it/lib/token.mjs';

import { isSafeLink, markdownIt as md, parsedMarkdown, RAW_HTML } from '../content/markdown-safety.js';
import { memoByText } from '../memo.js';

/**
 * Unwrap unsafe links, so their text stays and their target goes; drop text that looks like an HTML
 * tag. The tokens given are not changed (parsedMarkdown shares them): a block with something to
 * change is copied, with copies of the text it changes.
 */
function sanitise(tokens: readonly Token[]): Token[] {
  const tag = new RegExp(RAW_HTML.source, 'i');
  const tags = new RegExp(RAW_HTML.source, 'gi');
  return tokens.map((block) => {
    if (block.type !== 'inline' || !block.children) return block;
    const children = block.children;
    const unsafe = new Set<number>();
    children.forEach((t, i) => {
      if (t.type === 'link_open' && !isSafeLink((t.attrGet('href') ?? '').trim())) {
        unsafe.add(i);
        const close = children.findIndex((c, j) => j > i && c.type === 'link_close' && c.level === t.level);
        if (close > 0) unsafe.add(close);
        // An autolink's text is the unsafe address itself: drop it with the link.
        if (t.markup === 'autolink') for (let j = i + 1; j < close; j++) unsafe.add(j);
      }
    });
    // Text that looks like an HTML tag is dropped: it would only be shown as code, never meant for readers.
    const kept = children
      .filter((_, i) => !unsafe.has(i))
      .map((t) => (t.type === 'text' && tag.test(t.content) ? copyOf(t, { content: t.content.replace(tags, '') }) : t));
    return unsafe.size === 0 && kept.every((t, i) => t === children[i]) ? block : copyOf(block, { children: kept });
  });
}

/** A token like `t`, with `changes`; `t` itself is left as it was. */
function copyOf(t: Token, changes: Partial<Token>): Token {
  return Object.assign(Object.create(Object.getPrototypeOf(t) as object) as Token, t, changes);
}

function parse(source: string): Token[] {
  return sanitise(parsedMarkdown(source));
}

const rendered = memoByText<string>(512);

/** HTML for a body field. */
export function markdownToHtml(source: string): string {
  return rendered(`html\u0000${source}`, () => md.renderer.render(parse(source), md.options, {}).trim());
}

/** HTML for a single-line field (no surrounding <p>). */
export function markdownInline(source: string): string {
  return md.renderer.render(sanitise(md.parseInline(source, {})), md.options, {}).trim();
}

/** Plain text that reads like a well-written email: paragraphs, "- " lists, links as "text (URL)". */
export function markdownToText(source: string, width = 76): string {
  return rendered(`text${width}\u0000${source}`, () => textOf(source, width));
}

function textOf(source: string, width: number): string {
  const tokens = parse(source);
  const blocks: string[] = [];
  const isItem: boolean[] = [];
  let bullet: string | null = null;
  const ordered: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'bullet_list_open') ordered.push(0);
    else if (t.type === 'ordered_list_open') ordered.push(1);
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') ordered.pop();
    else if (t.type === 'list_item_open') {
      const depth = ordered.length - 1;
      const n = ordered[depth]!;
      bullet = '  '.repeat(depth) + (n > 0 ? `${n}. ` : '- ');
      if (n > 0) ordered[depth] = n + 1;
    } else if (t.type === 'inline') {
      const line = inlineText(t.children ?? []);
      const heading = tokens[i - 1]?.type === 'heading_open';
      isItem.push(bullet !== null);
      if (bullet !== null) {
        blocks.push(wrap(line, width, bullet));
        bullet = null;
      } else blocks.push(heading ? `${line}\n${'-'.repeat(Math.min(line.length, width))}` : wrap(line, width));
    }
  }
  // Items of a list sit on consecutive lines; everything else is a paragraph apart.
  return blocks.map((b, i) => (i === 0 ? b : `${isItem[i] && isItem[i - 1] ? '\n' : '\n\n'}${b}`)).join('');
}

function inlineText(children: Token[]): string {
  let out = '';
  let href: string | null = null;
  let linkText = '';
  for (const c of children) {
    if (c.type === 'link_open') {
      href = c.attrGet('href');
      linkText = '';
    } else if (c.type === 'link_close') {
      // A link within the issue means nothing in plain text: keep its words.
      out += href?.startsWith('#') ? linkText : linkAsText(linkText, href ?? '');
      href = null;
    } else {
      const piece = c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.content;
      if (href !== null) linkText += piece;
      else out += piece;
    }
  }
  return out;
}

/** "text (URL)", or just the address when the text already is it. */
export function linkAsText(text: string, href: string): string {
  const bare = href.replace(/^mailto:/i, '');
  return text === bare || text === href ? bare : `${text} (${bare})`;
}

/** Word-wrap a paragraph; continuation lines are indented to sit under the first. */
export function wrap(text: string, width: number, first = ''): string {
  const indent = ' '.repeat(first.length);
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = first;
  for (const word of words) {
    const start = line === first || line === indent;
    if (!start && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line += (start ? '' : ' ') + word;
  }
  lines.push(line);
  return lines.join('\n');
}
