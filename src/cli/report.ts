// The check report for people: grouped by section, errors first within each.
import { spamAssassinLine } from '../check/checks/spam.js';
import type { CheckReport, Finding } from '../check/finding.js';
import { acknowledgedSentence, placeOf } from '../check/finding-words.js';

// Colour only where it is welcome (Io.color: a terminal, NO_COLOR unset); the words alone carry the meaning.
const paint = (on: boolean | undefined, code: number, text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

export function formatReport(report: CheckReport, style: { color?: boolean } = {}): string {
  const groups = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const key = f.section ? `Section ${f.section.index + 1} (${f.section.type}): ${f.section.title}` : 'Whole issue';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines = [`Checks for issue ${report.issue}`];
  for (const [title, findings] of groups) {
    lines.push('', title);
    for (const f of [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))) {
      lines.push(
        `  ${f.severity === 'error' ? paint(style.color, 31, 'ERROR  ') : paint(style.color, 33, 'warning')} ${placeOf(f)}${f.message} [${f.code}]`,
        `          fix: ${f.fix}`,
      );
    }
  }
  if (report.acknowledged?.length) {
    lines.push('', 'Acknowledged (let stand in the issue file):');
    for (const a of report.acknowledged) lines.push(`  ${acknowledgedSentence(a)}`);
  }
  const spamAssassin = spamAssassinLine(report);
  if (spamAssassin) lines.push('', spamAssassin);
  const verdict =
    report.errors > 0 ? 'Not ready to send.' : report.warnings > 0 ? 'Ready to send; read the warnings first.' : 'Ready to send.';
  lines.push(
    '',
    `${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}. ${paint(style.color, report.errors > 0 ? 31 : 32, verdict)}`,
  );
  return lines.join('\n');
}
