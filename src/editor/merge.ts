// A save against a file that may have changed since the form was built. The form sends the hash
// of the text it was built from; when the file on disk is different, the person's edits are
// applied to it as long as none of them touches a place that changed on disk. Otherwise nothing
// is saved and both values are returned, for the person to choose.
import { isDeepStrictEqual } from 'node:util';
import { editText, type FieldNamer, hashText, parseForEdit } from './edit.js';
import type { Hunk } from './diff.js';
import type { EditOp, FieldPath, KeyOrder } from './paths.js';

export interface Conflict {
  path: FieldPath;
  /** What the form showed when the person started. */
  base: unknown;
  /** What is in the file now. */
  theirs: unknown;
  /** What the person's edit would make it (undefined for a removal or a list edit). */
  mine: unknown;
}

export type SaveOutcome =
  | { kind: 'saved'; text: string; hash: string; hunks: Hunk[]; merged: boolean }
  | { kind: 'conflict'; conflicts: Conflict[]; hash: string }
  | { kind: 'refused'; reason: string; messages?: readonly { path: FieldPath; line: string; message: string }[] };

/**
 * `base` is the text the form was built from (undefined when it is no longer known: the server
 * restarted, or the form is older than anything remembered), `disk` the file's text now.
 */
export function planSave(base: string | undefined, disk: string, ops: readonly EditOp[], order?: KeyOrder, name?: FieldNamer): SaveOutcome {
  const diskHash = hashText(disk);
  let merged = false;
  if (base === undefined || hashText(base) !== diskHash) {
    const changed = base === undefined ? undefined : changedPaths(readData(base), readData(disk));
    const clashes = ops.filter((op) => changed === undefined || changed.some((c) => overlaps(c, touched(op))));
    if (clashes.length > 0) {
      const baseData = base === undefined ? undefined : readData(base);
      const diskData = readData(disk);
      return {
        kind: 'conflict',
        hash: diskHash,
        conflicts: clashes.map((op) => ({
          path: touched(op),
          base: valueAt(baseData, touched(op)),
          theirs: valueAt(diskData, touched(op)),
          mine: op.op === 'set' ? op.value : undefined,
        })),
      };
    }
    merged = true;
  }
  const result = editText(disk, ops, order, name);
  if (!result.ok) return { kind: 'refused', reason: result.reason };
  return { kind: 'saved', text: result.text, hash: hashText(result.text), hunks: result.hunks, merged };
}

/** The place an edit depends on: the field it sets, or the whole list it reorders or changes. */
function touched(op: EditOp): FieldPath {
  return op.path;
}

function overlaps(a: FieldPath, b: FieldPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Where two versions of a file's data differ. A list whose length changed counts as changed as
 * a whole: its indexes no longer mean the same items, so an edit inside it cannot be merged.
 */
export function changedPaths(a: unknown, b: unknown, path: FieldPath = []): FieldPath[] {
  if (isDeepStrictEqual(a, b)) return [];
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [path];
    return a.flatMap((x, i) => changedPaths(x, b[i], [...path, i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    // A section whose type changed is another section.
    if (a.type !== b.type) return [path];
    return [...keys].flatMap((k) => changedPaths(a[k], b[k], [...path, k]));
  }
  return [path];
}

function readData(text: string): unknown {
  return parseForEdit(text)?.toJS() ?? {};
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let v = data;
  for (const step of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[step] : undefined;
  return v;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
