// YAML parsed with positions, so every content error can say file:line:column.
import { isAlias, isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode, isPair, isScalar, visit } from 'yaml';
import { memoByText } from '../memo.js';
import { nodeAt } from './yaml-path.js';
import { explainSyntaxError } from './yaml-errors.js';

/**
 * With yaml's defaults, long lines are folded at 80 columns and flow lists padded: our files are
 * neither. Every file the tool writes from a Document (the editor, `newsletter new`) uses these.
 */
export const WRITE_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Limits that keep one hostile or careless file from exhausting the tool (and every other issue with it). */
export const YAML_LIMITS = {
  /** The April 2022 issue is about 15 KB. */
  bytes: 1024 * 1024,
  /** Blocks and lists inside each other; an issue needs about 5. */
  depth: 32,
  /** Uses of `*alias` while building the data; more is an "alias bomb". */
  aliases: 100,
} as const;

export interface Position {
  line: number;
  column: number;
}

export interface SourceFile {
  /** Path shown to people, e.g. content/issues/2022-04/issue.yaml */
  file: string;
  text: string;
  /** Why the file was not read (too large, a link leading outside content/); `text` is then empty. */
  refused?: string;
}

export interface ParsedYaml {
  file: string;
  data: unknown;
  /** Where a value (or, when it is absent, its nearest parent) sits. */
  positionOf(path: readonly PropertyKey[]): Position;
  /** Where a key of a mapping sits, for unknown keys. */
  positionOfKey(path: readonly PropertyKey[], key: string): Position;
  /** The source text of a scalar value and where it starts, to place an error on one character of it. */
  sourceOf(path: readonly PropertyKey[]): { offset: number; text: string } | undefined;
  positionAt(offset: number): Position;
}

export interface YamlSyntaxError {
  file: string;
  position: Position;
  message: string;
}

/**
 * The last few texts parsed, with their documents: `check` reads an edited issue file to load it,
 * then again to place its findings (check/place-in-file.ts), and is given the same document.
 * Nothing changes a document once parsed; each caller gets its own data (toJS) from it.
 */
const documents = memoByText<{ doc: Document; lineCounter: LineCounter }>(4);
function parsedDocument(text: string): { doc: Document; lineCounter: LineCounter } {
  return documents(text, () => {
    const lineCounter = new LineCounter();
    return { doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true }), lineCounter };
  });
}

export function parseYaml(source: SourceFile): ParsedYaml | YamlSyntaxError[] {
  const whole = (message: string): YamlSyntaxError[] => [{ file: source.file, position: { line: 1, column: 1 }, message }];
  if (source.refused) return whole(source.refused);
  const bytes = Buffer.byteLength(source.text);
  if (bytes > YAML_LIMITS.bytes) return whole(tooLarge(bytes));
  const fail = (offset: number, message: string): YamlSyntaxError[] => [{ file: source.file, position: positionIn(source.text, offset), message }];
  // Checked before parsing: the parser takes seconds over a megabyte of nested brackets.
  const deep = tooDeepFlow(source.text);
  if (deep !== undefined) return fail(deep, nestingMessage());
  let doc: Document;
  let lineCounter: LineCounter;
  try {
    ({ doc, lineCounter } = parsedDocument(source.text));
  } catch (e) {
    // The parser recurses: nesting far past the limit can exhaust the stack before it returns.
    if (e instanceof RangeError) return fail(0, nestingMessage());
    throw e;
  }
  if (doc.errors.length > 0) {
    // The first syntax error is the real one; the rest are usually its echoes.
    const e = doc.errors[0]!;
    const problem = explainSyntaxError(source.text, e.code, e.message, e.pos[0]);
    return fail(problem.offset, problem.message);
  }
  const nested = tooDeepBlock(doc);
  if (nested !== undefined) return fail(nested, nestingMessage());
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: YAML_LIMITS.aliases });
  } catch (e) {
    // yaml throws a ReferenceError when aliases expand past maxAliasCount (a "billion laughs").
    if (e instanceof ReferenceError) return fail(firstAlias(doc) ?? 0, aliasMessage());
    throw e;
  }
  const at = (offset: number | undefined) => toPosition(lineCounter, offset ?? 0);
  return {
    file: source.file,
    data,
    positionOf(path) {
      return at(nearestNode(doc, path)?.range?.[0]);
    },
    positionOfKey(path, key) {
      const parent = nearestNode(doc, path);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
        const keyNode = pair?.key as YamlNode | undefined;
        if (keyNode?.range) return at(keyNode.range[0]);
      }
      return at(parent?.range?.[0]);
    },
    sourceOf(path) {
      const node = nodeAt(doc, path);
      return isScalar(node) && node.range ? { offset: node.range[0], text: source.text.slice(node.range[0], node.range[1]) } : undefined;
    },
    positionAt: (offset) => at(offset),
  };
}

export function tooLarge(bytes: number): string {
  const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
  return `the file is ${kb(bytes)}, more than the ${kb(YAML_LIMITS.bytes)} a content file may be — split it, or move large text out of it`;
}

function nestingMessage(): string {
  return `blocks and lists are nested more than ${YAML_LIMITS.depth} deep here — an issue needs only a few levels; check the indentation and the brackets`;
}

function aliasMessage(): string {
  return `the file repeats "*" aliases more than ${YAML_LIMITS.aliases} times when read — write the text out instead of using "&anchor" and "*alias"`;
}

/** Offset where [ and { nest past the limit, found before parsing so the parser never recurses that far. */
function tooDeepFlow(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      // A new line ends a quote for this estimate, and a line that is not indented ends every flow collection.
      quote = '';
      if (!/^[ \t]/.test(text.slice(i + 1, i + 2))) depth = 0;
    } else if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > YAML_LIMITS.depth) return i;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if ((c === '"' || c === "'") && /[\s:[{,-]/.test(text[i - 1] ?? ' ')) quote = c;
  }
  return undefined;
}

/** Offset of the first block or list nested past the limit. */
function tooDeepBlock(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, (_key, node, path) => {
    if ((isMap(node) || isSeq(node)) && path.filter((p) => isMap(p) || isSeq(p)).length >= YAML_LIMITS.depth) {
      found = node.range?.[0] ?? 0;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

function firstAlias(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      found = isAlias(node) ? node.range?.[0] : undefined;
      return visit.BREAK;
    },
  });
  return found;
}

function nearestNode(doc: Document, path: readonly PropertyKey[]): YamlNode | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = nodeAt(doc, path.slice(0, n));
    if (node && (isMap(node) || isSeq(node) || isScalar(node))) return node;
  }
  return doc.contents ?? undefined;
}

/** Line and column of an offset, without a parse (errors found before or instead of parsing). */
function positionIn(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

function toPosition(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
