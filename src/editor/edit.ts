// A save as a pure function: file text and edits in, new text and its diff out — or a refusal.
// The text is edited in place through the `yaml` Document, written with options that give back
// an untouched file byte for byte, read back, and refused unless it reads as intended and only
// lines inside the edited nodes changed.
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { type Document, type Node as YamlNode, parseDocument } from 'yaml';
import { diffLines, type Hunk } from './diff.js';
import { applyToData, applyToDocument, type EditOp, EditRefused, type FieldPath, type KeyOrder, nodeAt, pairAt } from './paths.js';

/** With yaml's defaults, long lines are folded at 80 columns and flow lists padded: our files are neither. */
export const WRITE_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

export type EditResult = { ok: true; text: string; hunks: Hunk[]; data: unknown } | { ok: false; reason: string };

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Parsed as the loader parses (src/content/yaml.ts), so the editor and the CLI read a file alike. */
export function parseForEdit(text: string): Document | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  return doc.errors.length === 0 ? doc : undefined;
}

export function editText(text: string, ops: readonly EditOp[], order?: KeyOrder): EditResult {
  const doc = parseForEdit(text);
  if (!doc) return { ok: false, reason: 'the file has a YAML mistake — run `newsletter check` and fix it in the file first' };
  const lines = lineIndex(text);
  const spans: [number, number][] = [];
  let expected: unknown = doc.toJS();
  try {
    for (const op of ops) {
      spans.push(spanOf(doc, op, lines));
      applyToDocument(doc, op, order);
      expected = applyToData(expected, op);
    }
  } catch (e) {
    if (e instanceof EditRefused) return { ok: false, reason: e.message };
    throw e;
  }
  const out = ops.length === 0 ? text : doc.toString(WRITE_OPTIONS);
  const reread = parseForEdit(out);
  if (!reread || !isDeepStrictEqual(reread.toJS(), expected))
    return { ok: false, reason: 'the saved file would not read back as edited — nothing was saved' };
  const hunks = diffLines(text, out);
  const stray = hunks.find((h) => !covered(h, spans));
  if (stray)
    return { ok: false, reason: `the save would also change line ${stray.oldStart}, outside the fields edited — nothing was saved` };
  return { ok: true, text: out, hunks, data: expected };
}

/** Every line a hunk replaces lies in some edited span (one hunk may cover edits of neighbouring fields). */
function covered(h: Hunk, spans: readonly [number, number][]): boolean {
  if (h.oldLines.length === 0) return spans.some(([from, to]) => h.oldStart >= from && h.oldStart <= to + 1);
  for (let line = h.oldStart; line < h.oldStart + h.oldLines.length; line++)
    if (!spans.some(([from, to]) => line >= from && line <= to)) return false;
  return true;
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
