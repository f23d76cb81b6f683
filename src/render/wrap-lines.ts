// Email HTML in lines that mail servers carry intact: RFC 5322 allows at most 998 characters a line,
// and MJML's minified output is one line of 30 KB. A server that folds a long line may cut a tag or
// a word in two, and SpamAssassin scores long lines with hidden text (LONGLN_LOW_CONTRAST).
//
// Only a space that means the same as a line break becomes one: between a tag's attributes, in
// text, in CSS outside strings. Never inside an attribute value, <pre>, <textarea> or <script>, nor
// in Outlook's conditional-comment markers. A space is replaced, never added: the size is unchanged.

/** RFC 5322 §2.1.1: lines of at most 998 characters, without the CRLF. */
export const MAX_LINE_LENGTH = 998;
/** Break before a line grows past this, leaving room below the limit. */
export const WRAP_WIDTH = 500;

/** Positions where a space may become a line break, and where the HTML already breaks lines. */
interface Spots {
  /** In ascending order. */
  spaces: number[];
  /** In ascending order. */
  newlines: number[];
}

export function wrapLines(html: string, width = WRAP_WIDTH): string {
  const { spaces, newlines } = breakableSpots(html);
  const breaks: number[] = [];
  let lineStart = 0;
  let last = -1;
  const breakAt = (p: number) => {
    breaks.push(p);
    lineStart = p + 1;
    last = -1;
  };
  // Walk spaces and existing line breaks together, in order (both lists are sorted).
  for (let s = 0, n = 0; s < spaces.length || n < newlines.length;) {
    if (n < newlines.length && (s >= spaces.length || newlines[n]! < spaces[s]!)) {
      lineStart = newlines[n++]! + 1;
      last = -1;
      continue;
    }
    const p = spaces[s++]!;
    if (p - lineStart > width) {
      if (last >= lineStart) breakAt(last);
      if (p - lineStart > width) {
        breakAt(p); // no earlier space on this line: the line is as short as it can be
        continue;
      }
    }
    last = p;
  }
  if (html.length - lineStart > width && last >= lineStart) breaks.push(last);
  // Each break replaces one space: join the pieces between them with line breaks.
  const pieces: string[] = [];
  let from = 0;
  for (const b of breaks) {
    pieces.push(html.slice(from, b));
    from = b + 1;
  }
  pieces.push(html.slice(from));
  return pieces.join('\n');
}

/** Lines longer than RFC 5322 allows (1-based line numbers), for the checks to report. */
export function overlongLines(html: string, limit = MAX_LINE_LENGTH): { line: number; length: number }[] {
  return html
    .split(/\r?\n/)
    .map((text, i) => ({ line: i + 1, length: text.length }))
    .filter((l) => l.length > limit);
}

const RAW_UNTIL_CLOSE = new Set(['pre', 'textarea', 'script']);

function breakableSpots(html: string): Spots {
  const spaces: number[] = [];
  const lower = html.toLowerCase();
  const newlines = [...html.matchAll(/\n/g)].map((m) => m.index);
  const skipTo = (from: number, end: string) => {
    const at = html.indexOf(end, from);
    return at < 0 ? html.length : at + end.length;
  };
  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === ' ') spaces.push(i);
    if (c !== '<') {
      i++;
      continue;
    }
    if (html.startsWith('<!--[if', i) || html.startsWith('<![', i) || (html.startsWith('<!', i) && !html.startsWith('<!--', i)))
      i = skipTo(i, '>'); // conditional-comment markers and the doctype stay whole
    else if (html.startsWith('<!--', i)) i = skipTo(i + 2, '-->');
    else if (/^<\/?[a-z]/i.test(html.slice(i, i + 3))) i = tag(i);
    else i++;
  }
  return { spaces, newlines };

  /** A start or end tag from `<`; returns the index after its `>` (and after the element, for raw text). */
  function tag(start: number): number {
    const name = /^<\/?([a-z][a-z0-9-]*)/i.exec(html.slice(start, start + 40))![1]!.toLowerCase();
    const closing = html[start + 1] === '/';
    let i = start + 1;
    let quote: string | null = null;
    for (; i < html.length; i++) {
      const c = html[i]!;
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ' ') spaces.push(i);
      else if (c === '>') break;
    }
    i++;
    if (closing) return i;
    if (RAW_UNTIL_CLOSE.has(name)) return closeOf(name, i);
    if (name === 'style') return css(i);
    return i;
  }

  function closeOf(name: string, from: number): number {
    const at = lower.indexOf(`</${name}`, from);
    return at < 0 ? html.length : at;
  }

  /** CSS of a <style> element: spaces outside strings. */
  function css(from: number): number {
    const end = closeOf('style', from);
    let quote: string | null = null;
    for (let i = from; i < end; i++) {
      const c = html[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ' ') spaces.push(i);
    }
    return end;
  }
}
