// Content errors people can act on: where (file:line:column and field), what, and how to fix it.
import type { z } from 'zod';
import { SECTION_TYPE_NAMES } from './section-types.js';
import { NewsletterError } from '../errors.js';
import type { ParsedYaml, Position } from './yaml.js';

export interface ContentError {
  file: string;
  position: Position;
  /** The field in people's words, counting from 1: "section 5 (recruitment), closingDate"; empty for the whole file. */
  field: string;
  message: string;
  /** The issue's section the error is in (index from 0, as check findings count), when it is in one. */
  section?: { index: number; type: string; title: string };
}

export function formatContentError(e: ContentError): string {
  const where = `${e.file}:${e.position.line}:${e.position.column}`;
  return e.field ? `${where} ${e.field}: ${e.message}` : `${where} ${e.message}`;
}

/** Thrown when content cannot be used; carries every error found, not just the first. */
export class ContentInvalid extends NewsletterError {
  constructor(readonly errors: ContentError[]) {
    super('content-invalid', errors.map(formatContentError).join('\n'));
    this.name = 'ContentInvalid';
  }
}

/** What one item of each list is called in messages. */
const ITEM_OF: Record<string, string> = {
  sections: 'section',
  items: 'item',
  reviews: 'review',
  regions: 'region',
  links: 'link',
  social: 'social link',
  postalAddress: 'address line',
  eventDates: 'event date',
  themes: 'theme',
  kinds: 'kind',
  mergeFields: 'merge field',
};

/**
 * A field in people's words, with list items counted from 1 as everywhere else in the tool:
 * ["sections", 4, "closingDate"] is "section 5 (recruitment), closingDate".
 */
export function fieldPath(path: readonly PropertyKey[], data?: unknown): string {
  const parts: string[] = [];
  let keys: string[] = [];
  let value = data;
  for (const part of path) {
    if (typeof part === 'number') {
      const list = keys.pop() ?? '';
      if (keys.length) parts.push(keys.join('.'));
      keys = [];
      value = Array.isArray(value) ? (value as unknown[])[part] : undefined;
      const type = list === 'sections' && isRecord(value) ? value.type : undefined;
      const known = typeof type === 'string' && (SECTION_TYPE_NAMES as readonly string[]).includes(type);
      parts.push(`${ITEM_OF[list] ?? `${list} item`} ${part + 1}${known ? ` (${type})` : ''}`);
    } else {
      keys.push(String(part));
      value = isRecord(value) ? value[String(part)] : undefined;
    }
  }
  if (keys.length) parts.push(keys.join('.'));
  return parts.join(', ');
}

/** The issue section a field path points into, for check findings. */
export function sectionOf(path: readonly PropertyKey[], data: unknown): ContentError['section'] {
  if (path[0] !== 'sections' || typeof path[1] !== 'number') return undefined;
  const section = valueAt(data, path.slice(0, 2));
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { index: path[1], type: isRecord(section) ? text(section.type) : '', title: isRecord(section) ? text(section.title) : '' };
}

