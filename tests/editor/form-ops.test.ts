// What the form sends, made into edits: a block text keeps its `|` when the textarea dropped its
// last line end; the first acknowledgement creates the list, signed by the request's person.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editText } from '../../src/editor/edit.js';
import { editableFile } from '../../src/editor/files.js';
import { formEdits } from '../../src/editor/form-ops.js';
import { REPO } from '../helpers/project.js';

const file = editableFile('issues/2022-04/issue.yaml')!;
const april = () => readFile(path.join(REPO, 'content/issues/2022-04/issue.yaml'), 'utf8');

describe('the form’s edits', () => {
  it('keep a block text `body: |` as `|`, not `|-`, when the new text has no last line end', async () => {
    const text = await april();
    const edits = formEdits(file, text, [{ op: 'set', path: ['sections', 0, 'body'], value: 'A new welcome.' }], undefined);
    if (!edits.ok) throw new Error(edits.error);
    const out = editText(text, edits.ops);
    if (!out.ok) throw new Error(out.reason);
    expect(out.text).toContain('    body: |\n      A new welcome.\n');
    expect(out.text).not.toContain('body: |-');
  });

  it('make the first acknowledgement the list, signed by the person the request is from', async () => {
    const text = await april();
    const ack = { op: 'acknowledge' as const, code: 'privacy/postcode', text: 'LS9 7TF', reason: 'the report gives it' };
    const edits = formEdits(file, text, [ack, ack], 'A. Secretariat');
    if (!edits.ok) throw new Error(edits.error);
    const value = { code: 'privacy/postcode', text: 'LS9 7TF', reason: 'the report gives it', by: 'A. Secretariat' };
    expect(edits.ops).toEqual([
      { op: 'set', path: ['acknowledgements'], value: [value] },
      { op: 'insert', path: ['acknowledgements'], index: 1, value },
    ]);
    const out = editText(text, edits.ops);
    expect(out.ok && (out.data as { acknowledgements: unknown[] }).acknowledgements).toHaveLength(2);
    expect(formEdits(file, text, [ack], undefined)).toEqual({
      ok: false,
      error: 'Type your name in “Your name”: an acknowledgement records who let the finding stand.',
    });
  });
});
