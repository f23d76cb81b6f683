// YAML parsed with positions, so every content error can say file:line:column.
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode, isPair, isScalar } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export interface SourceFile {
  /** Path shown to people, e.g. content/issues/2022-04/issue.yaml */
  file: string;
  text: string;
}

export interface ParsedYaml {
  file: string;
  data: unknown;
  /** Where a value (or, when it is absent, its nearest parent) sits. */
  positionOf(path: readonly PropertyKey[]): Position;
  /** Where a key of a mapping sits, for unknown keys. */
  positionOfKey(path: readonly PropertyKey[], key: string): Position;
}

export interface YamlSyntaxError {
  file: string;
  position: Position;
  message: string;
}

export function parseYaml(source: SourceFile): ParsedYaml | YamlSyntaxError[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    // The first syntax error is the real one; the rest are usually its echoes.
    return doc.errors.slice(0, 1).map((e) => ({
      file: source.file,
      position: toPosition(lineCounter, e.pos[0]),
      message: syntaxMessage(e.code, e.message),
    }));
  }
  const at = (offset: number | undefined) => toPosition(lineCounter, offset ?? 0);
  return {
    file: source.file,
    data: doc.toJS({ maxAliasCount: 50 }),
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
  };
}

function nearestNode(doc: Document, path: readonly PropertyKey[]): YamlNode | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as YamlNode | undefined;
    if (node && (isMap(node) || isSeq(node) || isScalar(node))) return node;
  }
  return doc.contents ?? undefined;
}

function toPosition(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function syntaxMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same block — keep one of them';
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation — YAML needs spaces';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return `${first} — check the indentation and punctuation on this line`;
    default:
      return `${first} — this is not valid YAML; check quotes, colons and indentation`;
  }
}
