// A save as a pure function: file text and edits in, new text and its diff out — or a refusal.
// The text is edited through the `yaml` Document, written with options that give back an untouched
// file byte for byte, read back, and refused unless it reads as intended and only lines inside the
// edited nodes changed. A file laid out otherwise than the editor writes keeps its layout outside
// the edited lines (keep-layout.ts): formatting alone is never a reason to refuse a save.
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { type Document, isMap, isScalar, isSeq, type Node as YamlNode, parseDocument } from 'yaml';
import { fieldPath } from '../content/errors.js';
import { WRITE_OPTIONS } from '../content/yaml.js';
import { diffLines, type Hunk } from './diff.js';
import { keepLayout } from './keep-layout.js';
import { assertFieldPath } from './path-guard.js';
import { applyToData, applyToDocument, type EditOp, EditRefused, type FieldPath, type KeyOrder, nodeAt, pairAt } from './paths.js';

export type EditResult = { ok: true; text: string; hunks: Hunk[]; data: unknown } | { ok: false; reason: string };

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Parsed as the loader parses (src/content/yaml.ts), so the editor and the CLI read a file alike. */
export function parseForEdit(text: string): Document | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  return doc.errors.length === 0 ? doc : undefined;
}

/** Names a field for a person; by default in the CLI's words ("section 5 (recruitment), closingDate"). */
export type FieldNamer = (path: FieldPath, data: unknown) => string;

export function editText(text: string, ops: readonly EditOp[], order?: KeyOrder, name: FieldNamer = fieldPath): EditResult {
  const original = parseForEdit(text);
  if (!original) return { ok: false, reason: 'the file has a YAML mistake — run `newsletter check` and fix it in the file first' };
  if (ops.length === 0) return { ok: true, text, hunks: [], data: original.toJS() };
  // The edit is made on the editor's own writing of the file, so what the guard below compares is
  // the edit alone: a layout the editor writes differently (`[ a, b ]`) is not a change of anyone's.
  const written = original.toString(WRITE_OPTIONS);
  const doc = written === text ? original : parseForEdit(written);
  if (!doc || !isDeepStrictEqual(doc.toJS(), original.toJS()))
    return { ok: false, reason: 'the editor cannot write this file without changing what it says — make this change in the file itself' };
  const lines = lineIndex(written);
  const spans: [number, number][] = [];
  let expected: unknown = doc.toJS();
  try {
    for (const op of ops) {
      // Before the document or the data is touched: a hostile path is refused, not walked.
      assertFieldPath(expected, op.path, order);
      spans.push(spanOf(doc, op, lines));
      applyToDocument(doc, op, order);
      expected = applyToData(expected, op);
    }
  } catch (e) {
    if (e instanceof EditRefused) return { ok: false, reason: e.message };
    throw e;
  }
  const edited = doc.toString(WRITE_OPTIONS);
  if (!readsAs(edited, expected)) return { ok: false, reason: 'the saved file would not read back as edited — nothing was saved' };
  const stray = diffLines(written, edited)
    .map((h) => uncovered(h, spans))
    .find((line) => line !== undefined);
  if (stray !== undefined) {
    const where = fieldAtLine(parseForEdit(written)!, stray, lines);
    return {
      ok: false,
      reason: `the save would also change line ${stray}${where?.length ? ` (${name(where, expected)})` : ''}, which is outside the fields you edited, so nothing was saved — make this change in the file with a text editor instead`,
    };
  }
  // Back into the file as it was: only the edited lines change, unless the result would not read as edited.
  const kept = written === text ? edited : keepLayout(text, written, edited);
  const out = kept !== edited && readsAs(kept, expected) ? kept : edited;
  return { ok: true, text: out, hunks: diffLines(text, out), data: expected };
}

function readsAs(text: string, expected: unknown): boolean {
  const reread = parseForEdit(text);
  return reread !== undefined && isDeepStrictEqual(reread.toJS(), expected);
}

/** The deepest field whose lines include `line`, for naming it. */
function fieldAtLine(doc: Document, line: number, lines: (offset: number) => number): FieldPath | undefined {
  let found: FieldPath | undefined;
  const visit = (node: unknown, path: FieldPath): void => {
    const range = (node as YamlNode | null)?.range;
    if (path.length && range && (lines(range[0]) > line || lines(Math.max(range[0], range[2] - 1)) < line)) return;
    if (path.length) found = path;
    if (isMap(node))
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const start = (pair.key as YamlNode | null)?.range?.[0];
        if (key === undefined) continue;
        if (start !== undefined && lines(start) === line) found = [...path, key];
        visit(pair.value, [...path, key]);
      }
    else if (isSeq(node)) node.items.forEach((item, i) => visit(item, [...path, i]));
  };
  visit(doc.contents, []);
  return found;
}

/** The first line a hunk changes outside every edited span (one hunk may cover edits of neighbouring fields). */
function uncovered(h: Hunk, spans: readonly [number, number][]): number | undefined {
  if (h.oldLines.length === 0) return spans.some(([from, to]) => h.oldStart >= from && h.oldStart <= to + 1) ? undefined : h.oldStart;
  for (let line = h.oldStart; line < h.oldStart + h.oldLines.length; line++)
    if (!spans.some(([from, to]) => line >= from && line <= to)) return line;
  return undefined;
}

/** Lines (from 1) an edit may change: the edited field with its key line, or the whole list for list edits. */
function spanOf(doc: Document, op: EditOp, lines: (offset: number) => number): [number, number] {
  // A list's key line and the comment above its first item belong to the list's span.
  for (let path: FieldPath = op.path; ; path = path.slice(0, -1)) {
    const pair = path.length > 0 && typeof path[path.length - 1] === 'string' ? pairAt(doc, path) : undefined;
    const key = pair?.key as YamlNode | undefined;
    const value = (pair ? pair.value : nodeAt(doc, path)) as YamlNode | null | undefined;
    const start = key?.range?.[0] ?? value?.range?.[0];
    const end = value?.range?.[2] ?? key?.range?.[2];
    if (start !== undefined && end !== undefined) {
      return [lines(start), lines(Math.max(start, end - 1))];
    }
    if (path.length === 0) return [1, Number.MAX_SAFE_INTEGER];
  }
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
