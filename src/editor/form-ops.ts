// What the form sends, made into edits of the file. Pure. The form sends only which kind of item
// it adds (the item is filled in from the schema here), and "acknowledge this finding" with the
// person's reason (signed here with who the request is from). The first item of a list the file
// does not have yet creates the list.
import type { EditableFile } from './files.js';
import { parseForEdit } from './edit.js';
import { applyToData, type EditOp, type FieldPath } from './paths.js';
import { describe, skeleton, specAt } from './schema-walk.js';

/** A finding let stand: its code and the text it quotes, as the finding gives them, and the person's reason. */
export interface AcknowledgeOp {
  op: 'acknowledge';
  code: string;
  text: string;
  reason: string;
}
export type FormOp = EditOp | AcknowledgeOp;

export const ACKNOWLEDGEMENTS: FieldPath = ['acknowledgements'];

export type Edits = { ok: true; ops: EditOp[] } | { ok: false; error: string };

/** `by`: the person the request is from (src/editor/http/actor.ts), for acknowledgements. */
export function formEdits(file: EditableFile, text: string, ops: readonly FormOp[], by: string | undefined): Edits {
  let data = (parseForEdit(text)?.toJS() ?? {}) as unknown;
  const out: EditOp[] = [];
  for (const op of ops) {
    let edit: EditOp;
    if (op.op === 'acknowledge') {
      if (!file.issue) return { ok: false, error: 'Only an issue has acknowledged findings.' };
      if (!by) return { ok: false, error: 'Type your name in “Your name”: an acknowledgement records who let the finding stand.' };
      if (!op.reason.trim()) return { ok: false, error: 'Say why the finding may stand, e.g. “the published report gives it”.' };
      const value = { code: op.code, text: op.text, reason: op.reason.trim(), by };
      const list = valueAt(data, ACKNOWLEDGEMENTS);
      edit = { op: 'insert', path: ACKNOWLEDGEMENTS, index: Array.isArray(list) ? list.length : 0, value };
    } else if (op.op === 'insert') {
      const list = specAt(describe(file.schema), op.path, (p) => valueAt(data, p));
      const wanted = (op.value as { type?: string } | undefined)?.type;
      edit = list?.kind === 'list' ? { ...op, value: skeleton(list.item, wanted) } : op;
    } else if (op.op === 'set' && typeof op.value === 'string' && op.value !== '' && !op.value.endsWith('\n')) {
      // A text the file keeps as a block (`body: |`) ends in a line end; a textarea may drop it,
      // and without it the block would be written `|-`: the line end is put back.
      const was = valueAt(data, op.path);
      edit = typeof was === 'string' && was.endsWith('\n') ? { ...op, value: `${op.value}\n` } : op;
    } else edit = op;
    // A list the file does not have yet: its first item creates it.
    if (edit.op === 'insert' && valueAt(data, edit.path) === undefined && edit.index === 0)
      edit = { op: 'set', path: edit.path, value: [edit.value] };
    out.push(edit);
    try {
      data = applyToData(data, edit);
    } catch {
      // The save itself refuses an edit that does not fit, in its own words.
    }
  }
  return { ok: true, ops: out };
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let v = data;
  for (const step of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[step] : undefined;
  return v;
}
