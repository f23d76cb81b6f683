// The studio's three actions on an issue page — approve, send a proof, make a share link — as
// plain forms, each shown only when the lifecycle table (src/lifecycle.ts) allows it, that post and come back with the result, so they work without JavaScript; the
// studio script only keeps the page in place. The result is said in a status region. Pure.
import { type Html, markup, raw } from '../../page/html.js';
import type { IssueStatus } from '../../lifecycle.js';
import { refusedNow } from '../../workflow/closed.js';

export type ActionName = 'approve' | 'proof' | 'share';

export interface ActionResult {
  action: ActionName;
  ok: boolean;
  /** What happened, in the words the CLI prints; the first line is the headline. */
  lines: string[];
  /** A share link just made, to copy, and what to know of its address (it opens on this computer only). */
  link?: string;
  note?: string;
}

export const SHARE_EXPIRIES = { '1d': '1 day', '7d': '7 days', '30d': '30 days' } as const;

/** `signedIn`: team mode, where the person signed in is recorded and no name is asked. */
export function actionsPanel(id: string, status: IssueStatus, token: string, result: ActionResult | undefined, signedIn = false): Html {
  const region = markup`<div id="action-result" class="result${result ? (result.ok ? ' ok' : ' bad') : ''}" role="status" tabindex="-1">${result ? resultBody(result) : ''}</div>`;
  // Each form is shown only when the lifecycle table allows its action now; when none is, one sentence says why.
  const refusals = (['approve', 'proof', 'share'] as const).map((a) => refusedNow(a, status));
  if (refusals.every((r) => r !== undefined)) {
    const archive = status === 'sent' ? markup` <a href="/archive/${id}/">Open its public page</a>.` : '';
    return markup`<section class="actions" aria-labelledby="actions-title"><h2 id="actions-title">Actions</h2>${region}
<p id="actions-closed">${refusals[0]}${archive}</p></section>`;
  }
  const form = (action: ActionName, title: string, fields: Html, button: string) => {
    const refused = refusedNow(action, status);
    if (refused)
      return markup`<div class="action" data-action="${action}"><h3 id="${action}-title">${title}</h3><p class="hint">${refused}</p></div>`;
    return markup`<form method="post" action="/issues/${id}/${action}" class="action" data-action="${action}">
<h3 id="${action}-title">${title}</h3><input type="hidden" name="csrf" value="${token}">
${fields}
<button type="submit">${button}</button></form>`;
  };
  const expiries = Object.entries(SHARE_EXPIRIES).map(
    ([v, text]) => markup`<option value="${v}"${raw(v === '7d' ? ' selected' : '')}>${text}</option>`,
  );
  return markup`<section class="actions" aria-labelledby="actions-title"><h2 id="actions-title">Actions</h2>
${region}
<div class="forms">
${form(
  'approve',
  'Approve',
  markup`${
    signedIn
      ? ''
      : markup`<label for="approve-by">Your name</label>
<input id="approve-by" name="by" type="text" autocomplete="name" maxlength="100" required>
`
  }<p class="hint" id="approve-hint">Approves the issue exactly as it renders now. Refused while check finds errors.</p>`,
  'Approve this version',
)}
${form(
  'proof',
  'Send a proof',
  markup`<label for="proof-to">To</label>
<input id="proof-to" name="to" type="text" inputmode="email" autocomplete="off" aria-describedby="proof-to-hint" required>
<p class="hint" id="proof-to-hint">Addresses in PROOF_ALLOWLIST, separated by commas; at most 20.</p>
${
  signedIn
    ? ''
    : markup`<label for="proof-by">Your name, for the log</label>
<input id="proof-by" name="by" type="text" autocomplete="name" maxlength="100">
`
}<p class="check"><input id="proof-force" name="force" type="checkbox" value="yes"> <label for="proof-force">Send even if check finds errors (recorded)</label></p>`,
  'Send proof',
)}
${form(
  'share',
  'Share with partners',
  markup`<label for="share-expires">The link works for</label>
<select id="share-expires" name="expires">${expiries}</select>
<p class="hint">A signed link to this draft as it is now; withdraw links with <code>newsletter share --revoke ${id}</code>.</p>`,
  'Make a share link',
)}
</div>
</section>`;
}

function resultBody(r: ActionResult): Html {
  const [headline = '', ...rest] = r.lines;
  const list = rest.length ? markup`<ul>${rest.map((l) => markup`<li>${l}</li>`)}</ul>` : '';
  const link = r.link
    ? markup`<p class="link"><label for="share-url">Share link</label> <input id="share-url" type="text" readonly value="${r.link}"${raw(r.note ? ' aria-describedby="share-note"' : '')}>
<button type="button" data-copy="share-url" hidden>Copy link</button> <span class="copied" data-copied></span></p>${r.note ? markup`\n<p class="warning" id="share-note">${r.note}</p>` : ''}`
    : '';
  return markup`<p><strong>${r.ok ? '' : 'Not done: '}${headline}</strong></p>${list}${link}`;
}
