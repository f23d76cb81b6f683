// The secretariat's studio: every issue with its status, approval and planned send time, and one
// issue with where it stands, its actions, its toolbar, the email in a sandboxed frame, and the
// check report beside it. Pure.
import type { CheckReport } from '../../check/finding.js';
import type { Issue } from '../../content/schema.js';
import { ukDateTime, ukInstant } from '../../time/uk.js';
import { type Standing, standingKey } from '../standing.js';
import { type ActionResult, actionsPanel } from './actions.js';
import { refusedNow } from '../../workflow/closed.js';
import { checkingPanel, problemsOverlay, reportPanel } from './report.js';
import { page } from '../../page/frame.js';
import { type Html, joinHtml, markup, raw } from '../../page/html.js';
import { approvalSummary, standingBlock, statusTag } from './standing.js';
import type { ChecklistItem } from '../../workflow/checklist.js';
import { checklistBlock } from '../../editor/http/pages/editor.js';
import { studioCss, studioScript } from '../../page/studio-assets.js';
import { emailInScheme, type PreviewView, SCHEMES, SHOWS, viewQuery, WIDTHS } from './view.js';

export interface StudioIssue {
  issue: Issue;
  standing: Standing;
}

const topBar = (name: string) =>
  markup`<header class="top"><nav class="wrap" aria-label="Studio"><strong>${name}</strong> <a href="/">All issues</a> <a href="/archive/">Public archive</a></nav></header>`;

/** `bar`: in team mode, who is signed in (src/team/http/pages.ts). `auditWarning`: the audit log's chain is broken (state/audit-chain.ts), said plainly above everything. */
export function studioIndexPage(name: string, issues: StudioIssue[], problems: string[], bar?: Html, auditWarning?: string): string {
  const rows = [...issues].reverse().map(
    ({
      issue,
      standing,
    }) => markup`<tr><td><a href="/issues/${issue.id}/">${issue.subject}</a><br><span class="muted">${issue.id}</span></td>
<td>${statusTag(standing.status)}</td><td>${approvalSummary(standing)}</td><td>${ukDateTime(issue.sendAt)}</td></tr>`,
  );
  const table = rows.length
    ? markup`<table><caption class="muted">Newest first</caption><thead><tr><th scope="col">Issue</th><th scope="col">Status</th><th scope="col">Approval</th><th scope="col">Planned send</th></tr></thead>\n<tbody>${joinHtml(rows, '\n')}</tbody></table>`
    : markup`<p>There are no issues yet. Create <code>content/issues/&lt;id&gt;/issue.yaml</code> and it appears here.</p>`;
  return page({
    title: `Issues — ${name}`,
    css: studioCss(),
    script: studioScript(),
    body: markup`${bar ?? ''}${topBar(name)}\n<main class="wrap">\n${auditWarning ? markup`<p class="audit-broken" role="alert"><strong>${auditWarning}</strong></p>\n` : ''}${problemsOverlay(problems, rows.length > 0)}\n<h1>Issues</h1>\n<ul class="home-links" aria-label="Start"><li><a class="button" href="/new-issue/">New issue</a></li><li><a href="/edit/regions/">Edit regional links</a></li><li><a href="/edit/reviews/">Edit published reviews</a></li></ul>\n<div id="live" data-render="${rows.length}:${issues.map((i) => `${i.issue.id}=${standingKey(i.standing)}`).join(',')}">${table}</div>\n</main>`
      .text,
  });
}

export interface IssuePageInput {
  name: string;
  entry: StudioIssue;
  view: PreviewView;
  render?: { seq: number; html: string; text: string };
  report?: CheckReport;
  /** The checks of this render are still running: the email is shown, the findings follow. */
  checking?: boolean;
  /** A live-reload swap: the page carries the frame's new email, which the script puts into the frame in place. */
  swap?: boolean;
  problems: string[];
  /** What is left of the new issue's checklist, and the editor's key that ticks it by hand. */
  checklist?: readonly ChecklistItem[];
  editorToken?: string;
  /** The form token of the browser's session, and the result of the action just taken. */
  actions: { token: string; result?: ActionResult };
  /** The publishing steps this person may take now (pages/publish.ts). */
  steps?: Html;
  /** Who has this issue's editor open (pages/presence.ts). */
  presence?: Html;
  /** Team mode: who is signed in; the actions then record them and ask no name. */
  bar?: Html;
}

