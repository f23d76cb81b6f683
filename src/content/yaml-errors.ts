// YAML syntax errors in words a secretariat member understands. The `yaml` package says what its
// parser met ("Sequence item without - indicator"); this says what the writer most likely did and
// how to put it right, looking at the lines around the error, and moves the position to the place
// to fix (the opening quote that was never closed, not the end of the file).
import { Lexer } from 'yaml';

export interface SyntaxProblem {
  /** Offset of the place to fix in the file's text. */
  offset: number;
  message: string;
}

const KEY_LINE = /^(\s*)(?:-\s+)?([^\s#:"'][^:#]*?):(?=\s|$)/;

/** Plain words for the first error the parser reported. */
export function explainSyntaxError(text: string, code: string, parserMessage: string, offset: number): SyntaxProblem {
  const lines = new Lines(text);
  const at = lines.lineOf(offset);
  const line = lines.text(at);

  if (code === 'TAB_AS_INDENT') return { offset, message: 'this line is indented with a tab — indent it with spaces instead (YAML does not accept tabs)' };

  if (/^Missing closing ["']quote/.test(parserMessage)) {
    const quote = parserMessage.includes('"') ? '"' : "'";
    const open = unclosed(text, (token) => token.startsWith(quote) && !closedQuote(token, quote));
    return { offset: open ?? offset, message: `this quoted text has no closing ${quote} — add ${quote} at the end of the text` };
  }

  if (/end with an? [\]}]/.test(parserMessage)) {
    const bracket = parserMessage.trimEnd().endsWith(']') ? '[' : '{';
    const close = bracket === '[' ? ']' : '}';
    const open = unclosedBracket(text, bracket);
    return {
      offset: open ?? offset,
      message: `this ${bracket} is never closed — end it with ${close}, or put the whole text in quotes if the ${bracket} is part of it`,
    };
  }

  // "title:Welcome": without a space YAML reads one word, not a field and its value.
  const glued = /^(\s*(?:-\s+)?)([A-Za-z][\w-]*):(?=[^\s/])/.exec(line);
  if (glued && (code === 'MULTILINE_IMPLICIT_KEY' || code === 'MISSING_CHAR' || code === 'BLOCK_AS_IMPLICIT_KEY')) {
    const colon = lines.start(at) + glued[1]!.length + glued[2]!.length;
    return { offset: colon + 1, message: `put a space after the colon: "${glued[2]}: …"` };
  }

  if (code === 'DUPLICATE_KEY') return duplicateKey(lines, at, offset);

  // "title: *New* guidance" or "title: [Draft] April": a first character with a meaning of its own.
  const special = /^(\s*(?:-\s+)?)([^\s#:"'][^:#]*?):\s+([*&!%@`[{])/.exec(line);
  if (special && code !== 'BAD_INDENT') {
    const value = line.slice(special[0].length - 1).trim();
    const what = words(special[2]!);
    return {
      offset: lines.start(at) + special[0].length - 1,
      message: `${what} starts with "${special[3]}", which YAML reads as markup — put ${what} in quotes: ${special[2]}: ${quoted(value)}`,
    };
  }

  if (code === 'BLOCK_AS_IMPLICIT_KEY' && parserMessage.startsWith('A block sequence')) {
    const dash = lines.start(at) + lines.indent(at);
    return {
      offset: dash,
      message: 'a list item ("- ") is mixed in with fields — give the list its own field name on the line above (e.g. "items:") and indent it under that, or remove the "- "',
    };
  }

  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    const value = text.slice(offset, lines.start(at) + line.length);
    const key = KEY_LINE.exec(line);
    if (key && /:\s/.test(value)) {
      const what = words(key[2]!);
      return { offset, message: `${what} contains ": ", which YAML reads as another field — put ${what} in quotes: ${key[2]!.trim()}: ${quoted(value.trim())}` };
    }
    const next = lines.nextFilled(at);
    if (key && next !== undefined && lines.indent(next) > keyColumn(line)) {
      return {
        offset: lines.start(next) + lines.indent(next),
        message: `this line is indented more than "${key[2]}:" on line ${at + 1} — line it up with "${key[2]}:" (column ${keyColumn(line) + 1})`,
      };
    }
  }

  if (parserMessage.startsWith('Sequence item without - indicator') || parserMessage.startsWith('All mapping items must start at the same column')) {
    const here = lines.filled(at) ? at : (lines.nextFilled(at) ?? at);
    const item = lines.previousItem(here);
    const first = lines.start(here) + lines.indent(here);
    const above = lines.previousFilled(here);
    const block = above === undefined ? undefined : /^\s*(?:-\s+)?([^\s#:"'][^:#]*?):\s+[|>][-+]?\s*$/.exec(lines.text(above));
    if (block && above !== undefined) {
      return {
        offset: first,
        message: `the text under "${block[1]}:" on line ${above + 1} must be indented more than "${block[1]}:" — indent every line of it by at least ${keyColumn(lines.text(above)) + 2} spaces`,
      };
    }
    if (item !== undefined && lines.indent(here) === lines.indent(item) && KEY_LINE.test(lines.text(here))) {
      return { offset: first, message: `this line starts a new list item but has no "- " — begin it with "- " as on line ${item + 1}` };
    }
    if (item !== undefined) {
      const keyAt = keyColumn(lines.text(item));
      return {
        offset: first,
        message: `this line is indented differently from the list item above it (line ${item + 1}) — line it up with the first field of that item (column ${keyAt + 1})`,
      };
    }
    return { offset: first, message: 'this line is indented differently from the lines above it — line up the fields of one block at the same column' };
  }

  if (code === 'UNEXPECTED_TOKEN' && /^Unexpected scalar/.test(parserMessage)) {
    const before = line.slice(0, offset - lines.start(at)).trimEnd();
    if (/["']$/.test(before)) return { offset, message: 'there is text after the closing quote — put all of the text inside the quotes' };
    if (/[\]}]$/.test(before)) return { offset, message: `there is text after the closing ${before.slice(-1)} — put the whole text in quotes` };
  }

  if (parserMessage.startsWith('Implicit map keys need to be followed by map values') || (code === 'MULTILINE_IMPLICIT_KEY' && !KEY_LINE.test(line))) {
    return { offset, message: 'this line has no "name:" — start it with a field name and a colon, or indent it under the field it belongs to' };
  }

  const first = parserMessage.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { offset, message: `${first} — this is not valid YAML; check quotes, colons and indentation on this line` };
}

/** How a field's value is named in a message: headings are what people call titles. */
function words(key: string): string {
  return /^(title|contents|heading|subject)$/.test(key.trim()) ? `the ${key.trim() === 'subject' ? 'subject' : 'heading'}` : 'the text';
}

function duplicateKey(lines: Lines, at: number, offset: number): SyntaxProblem {
  const key = KEY_LINE.exec(lines.text(at))?.[2] ?? 'this key';
  const indent = lines.indent(at);
  for (let l = at - 1; l >= 0; l--) {
    if (!lines.filled(l)) continue;
    const other = lines.text(l);
    if (lines.indent(l) < indent && !(/^\s*-\s/.test(other) && keyColumn(other) === indent)) break;
    if (keyColumn(other) !== indent || KEY_LINE.exec(other)?.[2] !== key) continue;
    const item = lines.previousItem(at);
    if (item !== undefined && keyColumn(lines.text(item)) === indent) {
      return {
        offset,
        message: `"${key}:" is given twice in the list item that starts on line ${item + 1} — if a new item starts here, begin it with "- "; otherwise keep one of them`,
      };
    }
    return { offset, message: `"${key}:" is given twice in the same block (also on line ${l + 1}) — keep one of them` };
  }
  return { offset, message: `"${key}:" is given twice in the same block — keep one of them` };
}

/** Where the first field of a line starts (after any "- "), counting from 0. */
function keyColumn(line: string): number {
  return /^\s*(?:-\s+)?/.exec(line)![0].length;
}

function quoted(value: string): string {
  return value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
}

function closedQuote(token: string, quote: string): boolean {
  if (token.length < 2 || !token.endsWith(quote)) return false;
  if (quote === "'") return true;
  const backslashes = /\\*$/.exec(token.slice(0, -1))![0].length;
  return backslashes % 2 === 0;
}

/** Offset of the first lexer token that `bad` picks out. */
function unclosed(text: string, bad: (token: string) => boolean): number | undefined {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (bad(token)) return offset;
    if (!MARKERS.has(token)) offset += token.length;
  }
  return undefined;
}

/** Offset of the flow collection the lexer had to end without its closing bracket. */
function unclosedBracket(text: string, bracket: '[' | '{'): number | undefined {
  const open: number[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') open.push(offset);
    else if (token === ']' || token === '}') open.pop();
    else if (token === FLOW_ERROR_END) return open.pop();
    if (!MARKERS.has(token)) offset += token.length;
  }
  return open[0] ?? (text.indexOf(bracket) >= 0 ? text.indexOf(bracket) : undefined);
}

// The lexer's zero-width markers: document start, flow collection ended by an error, scalar start.
const FLOW_ERROR_END = '\x18';
const MARKERS = new Set(['\x02', FLOW_ERROR_END, '\x1f']);

class Lines {
  private readonly starts: number[] = [0];
  private readonly all: string[];
  constructor(text: string) {
    this.all = text.split('\n');
    for (const l of this.all) this.starts.push(this.starts[this.starts.length - 1]! + l.length + 1);
  }
  lineOf(offset: number): number {
    let l = 0;
    while (l + 1 < this.all.length && this.starts[l + 1]! <= offset) l++;
    return l;
  }
  text(l: number): string {
    return (this.all[l] ?? '').replace(/\r$/, '');
  }
  start(l: number): number {
    return this.starts[l] ?? 0;
  }
  indent(l: number): number {
    return /^ */.exec(this.text(l))![0].length;
  }
  filled(l: number): boolean {
    return /^\s*[^\s#]/.test(this.text(l));
  }
  nextFilled(l: number): number | undefined {
    for (let n = l + 1; n < this.all.length; n++) if (this.filled(n)) return n;
    return undefined;
  }
  previousFilled(l: number): number | undefined {
    for (let n = l - 1; n >= 0; n--) if (this.filled(n)) return n;
    return undefined;
  }
  /** The nearest line above that starts a list item ("- "). */
  previousItem(l: number): number | undefined {
    for (let n = l - 1; n >= 0; n--) if (/^\s*-\s/.test(this.text(n))) return n;
    return undefined;
  }
}
