// The studio's editor: its pages (GET) and its JSON requests (POST, each through guard.ts).
// Listed in src/server/routes.ts with every other route. Saving goes through src/editor (the file edited in
// place, atomically, queued per file); the live preview renders the edited issue without saving.
import { actingPerson, type PersonOf } from '../../http/person.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { IssueFile, type Section } from '../../content/schema.js';
import { formatDiff } from '../diff.js';
import { editText, parseForEdit } from '../edit.js';
import { type EditableFile, editableFile, fixedFieldOf } from '../files.js';
import { buildForm, type FixedFields } from '../form.js';
import { describeEdits, fieldLabel } from '../labels.js';
import type { EditOp } from '../paths.js';
import { describe, keyOrderOf } from '../schema-walk.js';
import { type FormOp, formEdits } from '../form-ops.js';
import { pagePerson, requestActor } from './actor.js';
import { wrongEdits } from '../wrong-edits.js';
import { tickSaved } from './checklist-route.js';
import { readChecklist } from '../../workflow/checklist.js';
import { type FieldMessage, findingMessage, validateText } from '../validate.js';
import { NewsletterError } from '../../errors.js';
import { loadTemplates } from '../../pipeline.js';
import { withSendTime } from '../../time/uk.js';
import { renderIssue } from '../../render/index.js';
import { anchorFor } from '../../render/model.js';
import { newIssue } from '../../workflow/new-issue.js';
import { EMAIL_POLICY, pagePolicy } from '../../http/csp.js';
import { readEditorRequest, SUPERSEDED } from './guard.js';
import { HTML, notFound, send } from '../../http/http.js';
import { refusedNow } from '../../workflow/closed.js';
import { closedEditorPage, editorPage, newIssuePage } from './pages/editor.js';
import { signedIn } from '../../team/http/context.js';
import { recordSave } from '../../team/saves.js';
import type { Store } from '../../state/store.js';
import type { Workspace } from '../../workspace/workspace.js';
import { CheckDropped, withDraft } from '../../workspace/check-worker.js';
import type { EditorState } from './guard.js';
import { issueFileName } from '../../files/project-paths.js';

/** What these handlers use of the server's context (src/server/route-context.ts, which has it all). */
export interface RouteContext {
  ws: Workspace;
  store: Store;
  now: () => Date;
  editor: EditorState;
  personOf?: PersonOf;
}

const step = z.union([z.string().max(100), z.number().int().nonnegative().max(10_000)]);
const path = z.array(step).max(12);
const Op = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), path: path.min(1), value: z.unknown().optional() }),
  z.object({
    op: z.literal('insert'),
    path,
    index: z.number().int().nonnegative(),
    value: z.object({ type: z.string().optional() }).optional(),
  }),
  z.object({ op: z.literal('remove'), path, index: z.number().int().nonnegative() }),
  z.object({ op: z.literal('move'), path, from: z.number().int().nonnegative(), to: z.number().int().nonnegative() }),
  z.object({ op: z.literal('acknowledge'), code: z.string().max(100), text: z.string().max(2000), reason: z.string().max(2000) }),
]);
const EditRequest = z.object({
  file: z.string().max(200),
  hash: z.string().max(64),
  ops: z.array(Op).max(500),
  actor: z.string().max(200).optional(),
  /** The draft this edit replaces, whose findings the page no longer wants (guard.ts `Draft`). */
  supersedes: z.string().max(32).optional(),
});
const NewIssueRequest = z.object({ id: z.string().max(64), from: z.string().max(64).optional() });

/** Drafts and studio pages post with fetch; their Origin must name us, so the referrer policy lets it. */
const PAGE_HEADERS = { 'Referrer-Policy': 'same-origin' };

export function json(req: IncomingMessage, res: ServerResponse, status: number, data: unknown): void {
  send(req, res, { status, type: 'application/json; charset=utf-8', body: JSON.stringify(data) });
}

export const shownName = (file: EditableFile) => `content/${file.name}`;

