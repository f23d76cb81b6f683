// Where a finding's text is written in the issue file: (section, field, offset in the field's
// value) to file:line:column, for every check, through locate.ts. The value as written — a literal
// or folded block, a quoted or plain scalar — is read again here with the file offset of each of
// its characters, so an offset in the value is a place in the file, on whichever line the block
// or the folding puts it. A field whose text in the file differs from what was checked (an edit not
// saved yet) gets no place rather than a wrong one. Pure: the file's text is passed in.
import { parseYaml, type Position, type SourceFile } from '../content/yaml.js';

/** Which field: the section's index (null for the subject and preheader) and the path inside it, "items.0.body". */
export interface FieldRef {
  section: number | null;
  field: string;
}

/** A field's place in the file; with an offset, the place of that character of its value. */
export type PlaceInFile = (at: FieldRef, offset?: number) => Position | undefined;

/** `checked` is the issue as the checks read it (its strings trimmed, as the schema leaves them). */
export function placeInFile(checked: object, source: SourceFile | undefined): PlaceInFile {
  const parsed = source && !source.refused ? parseYaml(source) : undefined;
  if (!parsed || Array.isArray(parsed)) return () => undefined;
  return (at, offset) => {
    const path = issuePath(at);
    const text = valueAt(checked, path);
    const written = valueAt(parsed.data, path);
    if (typeof text !== 'string' || typeof written !== 'string' || written.trim() !== text) return undefined;
    const field = parsed.positionOf(path);
    const raw = parsed.sourceOf(path);
    if (offset === undefined || !raw) return field;
    const read = readScalar(raw.text);
    // Written in a way not read here (an indentation indicator, say): the field is still the right place.
    if (!read || read.text.trim() !== text) return field;
    const at_ = read.at[read.text.length - read.text.trimStart().length + offset];
    return at_ === undefined ? field : parsed.positionAt(raw.offset + at_);
  };
}

/** "items.0.body" as keys: ["items", 0, "body"]. */
export function fieldKeys(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function issuePath(at: FieldRef): (string | number)[] {
  return [...(at.section === null ? [] : ['sections', at.section]), ...fieldKeys(at.field)];
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** A scalar's value, each character with its offset in the scalar's source. */
export interface ReadScalar {
  text: string;
  at: number[];
}

interface Line {
  text: string;
  start: number;
}

/** The value of a scalar as YAML reads it, from its source (from the "|", the quote or the first character). */
export function readScalar(raw: string): ReadScalar | undefined {
  const out = { text: '', at: [] as number[] };
  const lines = linesOf(raw, 0);
  if (raw.startsWith('|') || raw.startsWith('>')) block(lines.slice(1), raw.startsWith('>'), out);
  else if (raw.startsWith('"') || raw.startsWith("'")) {
    if (raw.length < 2 || !raw.endsWith(raw[0]!)) return undefined;
    flow(linesOf(raw.slice(1, -1), 1), raw[0] as '"' | "'", out);
  } else flow(lines, '', out);
  out.at.push(raw.length);
  return out;
}

function linesOf(text: string, base: number): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const m of text.matchAll(/\r?\n/g)) {
    lines.push({ text: text.slice(start, m.index), start: base + start });
    start = m.index + m[0].length;
  }
  lines.push({ text: text.slice(start), start: base + start });
  return lines;
}

/** A block's lines less the indent of its first line with text; folded (">") joins lines with a space. */
function block(body: Line[], folded: boolean, out: ReadScalar): void {
  const first = body.find((l) => l.text.trim());
  if (!first) return;
  const indent = /^ */.exec(first.text)![0].length;
  const lines = body.map((l) => ({ text: l.text.slice(indent), start: l.start + indent, end: l.start + l.text.length }));
  const deeper = (l: { text: string }) => /^[ \t]/.test(l.text) && l.text.trim() !== '';
  let prev: (typeof lines)[number] | undefined;
  let blanks: typeof lines = [];
  for (const l of lines) {
    if (prev && folded && !l.text.trim()) {
      blanks.push(l);
      continue;
    }
    if (prev) {
      // Folding keeps a line break next to a more indented line, and the blank lines in between.
      const kept = !folded || deeper(prev) || deeper(l);
      if (folded && !kept && blanks.length === 0) push(out, ' ', prev.end);
      else for (const [i, b] of [prev, ...blanks].entries()) if (kept || i > 0) push(out, '\n', b.end);
    }
    for (let i = 0; i < l.text.length; i++) push(out, l.text[i]!, l.start + i);
    prev = l;
    blanks = [];
  }
}

/** A plain or quoted scalar: lines trimmed and joined by a space, a blank line kept as a line break; quotes and escapes read. */
function flow(lines: Line[], quote: '' | '"' | "'", out: ReadScalar): void {
  let blanks = 0;
  let joined = false;
  lines.forEach((l, n) => {
    const from = n === 0 ? 0 : l.text.length - l.text.trimStart().length;
    let to = n === lines.length - 1 ? l.text.length : Math.max(from, l.text.trimEnd().length);
    if (n > 0 && n < lines.length - 1 && from === l.text.length) return void blanks++;
    if (n > 0 && !joined) {
      if (blanks === 0) push(out, ' ', l.start - 1);
      for (let b = 0; b < blanks; b++) push(out, '\n', l.start - 1);
    }
    blanks = 0;
    // A backslash at the end of a line in double quotes joins it to the next with nothing between.
    joined = quote === '"' && n < lines.length - 1 && /(?:^|[^\\])(?:\\\\)*\\$/.test(l.text.slice(from, to));
    if (joined) to--;
    unquote(l.text.slice(from, to), l.start + from, quote, out);
  });
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

function unquote(piece: string, start: number, quote: '' | '"' | "'", out: ReadScalar): void {
  for (let i = 0; i < piece.length; i++) {
    const ch = piece[i]!;
    if (quote === "'" && ch === "'" && piece[i + 1] === "'") {
      push(out, "'", start + i++);
    } else if (quote === '"' && ch === '\\') {
      const code = piece[i + 1] ?? '';
      const digits = HEX_DIGITS[code];
      const hex = digits ? piece.slice(i + 2, i + 2 + digits) : '';
      const value = digits
        ? /^[0-9a-f]+$/i.test(hex) && hex.length === digits
          ? String.fromCodePoint(parseInt(hex, 16))
          : ''
        : ESCAPES[code];
      // An escape YAML does not know leaves a character no value holds, so the value will not match.
      push(out, value || '\uFFFF', start + i);
      i += 1 + (digits ?? 0);
    } else push(out, ch, start + i);
  }
}

function push(out: ReadScalar, text: string, at: number): void {
  out.text += text;
  for (let i = 0; i < text.length; i++) out.at.push(at);
}