/** Turn zod's issues into content errors placed in the YAML source. */
export function zodIssuesToErrors(issues: z.core.$ZodIssue[], parsed: ParsedYaml, schema: z.ZodType): ContentError[] {
  const errors: ContentError[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const section = sectionOf(path, parsed.data);
    const add = (e: ContentError) => errors.push(section ? { ...e, section } : e);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, parsed.data, path);
      for (const key of issue.keys) {
        const guess = closest(key, known);
        const fix = guess ? `did you mean "${guess}"?` : known.length ? `remove it, or use one of: ${known.join(', ')}` : 'remove it';
        add({ file: parsed.file, position: parsed.positionOfKey(path, key), field: fieldPath([...path, key], parsed.data), message: `unknown field "${key}" — ${fix}` });
      }
      continue;
    }
    const value = valueAt(parsed.data, path);
    if (value === undefined && path.length > 0) {
      const parent = path.slice(0, -1);
      add({ file: parsed.file, position: parsed.positionOf(parent), field: fieldPath(path, parsed.data), message: `is missing — add "${String(path[path.length - 1])}:" here` });
      continue;
    }
    if (issue.code === 'invalid_union' && typeof value === 'string') {
      add({ file: parsed.file, position: parsed.positionOf(path), field: fieldPath(path, parsed.data), message: `${JSON.stringify(value)} ${issue.message}` });
      continue;
    }
    if (issue.code === 'invalid_union' && isRecord(value) && 'type' in value) {
      add({ file: parsed.file, position: parsed.positionOf([...path, 'type']), field: fieldPath([...path, 'type'], parsed.data), message: `${JSON.stringify(value.type)} ${issue.message}` });
      continue;
    }
    const position = issue.code === 'custom' && typeof issue.params?.before === 'string' ? characterAfter(parsed, path, issue.params.before) : parsed.positionOf(path);
    add({ file: parsed.file, position, field: fieldPath(path, parsed.data), message: plainMessage(issue, value) });
  }
  return errors;
}

/** Where the character after `before` sits in a value's source, so a control character is pointed at exactly. */
function characterAfter(parsed: ParsedYaml, path: readonly PropertyKey[], before: string): Position {
  const source = parsed.sourceOf(path);
  if (!source) return parsed.positionOf(path);
  // The value's text starts after its quote or its "|" line; an empty `before` means its first character.
  const start = /^(["']|[|>][-+]?[^\n]*\n\s*)?/.exec(source.text)![0].length;
  const found = before ? source.text.indexOf(before, start) : start;
  return found < 0 ? parsed.positionOf(path) : parsed.positionAt(source.offset + found + before.length);
}

function plainMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type') {
    const got = value === null ? 'empty' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a block of fields' : typeof value;
    const want = issue.expected === 'array' ? 'a list (lines starting with "- ")' : issue.expected === 'object' ? 'a block of fields' : issue.expected;
    if (issue.message.startsWith('Invalid input')) return `must be ${want}, but it is ${got}`;
    return `${issue.message}, but it is ${got}`;
  }
  if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid')) {
    return `${JSON.stringify(value)} is not allowed — use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return issue.message.startsWith('Too small') ? `needs at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}` : issue.message;
  return issue.message;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The field names an object schema accepts at a path, following lists, optionals and the section union. */
function knownKeysAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] {
  let s: z.core.$ZodType | undefined = schema;
  let d: unknown = data;
  const steps = [...path];
  for (;;) {
    s = unwrap(s, d);
    if (!s) return [];
    if (steps.length === 0) break;
    const step = steps.shift()!;
    const def = s._zod.def as unknown as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
    if (def.type === 'array') s = def.element;
    else if (def.type === 'object') s = def.shape?.[String(step)];
    else return [];
    d = isRecord(d) || Array.isArray(d) ? (d as Record<PropertyKey, unknown>)[step] : undefined;
  }
  const def = s._zod.def as unknown as { type: string; shape?: Record<string, unknown> };
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(s: z.core.$ZodType | undefined, data: unknown): z.core.$ZodType | undefined {
  while (s) {
    const def = s._zod.def as unknown as { type: string; innerType?: z.core.$ZodType; options?: z.core.$ZodType[]; in?: z.core.$ZodType };
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'union' && def.options) {
      const tag = isRecord(data) ? data.type : undefined;
      s = def.options.find((o) => {
        const shape = (o._zod.def as unknown as { shape?: Record<string, z.core.$ZodType> }).shape;
        return shape?.type && (shape.type._zod.def as unknown as { values?: unknown[] }).values?.includes(tag);
      });
    } else return s;
  }
  return undefined;
}

/** The known name nearest to a typo, when it is near enough to be a likely slip. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(input.toLowerCase(), c.toLowerCase());
    if (d < bestScore) [best, bestScore] = [c, d];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