export async function issueEditor(c: RouteContext, req: IncomingMessage, res: ServerResponse, [id]: string[]): Promise<void> {
  const file = editableFile(issueFileName(id!));
  if (!file) return notFound(req, res);
  const emailHref = c.ws.issue(id!) ? `/issues/${id}/email` : 'about:blank';
  await editorFor(c, req, res, file, { id: id!, emailHref });
}

export async function sharedEditor(c: RouteContext, req: IncomingMessage, res: ServerResponse, [which]: string[]): Promise<void> {
  const file = editableFile(`${which}.yaml`);
  if (!file || file.issue) return notFound(req, res);
  await editorFor(c, req, res, file);
}

async function editorFor(
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  file: EditableFile,
  issue?: { id: string; emailHref: string },
): Promise<void> {
  const opened = await c.editor.files(c.ws.paths.content).open(file.name);
  if (!opened) return notFound(req, res);
  const data = (parseForEdit(opened.text)?.toJS() ?? {}) as Record<string, unknown>;
  const sections = Array.isArray(data.sections) ? (data.sections as Section[]) : [];
  const subject = typeof data.subject === 'string' ? data.subject : (issue?.id ?? '');
  const title = issue ? `Edit ${issue.id}: ${subject}` : `Edit ${file.name}`;
  const status = issue && c.store.statuses.get(issue.id);
  const closed = issue && closedIssue(c, issue.id);
  const html = closed
    ? closedEditorPage(c.ws.newsletterName(), title, issue.id, closed)
    : editorPage({
        person: pagePerson(req),
        newsletter: c.ws.newsletterName(),
        file: file.name,
        title,
        hash: opened.hash,
        token: c.editor.token,
        form: buildForm(file.schema, data, fixedFields(file, status)),
        messages: labelled(file, data, validateText(shownName(file), opened.text, file.schema)),
        anchors: sections.map((s, i) => (typeof s?.title === 'string' ? anchorFor(s, i) : '')),
        issue: issue && { ...issue, subject },
        checklist: issue ? await readChecklist(c.ws.paths.content, issue.id) : [],
      });
  send(req, res, { type: HTML, body: html, csp: pagePolicy(html, { frames: true, connect: true }), headers: PAGE_HEADERS });
}

/**
 * Why an issue's file is not edited now, in the lifecycle table's words: it is scheduled (what will
 * be sent is the approved version: unschedule to edit), needs attention, is being sent, or was sent.
 */
function closedIssue(c: RouteContext, id: string): string | undefined {
  return refusedNow('edit', c.store.statuses.get(id));
}

/** The fields shown but not edited, with what the studio knows of them (the status is the store's). */
export function fixedFields(file: EditableFile, status: string | undefined): FixedFields {
  return Object.fromEntries(Object.entries(file.fixed).map(([k, why]) => [k, { why, value: k === 'status' ? status : undefined }]));
}

/** Messages on fields named as the form labels them, not as YAML paths. */
export function labelled(file: EditableFile, data: unknown, messages: FieldMessage[]): FieldMessage[] {
  return messages.map((m) => (m.path.length ? { ...m, where: fieldLabel(file.schema, data, m.path) } : m));
}

export function newIssueForm(c: RouteContext, req: IncomingMessage, res: ServerResponse): void {
  const ids = c.ws.issues().map((i) => i.id);
  const html = newIssuePage(c.ws.newsletterName(), c.editor.token, ids, nextMonth(ids.at(-1), c.now()));
  send(req, res, { type: HTML, body: html, csp: pagePolicy(html, { connect: true }), headers: PAGE_HEADERS });
}

export async function draftEmail(c: RouteContext, req: IncomingMessage, res: ServerResponse, [, draft]: string[]): Promise<void> {
  const found = c.editor.draft(draft!);
  if (!found) return notFound(req, res);
  res.once('finish', () => found.shown());
  send(req, res, { type: HTML, body: found.html, csp: EMAIL_POLICY, framed: true });
}

