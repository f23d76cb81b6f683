// The editor pages of the studio: an issue's form beside its live email and check findings, the
// same form for regions.yaml and reviews.yaml, and "New issue". Pure: data in, HTML out, every value
// escaped by markup``.
import type { FormNode } from '../../form.js';
import type { FieldMessage } from '../../validate.js';
import type { ChecklistItem } from '../../../workflow/checklist.js';
import { editorCss, editorScript } from './editor-assets.js';
import { formHtml } from './editor-form.js';
import { page } from '../../../page/frame.js';
import { type Html, markup } from '../../../page/html.js';

export interface EditorPageInput {
  newsletter: string;
  /** The file as the allow-list names it, e.g. "issues/2022-04/issue.yaml". */
  file: string;
  title: string;
  hash: string;
  token: string;
  form: FormNode[];
  messages: FieldMessage[];
  /** Each section's heading id in the email, in order. */
  anchors: readonly string[];
  /** For an issue: where its email is shown, and its id. */
  issue?: { id: string; emailHref: string; subject: string };
  /** What is left of the new issue's checklist. */
  checklist?: readonly ChecklistItem[];
}

/** The checklist `New issue` left: each item ticked by hand here, or by saving a change to its field. */
export function checklistBlock(items: readonly ChecklistItem[], tickable: boolean, editHref?: string): Html | '' {
  const left = items.filter((i) => !i.done);
  if (left.length === 0) return '';
  const item = (i: ChecklistItem) =>
    tickable
      ? markup`<li><input type="checkbox" id="check-${i.id}" data-check="${i.id}"> <label for="check-${i.id}">${i.text}</label></li>`
      : markup`<li>${i.text}</li>`;
  const how = tickable
    ? 'An item is ticked when you save a change to its part of the issue in the editor, or when you tick it here. The list goes when all are done.'
    : 'An item is ticked when a change to its part of the issue is saved in the editor, or by hand there.';
  const link = editHref ? markup` <a href="${editHref}">Open the editor</a>` : '';
  return markup`<section class="checklist" id="checklist" aria-labelledby="checklist-title"><h2 id="checklist-title">Before sending, review</h2>
<p class="hint">${how}${link}</p><ul id="checklist-items">${left.map(item)}</ul></section>`;
}

const topBar = (name: string) =>
  markup`<header class="top"><nav class="wrap" aria-label="Studio"><strong>${name}</strong> <a href="/">All issues</a> <a href="/new-issue/">New issue</a> <a href="/edit/regions/">Regional links</a> <a href="/edit/reviews/">Published reviews</a></nav></header>`;

/** GOV.UK's error summary: filled by the script after each change, and on the server at first. */
function errorSummary(messages: FieldMessage[]): Html {
  const items = messages.map(
    (m) => markup`<li><a href="#${m.fieldId ?? 'editor-form'}">${m.where ? `${m.where}: ${m.message}` : m.message}</a></li>`,
  );
  return markup`<div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title"${items.length ? '' : ' hidden'}>
<h2 id="error-summary-title">There is a problem</h2><ul id="error-list">${items}</ul></div>`;
}

const head = (token: string) => markup`<meta name="studio-token" content="${token}">`.text;

export function editorPage(p: EditorPageInput): string {
  const preview = p.issue
    ? markup`<section class="side" tabindex="0" aria-label="The email and its checks">
<div class="frame"><iframe class="email" title="The email: ${p.issue.subject}" src="${p.issue.emailHref}" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe></div>
<div class="report"><h2>Check findings</h2><ul id="findings-list"></ul></div></section>`
    : '';
  const back = p.issue ? markup`<p><a href="/issues/${p.issue.id}/">Back to the preview of ${p.issue.id}</a></p>` : '';
  const body = markup`${topBar(p.newsletter)}
<main class="wrap">
${errorSummary(p.messages)}
<h1>${p.title}</h1>
${back}${checklistBlock(p.checklist ?? [], true)}<p class="muted">Editing <code>content/${p.file}</code>. Only what you change is written to the file.</p>
<div class="notice" id="disk-changed" hidden><p>This file was changed outside this form in places you changed too. The form shows your values; when you save, you are asked to choose for each place. Or drop your unsaved changes and show the file as it is.</p><button type="button" id="reload-form">Show the file as it is (drop my unsaved changes)</button></div>
<div class="editor">
<form id="editor-form" novalidate aria-label="${p.title}">
${formHtml(p.form, p.messages, p.anchors)}
</form>
${preview}
</div>
<div class="save-bar" id="save-bar"><button type="button" id="save">Save to the file</button> <button type="button" id="discard" class="secondary">Discard unsaved changes</button> <span id="editor-status" role="status"></span>
<div id="save-result" aria-live="polite"></div></div>
</main>`;
  return page({
    title: `${p.title} — editor`,
    css: editorCss(),
    script: editorScript(),
    head: head(p.token),
    body: body.text,
    bodyAttrs: { 'data-file': p.file, 'data-hash': p.hash },
  });
}

/** The editor of an issue that is being sent or was sent: what went out is its record, so no form. */
export function closedEditorPage(newsletter: string, title: string, id: string, why: string): string {
  const body = markup`${topBar(newsletter)}
<main class="wrap">
<h1>${title}</h1>
<div class="notice" id="closed-notice"><p>${why}</p></div>
<p><a href="/issues/${id}/">Back to ${id}</a> · <a href="/new-issue/">Start a new issue</a></p>
</main>`;
  return page({ title: `${title} — editor`, css: editorCss(), body: body.text });
}

export function newIssuePage(newsletter: string, token: string, issues: readonly string[], suggested: string): string {
  const options = [...issues].reverse().map((id, i) => markup`<option value="${id}"${i === 0 ? ' selected' : ''}>${id}</option>`);
  const body = markup`${topBar(newsletter)}
<main class="wrap">
${errorSummary([])}
<h1>New issue</h1>
<p>Starts an issue from an earlier one, as <code>newsletter new</code> does: the shared parts are carried over, dates moved on.</p>
<form id="new-issue" novalidate>
<div class="field" id="new-id-wrap"><label for="new-id">Issue id</label><p class="hint" id="new-id-hint">The month it is sent in, as YYYY-MM, e.g. 2022-05</p>
<p class="field-error" id="new-id-error" hidden><span class="visually-hidden">Error:</span> <span class="text"></span></p>
<input type="text" id="new-id" name="id" value="${suggested}" aria-describedby="new-id-hint new-id-error" spellcheck="false"></div>
<div class="field"><label for="new-from">Start from</label><select id="new-from" name="from">${options}</select></div>
<button type="submit" id="create">Create the issue</button>
</form>
</main>`;
  return page({ title: `New issue — ${newsletter}`, css: editorCss(), script: editorScript(), head: head(token), body: body.text });
}
