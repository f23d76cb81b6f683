// The check report for people: grouped by section, errors first within each.
import { spamAssassinLine } from '../check/checks/spam.js';
import type { CheckReport, Finding } from '../check/finding.js';

// Colour only where it is welcome (Io.color: a terminal, NO_COLOR unset); the words alone carry the meaning.
const paint = (on: boolean | undefined, code: number, text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/** Errors first, hints last, within each section. */
const SEVERITY_ORDER: Record<Finding['severity'], number> = { error: 0, warning: 1, hint: 2 };

export function formatReport(report: CheckReport, style: { color?: boolean } = {}): string {
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const key = f.section ? `Section ${f.section.index + 1} (${f.section.type}): ${f.section.title}` : 'Whole issue';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines = [`Checks for issue ${report.issue}`];
  for (const [title, findings] of groups) {
    lines.push('', title);
    for (const f of [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])) {
      lines.push(
        `  ${f.severity === 'error' ? paint(style.color, 31, 'ERROR  ') : f.severity === 'warning' ? paint(style.color, 33, 'warning') : paint(style.color, 36, 'hint   ')} ${f.message} [${f.code}]`,
        `          fix: ${f.fix}`,
      );
    }
  }
  if (report.acknowledged?.length) {
    lines.push('', 'Acknowledged (let stand in the issue file):');
    for (const a of report.acknowledged) lines.push(`  ${a.code} "${a.text}" — ${a.reason} (${a.by})`);
  }
  const spamAssassin = spamAssassinLine(report);
  if (spamAssassin) lines.push('', spamAssassin);
  const hints = report.findings.filter((f) => f.severity === 'hint').length;
  if (hints > 0) lines.push('', `${hints} hint${hints === 1 ? '' : 's'}: advice on the writing, not counted as warnings.`);
  const verdict =
    report.errors > 0 ? 'Not ready to send.' : report.warnings > 0 ? 'Ready to send; read the warnings first.' : 'Ready to send.';
  lines.push(
    '',
    `${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}. ${paint(style.color, report.errors > 0 ? 31 : 32, verdict)}`,
  );
  return lines.join('\n');
}
