// What the form needs to know of a content schema, read off the zod schema itself (its `.meta`
// titles, hints and widgets): one kind of input per field type, the section types of the
// discriminated union, and the order of fields. z.toJSONSchema would drop the refinements, which
// only matter for validation — that is done with the real schema (validate.ts).
import { z } from 'zod';
import type { FieldPath, KeyOrder } from './paths.js';

/** `words`: a short list of plain values (event dates, themes), typed separated by commas. */
export type InputKind =
  | 'words'
  | 'text'
  | 'markdown'
  | 'date'
  | 'datetime'
  | 'url'
  | 'email'
  | 'colour'
  | 'number'
  | 'boolean'
  | 'choice'
  | 'text-or-omit'
  | 'image';

interface Common {
  title: string;
  hint?: string;
  description?: string;
  /** The field may be left out of the file. */
  optional: boolean;
}
export type FieldSpec = Common & { kind: 'field'; input: InputKind; choices?: readonly string[] };
export type BlockSpec = Common & { kind: 'block'; fields: Record<string, Spec> };
export type ListSpec = Common & { kind: 'list'; item: Spec };
/** A list item that is one of several types, told apart by its `type` (the sections of an issue). */
export type VariantsSpec = Common & { kind: 'variants'; tag: string; variants: Record<string, BlockSpec> };
export type Spec = FieldSpec | BlockSpec | ListSpec | VariantsSpec;

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  discriminator?: string;
};

const describedCache = new WeakMap<z.ZodType, Spec>();

/** The form's view of a schema. */
export function describe(schema: z.ZodType, key = ''): Spec {
  const hit = describedCache.get(schema);
  if (hit && key === '') return hit;
  let s = schema;
  let optional = false;
  const meta: Record<string, unknown> = {};
  // Wrappers first: each may carry meta (outer meta wins), and optional/default mean "may be left out".
  for (;;) {
    Object.assign(meta, { ...(z.globalRegistry.get(s) ?? {}), ...meta });
    const def = s._zod.def as unknown as Def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault' || def.type === 'nullable') {
      optional = true;
      s = def.innerType!;
    } else if (def.type === 'pipe') s = def.in!;
    else break;
  }
  const common: Common = { title: str(meta.title) ?? humanise(key), hint: str(meta.hint), description: str(meta.description), optional };
  const def = s._zod.def as unknown as Def;
  let spec: Spec;
  if (def.type === 'object') {
    spec = { ...common, kind: 'block', fields: Object.fromEntries(Object.entries(def.shape!).map(([k, v]) => [k, describe(v, k)])) };
  } else if (def.type === 'array') {
    spec = { ...common, kind: 'list', item: describe(def.element!) };
  } else if (def.type === 'union' && def.discriminator) {
    const variants: Record<string, BlockSpec> = {};
    for (const option of def.options!) {
      const block = describe(option) as BlockSpec;
      const tag = (option._zod.def as unknown as Def).shape![def.discriminator]!._zod.def as unknown as Def;
      variants[String(tag.values![0])] = block;
    }
    spec = { ...common, kind: 'variants', tag: def.discriminator, variants };
  } else if (def.type === 'union') {
    // text, or false to leave the line out (a section's "In this issue" line).
    spec = { ...common, kind: 'field', input: 'text-or-omit' };
  } else if (def.type === 'enum') {
    spec = { ...common, kind: 'field', input: 'choice', choices: Object.values(def.entries!) };
  } else if (def.type === 'literal') {
    spec = { ...common, kind: 'field', input: 'choice', choices: def.values!.map(String) };
  } else if (def.type === 'boolean' || def.type === 'number') {
    spec = { ...common, kind: 'field', input: def.type };
  } else {
    spec = { ...common, kind: 'field', input: (str(meta['x-widget']) as InputKind | undefined) ?? 'text' };
  }
  if (key === '') describedCache.set(schema, spec);
  return spec;
}

/** The spec of the value at a path, following list items and picking a section's type from the data. */
export function specAt(root: Spec, path: FieldPath, valueAt: (p: FieldPath) => unknown): Spec | undefined {
  let spec: Spec | undefined = root;
  for (let i = 0; i <= path.length && spec; i++) {
    if (spec.kind === 'variants') {
      const tag: unknown = (valueAt(path.slice(0, i)) as Record<string, unknown> | undefined)?.[spec.tag];
      spec = spec.variants[String(tag)];
      if (!spec) return undefined;
    }
    if (i === path.length) break;
    const step = path[i]!;
    if (spec.kind === 'list' && typeof step === 'number') spec = spec.item;
    else if (spec.kind === 'block' && typeof step === 'string') spec = spec.fields[step];
    else return undefined;
  }
  return spec;
}

/** New keys go in schema order: the order of fields in a block's schema. */
export function keyOrderOf(root: Spec): KeyOrder {
  return (path, valueAt) => {
    const spec = specAt(root, path, valueAt);
    return spec?.kind === 'block' ? Object.keys(spec.fields) : undefined;
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** "closingDate" → "Closing date", for fields without a title. */
function humanise(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A new list item as the form adds it: its type (for sections) and every required field, empty,
 * so validation names each one still to fill in.
 */
export function skeleton(spec: Spec, type?: string): unknown {
  if (spec.kind === 'variants') {
    const variant = spec.variants[type ?? ''] ?? Object.values(spec.variants)[0]!;
    const tag = type && spec.variants[type] ? type : Object.keys(spec.variants)[0]!;
    return { ...(skeleton(variant) as object), [spec.tag]: tag };
  }
  if (spec.kind === 'block')
    return Object.fromEntries(Object.entries(spec.fields).flatMap(([k, f]) => (f.optional ? [] : [[k, skeleton(f)]])));
  if (spec.kind === 'list') return [];
  if (spec.input === 'boolean') return false;
  if (spec.input === 'choice') return spec.choices?.[0] ?? '';
  return '';
}