/** The check findings of a draft render, placed on the fields they concern. */
export async function draftFindings(c: RouteContext, req: IncomingMessage, res: ServerResponse, [, draft]: string[]): Promise<void> {
  const found = c.editor.draft(draft!);
  if (!found) return notFound(req, res);
  // Superseded by the page's next edit (its preview names this draft): answered at once, so the
  // request holds none of the browser's few connections; checks not yet started are dropped.
  const findings = await found.findings().catch((e: unknown) => {
    if (e instanceof CheckDropped) return SUPERSEDED;
    throw e;
  });
  json(req, res, 200, findings === SUPERSEDED ? { superseded: true } : { findings });
}

export type EditorRequest = { file: EditableFile; hash: string; ops: FormOp[]; actor?: string; supersedes?: string };

/** Parse an editor request: its file on the allow-list and its edits, or the refusal sent. */
export async function editRequest(c: RouteContext, req: IncomingMessage, res: ServerResponse) {
  const read = await readEditorRequest(c.editor, req);
  if (!read.ok) return void json(req, res, read.status, { error: read.error });
  const parsed = EditRequest.safeParse(read.body);
  if (!parsed.success) return void json(req, res, 400, { error: 'The request is not an edit the editor understands.' });
  const file = editableFile(parsed.data.file);
  if (!file) return void json(req, res, 403, { error: `${parsed.data.file} is not a content file the editor may change.` });
  const closed = file.issue && closedIssue(c, file.issue);
  if (closed) return void json(req, res, 409, { error: closed });
  const ops = parsed.data.ops as FormOp[];
  for (const op of ops) {
    const fixed = op.op !== 'acknowledge' && fixedFieldOf(file, op.path);
    if (fixed)
      return void json(req, res, 422, {
        error: `${fieldLabel(file.schema, {}, [fixed])} is not changed in the editor. ${file.fixed[fixed]}`,
      });
  }
  return { file, hash: parsed.data.hash, ops, actor: requestActor(req, parsed.data), supersedes: parsed.data.supersedes };
}

/** The form's ops as edits of `text`, or the refusal sent. */
export function editsOr(req: IncomingMessage, res: ServerResponse, r: EditorRequest, text: string): EditOp[] | undefined {
  const edits = formEdits(r.file, text, r.ops, r.actor);
  if (!edits.ok) return void json(req, res, 422, { error: edits.error });
  return edits.ops;
}

/** Validate, render and check the edits without saving them: what the form shows after each change. */
export async function previewEdits(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const r = await editRequest(c, req, res);
  if (!r) return;
  if (r.supersedes) c.editor.draft(r.supersedes)?.superseded();
  const files = c.editor.files(c.ws.paths.content);
  const disk = await files.open(r.file.name);
  if (!disk) return json(req, res, 404, { error: `${r.file.name} is no longer there.` });
  const base = files.known(r.hash) ?? disk.text;
  const ops = editsOr(req, res, r, base);
  if (!ops) return;
  const edited = editText(base, ops, keyOrderOf(describe(r.file.schema)));
  if (!edited.ok)
    return json(req, res, 200, {
      diskHash: disk.hash,
      messages: [{ path: [], where: '', message: edited.reason, severity: 'error' }],
      findings: [],
    });
  const messages = labelled(r.file, edited.data, validateText(shownName(r.file), edited.text, r.file.schema));
  const out: Record<string, unknown> = { diskHash: disk.hash, messages, findings: [], diff: formatDiff(shownName(r.file), edited.hunks) };
  const content = c.ws.content();
  if (r.file.issue && messages.length === 0 && content) {
    const data = IssueFile.parse(edited.data);
    const issue = {
      ...data,
      sendAt: withSendTime(data.sendAt, content.newsletter.defaultSendTime),
      id: r.file.issue,
      file: shownName(r.file),
    };
    const withIssue = withDraft(content, issue);
    const rendered = await renderIssue(withIssue, issue, c.ws.templatesNow() ?? (await loadTemplates(c.ws.paths)), {
      webUrl: `${c.ws.publicUrl}/archive/${issue.id}/`,
    });
    const now = c.now();
    // In the studio's check worker: a long draft never stops the studio answering (issue 22).
    const id = c.editor.putDraft(rendered.html, (signal) =>
      c.ws
        .checkDraft(content, issue, rendered, now, signal)
        .then((report) => labelled(r.file, edited.data, report.findings.map(findingMessage))),
    );
    out.draft = `/issues/${issue.id}/edit/draft/${id}`;
    out.findings = `/issues/${issue.id}/edit/findings/${id}`;
    // The email itself, which the page puts into its frame in place (page/browser/email-frame.js):
    // no second request. Once this answer is written, the frame has the email.
    out.html = rendered.html;
    res.once('finish', () => c.editor.draft(id)?.shown());
  }
  json(req, res, 200, out);
}

