// The form for one content file: the schema's spec laid over the file's data. Pure, so the
// server renders it as plain HTML and tests read it without a browser.
import type { FieldPath } from './paths.js';
import { type BlockSpec, describe, type FieldSpec, type InputKind, type Spec } from './schema-walk.js';
import type { z } from 'zod';

interface Base {
  /** The HTML id: the path joined by dots, e.g. "f.sections.4.closingDate". */
  id: string;
  path: FieldPath;
  label: string;
  hint?: string;
}
export type FormField = Base & {
  kind: 'field';
  input: InputKind;
  value: unknown;
  optional: boolean;
  choices?: readonly string[];
  /** Shown, not edited: why (the hint replaces the schema's). */
  fixed?: string;
};
/** Top-level fields shown but not edited, by key: why, and the value to show when it is not the file's. */
export type FixedFields = Readonly<Record<string, { why: string; value?: unknown }>>;
export type FormBlock = Base & { kind: 'block'; children: FormNode[] };
/** A list with the kinds of item one can add to it: one kind, or the section types. */
export type FormList = Base & { kind: 'list'; items: FormItem[]; addable: { value: string; label: string; description?: string }[] };
export type FormItem = Base & { kind: 'item'; index: number; count: number; type?: string; typeLabel?: string; children: FormNode[] };
export type FormNode = FormField | FormBlock | FormList | FormItem;

export function fieldId(path: FieldPath): string {
  return ['f', ...path].join('.');
}

/** The form of a whole file. Fields absent from the file are shown empty, so they can be filled in. */
export function buildForm(schema: z.ZodType, data: unknown, fixed: FixedFields = {}): FormNode[] {
  const spec = describe(schema);
  const nodes = spec.kind === 'block' ? blockChildren(spec, data, []) : [];
  return nodes.map((n) => {
    const f = fixed[n.path.join('.')];
    return f && n.kind === 'field' ? { ...n, fixed: f.why, hint: undefined, value: f.value ?? n.value } : n;
  });
}

function blockChildren(spec: BlockSpec, data: unknown, path: FieldPath): FormNode[] {
  const record = isRecord(data) ? data : {};
  return Object.entries(spec.fields).map(([key, child]) => node(child, record[key], [...path, key]));
}

function node(spec: Spec, value: unknown, path: FieldPath): FormNode {
  const base = { id: fieldId(path), path, label: spec.title, hint: spec.hint };
  if (spec.kind === 'block') return { ...base, kind: 'block', children: blockChildren(spec, value, path) };
  if (spec.kind === 'list') {
    const list = Array.isArray(value) ? value : [];
    if (spec.item.kind !== 'block' && spec.item.kind !== 'variants') return field({ ...spec, kind: 'field', input: 'words' }, list, base);
    const addable =
      spec.item.kind === 'variants'
        ? Object.entries(spec.item.variants).map(([v, b]) => ({ value: v, label: b.title, description: b.description }))
        : [{ value: '', label: itemNoun(spec.title) }];
    return { ...base, kind: 'list', items: list.map((v, i) => item(spec.item, v, [...path, i], i, list.length)), addable };
  }
  if (spec.kind === 'variants') return item(spec, value, path, 0, 1);
  return field(spec, value, base);
}

function field(spec: FieldSpec, value: unknown, base: Base): FormField {
  return { ...base, kind: 'field', input: spec.input, value, optional: spec.optional, choices: spec.choices };
}

function item(spec: Spec, value: unknown, path: FieldPath, index: number, count: number): FormItem {
  const base = { id: fieldId(path), path, label: itemLabel(value, index) };
  if (spec.kind === 'variants') {
    const type = isRecord(value) ? String(value[spec.tag]) : '';
    const variant = spec.variants[type];
    // The type is chosen when the item is added; it is shown, not edited in place.
    const children = variant ? blockChildren(variant, value, path).filter((c) => c.path[c.path.length - 1] !== spec.tag) : [];
    return { ...base, kind: 'item', index, count, type, typeLabel: variant?.title ?? type, children };
  }
  const children = spec.kind === 'block' ? blockChildren(spec, value, path) : [node(spec, value, path)];
  return { ...base, kind: 'item', index, count, children };
}

/** Items are labelled by their title (or name, region), else by the first words of their text. */
export function itemLabel(value: unknown, index: number): string {
  const r = isRecord(value) ? value : {};
  for (const key of ['title', 'name', 'region', 'role']) if (typeof r[key] === 'string' && r[key]) return r[key];
  const body =
    typeof r.body === 'string'
      ? r.body
          .trim()
          .split('\n')[0]!
          .replace(/[*_[\]]/g, '')
      : '';
  if (body) return body.length > 60 ? `${body.slice(0, 57).trimEnd()}…` : body;
  return `Item ${index + 1}`;
}

function itemNoun(listTitle: string): string {
  return listTitle.replace(/s$/, '').toLowerCase();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
