// Edits to a `yaml` Document by path (reading goes through content/yaml-path.ts). Edits keep the nodes they do not replace, so comments, quotes, block
// styles and blank lines stay as written; comments and blank lines travel with list items.
import { isDeepStrictEqual } from 'node:util';
import { type Document, isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { type FieldPath, nodeAt } from '../content/yaml-path.js';
import { assertFieldPath, ownStep } from './path-guard.js';

export { type FieldPath, nodeAt };

/** One change a person made, as the form sends it. `value: undefined` in a set removes the field. */
export type EditOp =
  | { op: 'set'; path: FieldPath; value: unknown }
  | { op: 'insert'; path: FieldPath; index: number; value: unknown }
  | { op: 'remove'; path: FieldPath; index: number }
  | { op: 'move'; path: FieldPath; from: number; to: number };

/**
 * The field names a block at a path has, in schema order: where a new key goes. `valueAt` reads
 * the data around it (a section's fields depend on its type).
 */
export type KeyOrder = (path: FieldPath, valueAt: (p: FieldPath) => unknown) => readonly string[] | undefined;

export class EditRefused extends Error {}

/** The pair holding a key, so its key line counts as part of an edit of its value. */
export function pairAt(doc: Document, path: FieldPath): Pair | undefined {
  const parent = nodeAt(doc, path.slice(0, -1));
  const key = path[path.length - 1];
  return isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
}

export function getAt(doc: Document, path: FieldPath): unknown {
  const node = nodeAt(doc, path);
  return node === undefined ? undefined : isScalar(node) ? node.value : node.toJSON();
}

/** Apply one edit to the document in place. */
export function applyToDocument(doc: Document, e: EditOp, order?: KeyOrder): void {
  if (e.op === 'set') return setAt(doc, e.path, e.value, order);
  const seq = listAt(doc, e.path);
  liftListComment(seq);
  const n = seq.items.length;
  if (e.op === 'insert') {
    if (!(e.index >= 0 && e.index <= n)) throw new EditRefused(`no place ${e.index + 1} in a list of ${n}`);
    seq.items.splice(e.index, 0, doc.createNode(ordered(doc, e.value, [...e.path, e.index], order)));
  } else if (e.op === 'remove') {
    if (!(e.index >= 0 && e.index < n)) throw new EditRefused(`no item ${e.index + 1} in a list of ${n}`);
    seq.items.splice(e.index, 1);
  } else {
    if (!(e.from >= 0 && e.from < n && e.to >= 0 && e.to < n))
      throw new EditRefused(`cannot move item ${e.from + 1} to ${e.to + 1} in a list of ${n}`);
    const [item] = seq.items.splice(e.from, 1);
    seq.items.splice(e.to, 0, item!);
  }
  settleFirstItem(seq);
}

function setAt(doc: Document, path: FieldPath, value: unknown, order?: KeyOrder): void {
  if (path.length === 0) throw new EditRefused('a whole file cannot be replaced by an edit');
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  const parent = nodeAt(doc, parentPath);
  if (isSeq(parent) && typeof key === 'number') {
    if (value === undefined) throw new EditRefused('use remove to take an item out of a list');
    const old = parent.items[key];
    if (old === undefined) throw new EditRefused(`no item ${key + 1} in a list of ${parent.items.length}`);
    replaceIn(doc, old as YamlNode, value, (node) => (parent.items[key] = node), [...path], order);
    return;
  }
  if (!isMap(parent)) {
    if (value === undefined) return;
    // A missing block on the way is created, in schema order, with just this field.
    setAt(doc, parentPath, { [key]: value }, order);
    return;
  }
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (value === undefined) {
    if (pair) parent.items.splice(parent.items.indexOf(pair), 1);
    return;
  }
  if (pair) {
    replaceIn(doc, pair.value as YamlNode, value, (node) => (pair.value = node), [...path], order);
    return;
  }
  insertKey(
    doc,
    parent,
    String(key),
    doc.createNode(ordered(doc, value, path, order)),
    order?.(parentPath, (p) => getAt(doc, p)),
  );
}

/** A scalar keeps its node (and so its quotes and block style); anything else is a new node. */
function replaceIn(
  doc: Document,
  old: YamlNode | null,
  value: unknown,
  put: (n: YamlNode) => void,
  path: FieldPath,
  order?: KeyOrder,
): void {
  // A form sends whole lists and blocks back; an unchanged one keeps its nodes (and comments).
  if (old && isDeepStrictEqual(old.toJSON(), value)) return;
  const scalarValue = value === null || typeof value !== 'object';
  if (isScalar(old) && scalarValue) {
    old.value = value;
    return;
  }
  const node = doc.createNode(ordered(doc, value, path, order)) as YamlNode;
  if (old) {
    // A list written inline ("[2022-06-14, 2022-06-15]") stays inline.
    if (isSeq(old) && old.flow && isSeq(node)) node.flow = true;
    node.commentBefore = old.commentBefore;
    node.comment = old.comment;
    node.spaceBefore = old.spaceBefore;
  }
  put(node);
}

/** New keys go where the schema lists them, not at the end of the block. */
function insertKey(doc: Document, map: YAMLMap, key: string, node: unknown, keys: readonly string[] | undefined): void {
  const pair = doc.createPair(key, node);
  const rank = keys ? keys.indexOf(key) : -1;
  const at = rank < 0 ? -1 : map.items.findIndex((p) => isScalar(p.key) && keys!.indexOf(String(p.key.value)) > rank);
  if (at < 0) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}

/** A new block's keys in schema order, recursively. */
function ordered(doc: Document, value: unknown, at: FieldPath, order?: KeyOrder): unknown {
  if (!order) return value;
  const valueAt = (p: FieldPath) =>
    p.length >= at.length && at.every((s, i) => p[i] === s) ? dig(value, p.slice(at.length)) : getAt(doc, p);
  const walk = (v: unknown, path: FieldPath): unknown => {
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, i]));
    if (v === null || typeof v !== 'object') return v;
    const keys = order(path, valueAt) ?? [];
    const rank = (k: string) => (keys.includes(k) ? keys.indexOf(k) : keys.length);
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    entries.sort(([a], [b]) => rank(a) - rank(b));
    return Object.fromEntries(entries.map(([k, x]) => [k, walk(x, [...path, k])]));
  };
  return walk(value, at);
}

