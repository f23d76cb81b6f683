// The check report beside the email: findings grouped by section, each section heading a link
// that brings that part of the email into view.
import { acknowledgedSentence, placeOf } from '../../check/finding-words.js';
import type { CheckReport, Finding } from '../../check/finding.js';
import type { Issue } from '../../content/schema.js';
import { anchorFor } from '../../render/model.js';
import { type Html, joinHtml, markup } from '../../page/html.js';

/** Errors first, hints (advice, never counted) last. */
const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, hint: 2 };
const LABEL: Record<Finding['severity'], string> = { error: 'Error', warning: 'Warning', hint: 'Hint' };

/** `problems`: the content or template errors that stand now. While there are any, the report is
 * of the last version that worked, and the panel must not call the issue ready. */
/** The panel while the checks of the email shown are running (the page is swapped again when they are done). */
export function checkingPanel(): Html {
  return markup`<section class="report" aria-labelledby="report-title" aria-busy="true"><h2 id="report-title">Checks</h2><p class="verdict">Checking this version…</p></section>`;
}

export function reportPanel(
  issue: Issue,
  report: CheckReport | undefined,
  emailHref: string,
  problems: readonly string[] = [],
  /** For a sent issue, "Sent on …": the findings are then history, not a verdict on sending. */
  sentOn?: string,
): Html {
  if (!report)
    return markup`<section class="report" aria-labelledby="report-title"><h2 id="report-title">Checks</h2><p>The checks run once the issue renders.</p></section>`;
  const groups = new Map<number, Finding[]>();
  for (const f of report.findings) groups.set(f.section?.index ?? -1, [...(groups.get(f.section?.index ?? -1) ?? []), f]);
  const blocks = [...groups].map(([index, findings]) => {
    const section = issue.sections[index];
    const heading = section
      ? markup`<a href="${`${emailHref}#${anchorFor(section, index)}`}" target="email" data-anchor="${anchorFor(section, index)}" data-title="${section.title}">Section ${index + 1} (${section.type}): ${section.title}</a>`
      : 'Whole issue';
    const items = [...findings]
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
      .map(
        (
          f,
        ) => markup`<li class="finding ${f.severity}"><strong>${LABEL[f.severity]}:</strong> ${placeOf(f) ? markup`<span class="place">${placeOf(f).trimEnd()}</span> ` : ''}${f.message}
<span class="fix">Fix: ${f.fix}</span> <code>${f.code}</code></li>`,
      );
    return markup`<h3>${heading}</h3>\n<ul>${joinHtml(items, '\n')}</ul>`;
  });
  const broken = problems.length > 0;
  const verdict = broken
    ? `Not ready to send: the content has ${plural(problems.length, 'problem')} (listed at the top of the page). These checks are of the last version that worked.`
    : report.errors > 0
      ? 'Not ready to send.'
      : report.warnings > 0
        ? 'Ready to send; read the warnings first.'
        : 'Ready to send.';
  const counted = `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}`;
  const head = sentOn
    ? markup`<h2 id="report-title">Checks, as history</h2>
<p class="verdict sent">${sentOn}. What went out cannot change: these findings (${counted}) are history, for the next issue.</p>`
    : markup`<h2 id="report-title">Checks</h2>
<p class="verdict ${broken || report.errors > 0 ? 'bad' : 'good'}">${counted}. ${verdict}</p>`;
  return markup`<section class="report" aria-labelledby="report-title">
${head}
${joinHtml(blocks, '\n')}
${acknowledgedBlock(report)}
</section>`;
}

/** The findings the issue file lets stand (`acknowledgements:`), each as a sentence: who, what, where and why. */
function acknowledgedBlock(report: CheckReport): Html | '' {
  if (!report.acknowledged?.length) return '';
  const items = report.acknowledged.map((a) => markup`<li>${acknowledgedSentence(a)}</li>`);
  return markup`<h3 id="acknowledged">Let stand (acknowledged in the issue file)</h3>\n<ul aria-labelledby="acknowledged">${joinHtml(items, '\n')}</ul>`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Content or template errors over the page; the last good render stays visible beneath. */
export function problemsOverlay(problems: string[], hasRender: boolean): Html {
  if (problems.length === 0) return markup`<div id="overlay" hidden></div>`;
  const shown = hasRender ? 'The preview below is the last version that worked.' : 'There is nothing to show until this is fixed.';
  return markup`<div id="overlay" class="overlay" role="alert">
<h2>The content has ${plural(problems.length, 'problem')}</h2>
<ul>${joinHtml(
    problems.map((p) => markup`<li><code>${p}</code></li>`),
    '\n',
  )}</ul>
<p>${shown} Fix it in the editor (Edit), or in the file; this page updates by itself once it is saved.</p>
</div>`;
}