export function studioIssuePage(p: IssuePageInput): string {
  const { issue, standing } = p.entry;
  const base = `/issues/${issue.id}/`;
  const emailHref = `${base}email${p.view.scheme === 'light' ? '' : `?scheme=${p.view.scheme}`}`;
  // Live reload swaps each block whose data-render changed; the forms are outside them, so what
  // is being typed survives a save. The email (#email) and the checks are blocks of their own, so
  // findings that arrive after the email replace the panel, not the frame; and a new render is put
  // into the frame in place from the swap's own copy (#email-next), with no second request.
  // The Edit link is there when the lifecycle table allows editing (editor/http/routes.ts asks it too);
  // a scheduled issue says "Unschedule to edit" instead.
  const editRefused = refusedNow('edit', standing.status);
  const goingOut = standing.status === 'sending' || standing.status === 'sent';
  const head = `${issue.subject}|${issue.sendAt}|${issue.file}|${standing.status}|${standing.sentAt ?? ''}`;
  const sentOn = standing.status === 'sent' ? sentWords(standing.sentAt) : undefined;
  const body = markup`${p.bar ?? ''}${topBar(p.name)}
<main class="wrap">
${problemsOverlay(p.problems, p.render !== undefined)}
<div id="head" class="issue-head" data-render="${head}"><h1>${issue.subject}</h1>
<p>${sentOn ?? `Planned for ${ukDateTime(issue.sendAt)}`} · <code>${issue.file}</code>${editRefused ? (goingOut ? '' : markup`</p><p id="edit-closed" class="hint">${editRefused}`) : markup` · <a href="${base}edit/">Edit</a>`}${standing.status === 'sent' ? markup` · <a href="${base}report/">What readers did</a>` : ''}</p></div>
${p.presence ?? ''}
${standingBlock(standing, standingKey(standing))}
${checklistBlock(p.checklist ?? [], p.editorToken !== undefined, `${base}edit/`)}
${actionsPanel(issue.id, standing.status, p.actions.token, p.actions.result, p.bar !== undefined)}
${p.steps ?? ''}
<div id="live" data-render="${p.problems.length}">
${toolbar(base, p.view)}
<div class="layout">
<section id="email" aria-label="Preview" data-render="${p.render ? p.render.seq : 'none'}">${p.render ? preview(p.view, p.render, emailHref, issue.subject) : markup`<p>No preview yet: the issue has not rendered without errors.</p>`}</section>
<div id="checks" data-render="${p.render ? p.render.seq : 'none'}:${p.problems.length}:${p.checking ? 'checking' : 'checked'}">${p.checking ? checkingPanel() : reportPanel(issue, p.report, emailHref, p.problems, sentOn)}</div>
</div>
</div>
${p.swap && p.render && p.view.show === 'email' ? markup`<textarea id="email-next" hidden>\n${emailInScheme(p.render.html, p.view.scheme)}</textarea>` : ''}
</main>`.text;
  return page({
    title: `${issue.subject} — preview`,
    css: studioCss(),
    script: studioScript(),
    ...(p.editorToken ? { head: markup`<meta name="studio-token" content="${p.editorToken}">`.text } : {}),
    body,
    bodyAttrs: { 'data-issue': issue.id },
  });
}

/** "Sent on Tuesday 5 April 2022 at 09:00", from the sent record; "Sent" when the record has no time. */
function sentWords(sentAt: string | undefined): string {
  return sentAt ? `Sent on ${ukInstant(new Date(sentAt))}` : 'Sent';
}

function toolbar(base: string, view: PreviewView): Html {
  const group = <K extends keyof PreviewView>(key: K, label: string, options: Record<PreviewView[K], string>) => {
    const links = (Object.entries(options) as [PreviewView[K], string][]).map(([value, text]) => {
      const current = raw(view[key] === value ? ' aria-current="page"' : '');
      return markup`<li><a href="${base + viewQuery({ ...view, [key]: value })}"${current}>${text}</a></li>`;
    });
    return markup`<div class="group"><h2 id="tb-${key}">${label}</h2><ul aria-labelledby="tb-${key}">${links}</ul></div>`;
  };
  return markup`<nav class="toolbar" aria-label="Preview options">${group('show', 'Show', SHOWS)}${group('width', 'Width', WIDTHS)}${group('scheme', 'Colours', SCHEMES)}</nav>`;
}

function preview(view: PreviewView, render: { html: string; text: string }, emailHref: string, subject: string): Html {
  if (view.show === 'text') return markup`<pre class="plain" tabindex="0" aria-label="Plain text version">${render.text}</pre>`;
  if (view.show === 'source')
    return markup`<pre class="source" tabindex="0" aria-label="Email HTML source"><code>${render.html}</code></pre>`;
  const classes = ['frame', view.width, view.scheme === 'light' ? '' : 'dark'].filter(Boolean).join(' ');
  return markup`<div class="${classes}"><iframe class="email" name="email" title="The email: ${subject}" src="${emailHref}" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe></div>`;
}