function dig(value: unknown, path: FieldPath): unknown {
  let v = value;
  for (const step of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[step] : undefined;
  return v;
}

function listAt(doc: Document, path: FieldPath): YAMLSeq {
  const node = nodeAt(doc, path);
  if (!isSeq(node)) throw new EditRefused(`${path.join('.') || 'the file'} is not a list`);
  return node;
}

/** In `yaml`, a comment above the first item belongs to the list: give it to the item, so it moves with it. */
function liftListComment(seq: YAMLSeq): void {
  const first = seq.items[0] as YamlNode | undefined;
  if (seq.commentBefore && first) {
    first.commentBefore = first.commentBefore ? `${seq.commentBefore}\n${first.commentBefore}` : seq.commentBefore;
    seq.commentBefore = undefined;
  }
}

/**
 * A blank line above the first item would be written as a line of spaces: the item that was
 * first keeps that blank line instead, so the list has as many blank lines as before.
 */
function settleFirstItem(seq: YAMLSeq): void {
  const [first, second] = seq.items as (YamlNode | undefined)[];
  if (first?.spaceBefore) {
    first.spaceBefore = false;
    if (second) second.spaceBefore = true;
  }
}

/** The same edit on plain data: what the saved file must read back as. The path is checked first (path-guard.ts). */
export function applyToData(data: unknown, e: EditOp): unknown {
  assertFieldPath(data, e.path);
  const clone = structuredClone(data) as unknown;
  const target = e.op === 'set' ? e.path.slice(0, -1) : e.path;
  let node = clone as Record<string | number, unknown>;
  for (const step of target) {
    if (ownStep(node, step) === undefined || node[step] === null) node[step] = {};
    node = node[step] as Record<string | number, unknown>;
  }
  if (e.op === 'set') {
    const key = e.path[e.path.length - 1]!;
    if (e.value === undefined) delete node[key];
    else Object.defineProperty(node, key, { value: structuredClone(e.value), enumerable: true, writable: true, configurable: true });
    return clone;
  }
  const list = node as unknown as unknown[];
  if (e.op === 'insert') list.splice(e.index, 0, structuredClone(e.value));
  else if (e.op === 'remove') list.splice(e.index, 1);
  else list.splice(e.to, 0, list.splice(e.from, 1)[0]);
  return clone;
}