export async function saveEdits(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const r = await editRequest(c, req, res);
  if (!r) return;
  const files = c.editor.files(c.ws.paths.content);
  const disk = await files.open(r.file.name);
  const ops = editsOr(req, res, r, disk?.text ?? '');
  if (!ops) return;
  // A value the form calls wrong is not written: the person is told which and why, and may save the rest.
  const edited = disk && editText(disk.text, ops, keyOrderOf(describe(r.file.schema)));
  if (edited && edited.ok) {
    const held = wrongEdits(ops, labelled(r.file, edited.data, validateText(shownName(r.file), edited.text, r.file.schema)));
    if (held.wrong.length) return json(req, res, 422, { kind: 'wrong', ...held, rest: ops.length - held.skip.length });
  }
  const outcome = await files.save(r.file.name, r.hash, ops);
  const before = parseForEdit(disk?.text ?? '')?.toJS() as unknown;
  // Who made the change this save met, when it was a save through the editor by someone else (presence.ts).
  const person = actingPerson(req, c.personOf);
  const other = c.editor.presence.changedBy(r.file.name, disk?.hash);
  const by = other !== undefined && other !== person.name ? { by: other } : {};
  if (outcome.kind === 'saved') {
    c.editor.presence.saved(r.file.name, person, outcome.hash);
    const summary = outcome.hunks.length ? describeEdits(r.file.schema, before, ops) : [];
    if (summary.length)
      recordSave(c.store, { person: signedIn(req), file: shownName(r.file), issue: r.file.issue, hash: outcome.hash, fields: summary });
    return json(req, res, 200, {
      kind: 'saved',
      ...(r.file.issue ? { checklist: await tickSaved(c, r.file.issue, ops) } : {}),
      hash: outcome.hash,
      merged: outcome.merged,
      ...(outcome.merged ? by : {}),
      summary,
      diff: formatDiff(shownName(r.file), outcome.hunks),
    });
  }
  if (outcome.kind === 'conflict') {
    const now = parseForEdit((await files.open(r.file.name))?.text ?? '')?.toJS() as unknown;
    const conflicts = outcome.conflicts.map((x) => ({ ...x, where: fieldLabel(r.file.schema, now, x.path) }));
    return json(req, res, 409, { kind: 'conflict', hash: outcome.hash, conflicts, ...by });
  }
  json(req, res, 422, outcome);
}

export async function createIssue(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const read = await readEditorRequest(c.editor, req);
  if (!read.ok) return json(req, res, read.status, { error: read.error });
  const parsed = NewIssueRequest.safeParse(read.body);
  if (!parsed.success) return json(req, res, 400, { error: 'Give the new issue an id, e.g. 2022-05.' });
  try {
    const made = await newIssue(c.ws.paths, { id: parsed.data.id, from: parsed.data.from, now: c.now });
    json(req, res, 201, { ...made, edit: `/issues/${made.id}/edit/` });
  } catch (e) {
    if (!(e instanceof NewsletterError)) throw e;
    json(req, res, 400, { error: e.message });
  }
}

function nextMonth(last: string | undefined, now: Date): string {
  const m = /^(\d{4})-(\d{2})$/.exec(last ?? '');
  const [y, mo] = m ? [Number(m[1]), Number(m[2]) + 1] : [now.getUTCFullYear(), now.getUTCMonth() + 1];
  return mo > 12 ? `${y + 1}-01` : `${y}-${String(mo).padStart(2, '0')}`;
}
