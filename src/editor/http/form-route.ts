// The form as it stands with the person's unsaved changes: after an item is added, removed or
// moved (nothing is written until Save), after a save, and when the file changed underneath.
// Built from the file as it is now with the unsaved changes applied, when they merge with what
// changed; the page then takes the file's hash as its own. Otherwise from the text the page was
// built from, and the page keeps its hash: Save then asks where both changed the same thing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { editText, parseForEdit } from '../edit.js';
import { buildForm } from '../form.js';
import { planSave } from '../merge.js';
import { describe, keyOrderOf } from '../schema-walk.js';
import { formHtml } from './pages/editor-form.js';
import { validateText } from '../validate.js';
import type { Section } from '../../content/schema.js';
import { anchorFor } from '../../render/model.js';
import { type RouteContext, editRequest, editsOr, fixedFields, json, labelled, shownName } from './routes.js';

export async function editedForm(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const r = await editRequest(c, req, res);
  if (!r) return;
  const files = c.editor.files(c.ws.paths.content);
  const disk = await files.open(r.file.name);
  if (!disk) return json(req, res, 404, { error: `${r.file.name} is no longer there.` });
  const base = files.known(r.hash);
  const order = keyOrderOf(describe(r.file.schema));
  const onDisk = editsOr(req, res, r, disk.text);
  if (!onDisk) return;
  const merged = planSave(base, disk.text, onDisk, order);
  let text: string;
  let hash = disk.hash;
  if (merged.kind === 'saved') text = merged.text;
  else {
    const ops = editsOr(req, res, r, base ?? disk.text);
    if (!ops) return;
    const edited = editText(base ?? disk.text, ops, order);
    if (!edited.ok) return json(req, res, 422, { error: edited.reason });
    text = edited.text;
    hash = r.hash;
  }
  const data = (parseForEdit(text)?.toJS() ?? {}) as Record<string, unknown>;
  const status = r.file.issue ? c.store.statuses.get(r.file.issue) : undefined;
  const messages = labelled(r.file, data, validateText(shownName(r.file), text, r.file.schema));
  const form = buildForm(r.file.schema, data, fixedFields(r.file, status));
  const sections = Array.isArray(data.sections) ? (data.sections as Section[]) : [];
  const anchors = sections.map((s, i) => (typeof s?.title === 'string' ? anchorFor(s, i) : ''));
  json(req, res, 200, { hash, conflict: merged.kind !== 'saved', html: formHtml(form, messages, anchors).text });
}
