// Every step of an edit's path is checked before any object is walked or written: a list index
// on a list, and on a block a field its schema names (or, with no schema at hand, a plain key),
// never `__proto__`, `constructor` or `prototype`. A path from a request is hostile until then:
// `node = node[step]` on `["__proto__", "x"]` would change every object in the studio.
import { EditRefused, type FieldPath, type KeyOrder } from './paths.js';

const NEVER = new Set(['__proto__', 'constructor', 'prototype']);

/** A value's own field, never one inherited from Object.prototype. */
export function ownStep(value: unknown, step: string | number): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) return typeof step === 'number' ? value[step] : undefined;
  return typeof step === 'string' && Object.hasOwn(value, step) ? (value as Record<string, unknown>)[step] : undefined;
}

export function dataAt(data: unknown, path: FieldPath): unknown {
  let v = data;
  for (const step of path) v = ownStep(v, step);
  return v;
}

/** Throws EditRefused, naming the step, unless every step of `path` is a field of the file at that point. */
export function assertFieldPath(data: unknown, path: FieldPath, order?: KeyOrder): void {
  let value = data;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const refuse = (why: string) => {
      throw new EditRefused(`${describePath(path)} is not a field of this file (${why}), so nothing was saved`);
    };
    if (typeof step === 'number') {
      if (!Number.isSafeInteger(step) || step < 0) refuse(`${step} is not a place in a list`);
      if (value !== undefined && !Array.isArray(value)) refuse(`step ${i + 1} numbers an item, but there is no list there`);
    } else if (typeof step === 'string') {
      if (NEVER.has(step)) refuse(`"${step}" is never a field name`);
      if (Array.isArray(value)) refuse(`step ${i + 1} names a field, but there is a list there`);
      if (order) {
        const keys = order(path.slice(0, i), (p) => dataAt(data, p));
        if (!keys?.includes(step)) refuse(`"${step}" is not a field there`);
      }
    } else refuse(`step ${i + 1} is neither a field name nor a list place`);
    value = ownStep(value, step!);
  }
}

function describePath(path: FieldPath): string {
  const shown = path.map((s) => String(s).slice(0, 40)).join('.');
  return shown.length > 120 ? `${shown.slice(0, 120)}…` : shown || 'the path';
}
