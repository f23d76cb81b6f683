// The publishing steps on an issue page — each shown only when the lifecycle table allows it for
// this person — and the page that shows the publish plan in plain words before the person
// confirms it. Plain forms that post and come back, so they work without JavaScript. Pure.
import { page } from '../../page/frame.js';
import { type Html, markup } from '../../page/html.js';
import { studioCss } from '../../page/studio-assets.js';
import { ukInstant } from '../../time/uk.js';
import type { ShownPlan, StepName, StepResult } from '../steps.js';

/** Which steps the person may take now (the route works it out from the table and the store). */
export type OfferedSteps = Partial<Record<StepName, true>>;

const FORMS: Record<Exclude<StepName, 'publish'>, { title: string; hint: string; button: string }> = {
  unschedule: {
    title: 'Unschedule',
    hint: 'Takes the Mailchimp campaign back to paused; the issue is approved again, not scheduled, and can be changed.',
    button: 'Unschedule this issue',
  },
  'send-now': {
    title: 'Send the due send now',
    hint: 'The daemon was to send this issue at its time and has not (often because it was too late). Mailchimp is read before anything is sent, and it is never sent twice.',
    button: 'Send it now',
  },
  'import-sent': {
    title: 'Sent before this tool?',
    hint: 'Only for an issue that went out through Mailchimp before the tool was used: records it as sent at its planned time, from today’s render, naming you.',
    button: 'Record as sent before the tool',
  },
  report: {
    title: 'Refresh the report',
    hint: 'Reads Mailchimp’s figures on this sent issue now (the daemon also reads them at set times).',
    button: 'Read Mailchimp’s report now',
  },
};

export function stepsPanel(id: string, offered: OfferedSteps, token: string, result: StepResult | undefined): Html {
  const region = markup`<div id="step-result" class="result${result ? (result.ok ? ' ok' : ' bad') : ''}" role="status" tabindex="-1">${result ? resultBody(result) : ''}</div>`;
  const parts: Html[] = [];
  if (offered.publish)
    parts.push(markup`<div class="action" data-step="publish"><h3>Publish</h3>
<p class="hint">See what will change in Mailchimp — the audience, the send time, each step — before anything does.</p>
<p><a class="button" href="/issues/${id}/publish/">Review the plan to publish</a></p></div>`);
  for (const step of ['unschedule', 'send-now', 'import-sent', 'report'] as const) {
    if (!offered[step]) continue;
    const f = FORMS[step];
    parts.push(markup`<form method="post" action="/issues/${id}/${step}" class="action" data-step="${step}">
<h3>${f.title}</h3><input type="hidden" name="csrf" value="${token}">
<p class="hint">${f.hint}</p>
<button type="submit">${f.button}</button></form>`);
  }
  if (parts.length === 0 && !result) return markup``;
  return markup`<section class="actions steps" aria-labelledby="steps-title"><h2 id="steps-title">Publishing</h2>
${region}
<div class="forms">${parts}</div>
</section>`;
}

function resultBody(r: StepResult): Html {
  const [headline = '', ...rest] = r.lines;
  const list = rest.length ? markup`<ul>${rest.map((l) => markup`<li>${l}</li>`)}</ul>` : '';
  const next = r.next ? markup`<p class="next"><strong>Next:</strong> ${r.next}</p>` : '';
  return markup`<p><strong>${r.ok ? '' : 'Not done: '}${headline}</strong></p>${list}${next}`;
}

export interface PlanPageInput {
  name: string;
  id: string;
  subject: string;
  /** The plan, or why the issue cannot be published now. */
  plan: ShownPlan | StepResult;
  token: string;
  /** Said above the plan when it is shown again: the one confirmed had changed. */
  changed?: StepResult;
}

/** No script: the plan is what Mailchimp held when the page was made; reloading reads it again. */
export function planPage(p: PlanPageInput): string {
  const back = markup`<p><a href="/issues/${p.id}/">Back to the issue</a></p>`;
  const notice = p.changed
    ? markup`<div id="plan-changed" class="result bad" role="alert"><p><strong>Not done: ${p.changed.lines[0] ?? ''}</strong></p>${p.changed.lines.length > 1 ? markup`<ul>${p.changed.lines.slice(1).map((l) => markup`<li>${l}</li>`)}</ul>` : ''}</div>`
    : '';
  const body = 'lines' in p.plan && 'fingerprint' in p.plan ? planBody(p.plan, p.token) : refusedBody(p.plan);
  return page({
    title: `Publish ${p.id}: ${p.subject} — ${p.name}`,
    css: studioCss(),
    body: markup`<header class="top"><nav class="wrap" aria-label="Studio"><strong>${p.name}</strong> <a href="/">All issues</a> <a href="/archive/">Public archive</a></nav></header>
<main class="wrap">
<h1>Publish ${p.id}: ${p.subject}</h1>
${notice}
${body}
${back}
</main>`.text,
  });
}

function planBody(plan: ShownPlan, token: string): Html {
  const [campaign = '', ...rest] = plan.lines;
  const audience = rest.filter((l) => l.startsWith('It goes to'));
  const steps = rest.filter((l) => /^\s+\d+\. /.test(l)).map((l) => l.replace(/^\s+\d+\. /, ''));
  const when = markup`<p id="plan-when">It is to be sent on <strong>${ukInstant(plan.sendAt)}</strong>, UK time.</p>`;
  const what = plan.nothingToDo
    ? markup`<p id="plan-steps">Nothing will change in Mailchimp: the campaign holds the approved issue and is scheduled for that time.</p>`
    : markup`<h2 id="plan-title">What will change in Mailchimp</h2><ol id="plan-steps" aria-labelledby="plan-title">${steps.map((s) => markup`<li>${s}</li>`)}</ol>`;
  return markup`<section id="plan" aria-label="The plan"><p>${campaign}</p>${audience.map((a) => markup`<p id="plan-audience">${a}</p>`)}
${when}
${what}
<p class="hint">The approved content (${plan.hash.slice(0, 12)}) is what is sent; nothing changes until you confirm.</p>
<form method="post" action="/issues/${plan.id}/publish" class="action" data-step="publish">
<input type="hidden" name="csrf" value="${token}"><input type="hidden" name="plan" value="${plan.fingerprint}">
<button type="submit">${plan.nothingToDo ? 'Confirm: keep it as it is' : 'Confirm and schedule'}</button></form></section>`;
}

function refusedBody(r: StepResult): Html {
  const [headline = '', ...rest] = r.lines;
  return markup`<div id="plan-refused" class="result bad" role="status"><p><strong>It cannot be published now: ${headline}</strong></p>${rest.length ? markup`<ul>${rest.map((l) => markup`<li>${l}</li>`)}</ul>` : ''}</div>`;
}
