// Fields named as the form shows them: "Recruitment: Would you like to join the Panel? › Closing
// date", not a YAML path. Used for what a save did ("Preheader changed"), for conflicts and refusals.
import type { z } from 'zod';
import { itemLabel } from './form.js';
import { applyToData, type EditOp, type FieldPath } from './paths.js';
import { describe, type Spec } from './schema-walk.js';

/** The labels on the way to a field: each list item's heading, then the field's label. */
export function fieldLabel(schema: z.ZodType, data: unknown, path: FieldPath): string {
  const parts: string[] = [];
  let spec: Spec | undefined = describe(schema);
  let value = data;
  for (let i = 0; i < path.length && spec; i++) {
    const step = path[i]!;
    if (spec.kind === 'list' && typeof step === 'number') {
      value = Array.isArray(value) ? (value as unknown[])[step] : undefined;
      spec = spec.item;
      if (spec.kind === 'field') break; // one value of a list of words: the list's label says it
      const variant: Spec | undefined = spec.kind === 'variants' ? spec.variants[String(record(value)[spec.tag])] : undefined;
      parts.pop(); // the item's heading says more than the list's name
      parts.push(variant ? `${variant.title}: ${itemLabel(value, step)}` : itemLabel(value, step));
      if (spec.kind === 'variants') spec = variant;
    } else if (spec.kind === 'block' && typeof step === 'string') {
      spec = spec.fields[step];
      value = record(value)[step];
      parts.push(spec?.title ?? step);
    } else break;
  }
  return parts.join(' › ');
}

/**
 * What a save did, one sentence per edit, in the form's words. `data` is the file before the save.
 * A field is named as it stands after the save (a new review by the title just given it); an item
 * removed or moved, as it stood just before.
 */
export function describeEdits(schema: z.ZodType, data: unknown, ops: readonly EditOp[]): string[] {
  const steps: unknown[] = [data];
  for (const op of ops) steps.push(applyToData(steps.at(-1), op));
  const after = steps.at(-1);
  const name = (d: unknown, p: FieldPath) => fieldLabel(schema, d, p) || 'The file';
  return ops.map((op, i) => {
    const now = steps[i];
    if (op.op === 'set') return `${name(after, op.path)} ${op.value === undefined ? 'cleared' : 'changed'}`;
    if (op.op === 'insert') return added(schema, now, op.path, op.value);
    if (op.op === 'remove') return `${name(now, [...op.path, op.index])} removed`;
    return `${name(now, [...op.path, op.from])} moved ${op.to < op.from ? 'up' : 'down'}`;
  });
}

/** "Recruitment section added", "A review added to Published reviews". */
function added(schema: z.ZodType, data: unknown, path: FieldPath, value: unknown): string {
  const list = fieldLabel(schema, data, path) || 'the file';
  const type = record(value).type;
  if (typeof type === 'string' && path.length === 1 && path[0] === 'sections') {
    const spec = describe(schema);
    const item = spec.kind === 'block' && spec.fields.sections?.kind === 'list' ? spec.fields.sections.item : undefined;
    const title = item?.kind === 'variants' ? item.variants[type]?.title : undefined;
    if (title) return `${title} section added`;
  }
  const noun = (list.split(' › ').at(-1) ?? list).replace(/s$/, '').toLowerCase();
  return `A new ${noun} added to ${list}`;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
