// The check report beside the email: findings grouped by section, each section heading a link
// that brings that part of the email into view.
import { acknowledgedSentence, placeOf } from '../../check/finding-words.js';
import type { CheckReport, Finding } from '../../check/finding.js';
import type { Issue } from '../../content/schema.js';
import { escapeHtml } from '../../render/html.js';
import { anchorFor } from '../../render/model.js';

/** Errors first, hints (advice, never counted) last. */
const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, hint: 2 };
const LABEL: Record<Finding['severity'], string> = { error: 'Error', warning: 'Warning', hint: 'Hint' };

/** `problems`: the content or template errors that stand now. While there are any, the report is
 * of the last version that worked, and the panel must not call the issue ready. */
export function reportPanel(issue: Issue, report: CheckReport | undefined, emailHref: string, problems: readonly string[] = []): string {
  if (!report)
    return '<section class="report" aria-labelledby="report-title"><h2 id="report-title">Checks</h2><p>The checks run once the issue renders.</p></section>';
  const groups = new Map<number, Finding[]>();
  for (const f of report.findings) groups.set(f.section?.index ?? -1, [...(groups.get(f.section?.index ?? -1) ?? []), f]);
  const blocks = [...groups].map(([index, findings]) => {
    const section = issue.sections[index];
    const heading = section
      ? `<a href="${escapeHtml(`${emailHref}#${anchorFor(section, index)}`)}" target="email" data-anchor="${escapeHtml(anchorFor(section, index))}" data-title="${escapeHtml(section.title)}">Section ${index + 1} (${escapeHtml(section.type)}): ${escapeHtml(section.title)}</a>`
      : 'Whole issue';
    const items = [...findings]
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
      .map(
        (
          f,
        ) => `<li class="finding ${f.severity}"><strong>${LABEL[f.severity]}:</strong> ${placeOf(f) ? `<code class="place">${escapeHtml(placeOf(f).trimEnd())}</code> ` : ''}${escapeHtml(f.message)}
<span class="fix">Fix: ${escapeHtml(f.fix)}</span> <code>${escapeHtml(f.code)}</code></li>`,
      );
    return `<h3>${heading}</h3>\n<ul>${items.join('\n')}</ul>`;
  });
  const broken = problems.length > 0;
  const verdict = broken
    ? `Not ready to send: the content has ${plural(problems.length, 'problem')} (listed at the top of the page). These checks are of the last version that worked.`
    : report.errors > 0
      ? 'Not ready to send.'
      : report.warnings > 0
        ? 'Ready to send; read the warnings first.'
        : 'Ready to send.';
  return `<section class="report" aria-labelledby="report-title">
<h2 id="report-title">Checks</h2>
<p class="verdict ${broken || report.errors > 0 ? 'bad' : 'good'}">${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}. ${verdict}</p>
${blocks.join('\n')}
${acknowledgedBlock(report)}
</section>`;
}

/** The findings the issue file lets stand (`acknowledgements:`), each as a sentence: who, what, where and why. */
function acknowledgedBlock(report: CheckReport): string {
  if (!report.acknowledged?.length) return '';
  const items = report.acknowledged.map((a) => `<li>${escapeHtml(acknowledgedSentence(a))}</li>`);
  return `<h3 id="acknowledged">Let stand (acknowledged in the issue file)</h3>\n<ul aria-labelledby="acknowledged">${items.join('\n')}</ul>`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Content or template errors over the page; the last good render stays visible beneath. */
export function problemsOverlay(problems: string[], hasRender: boolean): string {
  if (problems.length === 0) return '<div id="overlay" hidden></div>';
  const shown = hasRender ? 'The preview below is the last version that worked.' : 'There is nothing to show until this is fixed.';
  return `<div id="overlay" class="overlay" role="alert">
<h2>The content has ${plural(problems.length, 'problem')}</h2>
<ul>${problems.map((p) => `<li><code>${escapeHtml(p)}</code></li>`).join('\n')}</ul>
<p>${shown} Save the file again once it is fixed; this page updates by itself.</p>
</div>`;
}
