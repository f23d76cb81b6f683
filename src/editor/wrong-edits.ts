// A value the form calls wrong is not written. Before a save, the edited text is validated as the
// CLI validates it; an edit whose field (or whose new item) then has an error is held back, with
// the message, and so is every later edit inside a new item held back. Pure.
import type { EditOp, FieldPath } from './paths.js';
import type { FieldMessage } from './validate.js';

export interface WrongEdit {
  /** The edit's place in the request. */
  index: number;
  fieldId?: string;
  where: string;
  message: string;
}

export interface HeldBack {
  wrong: WrongEdit[];
  /** Every edit not written: the wrong ones and those inside an item not added. */
  skip: number[];
}

export function wrongEdits(ops: readonly EditOp[], messages: readonly FieldMessage[]): HeldBack {
  const wrong: WrongEdit[] = [];
  const skip: number[] = [];
  const dropped: FieldPath[] = [];
  ops.forEach((op, index) => {
    if (dropped.some((d) => within(op.path, d))) return void skip.push(index);
    const target = op.op === 'set' ? op.path : op.op === 'insert' ? [...op.path, op.index] : undefined;
    if (!target?.length) return;
    const errors = messages.filter((m) => m.severity === 'error' && within(m.path, target));
    if (errors.length === 0) return;
    for (const m of errors) wrong.push({ index, fieldId: m.fieldId, where: m.where, message: m.message });
    skip.push(index);
    if (op.op === 'insert') dropped.push(target);
  });
  return { wrong, skip };
}

/** `path` is `prefix` or lies inside it. */
function within(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}
